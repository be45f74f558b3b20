/**
 * Excel date serials (1900 date system) to ISO dates and back.
 *
 * Excel counts 1900-01-01 as serial 1 and, to stay compatible with Lotus 1-2-3, pretends that 1900 was a
 * leap year: serial 60 is the non-existent 1900-02-29 and serial 61 is 1900-03-01. From serial 61 on, a
 * serial is simply the number of days since 1899-12-30; below 60 it is one day further from that epoch.
 */

const MS_PER_DAY = 86_400_000;
/** 1899-12-30, the epoch that makes serials from 61 on plain day counts. */
const EPOCH_MS = Date.UTC(1899, 11, 30);
/** 9999-12-31, the last date Excel accepts. */
export const MAX_EXCEL_SERIAL = 2_958_465;
/** The phantom 29 February 1900. */
export const PHANTOM_LEAP_DAY_SERIAL = 60;

/**
 * Converts an Excel serial to an ISO date (`YYYY-MM-DD`). The time of day (fractional part) is dropped.
 * Returns null for serials outside 1..2958465 and for serial 60, which names no real day.
 *
 * @example excelSerialToIso(46058) // "2026-02-05"
 * @example excelSerialToIso(61)    // "1900-03-01"
 */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial);
  if (day < 1 || day > MAX_EXCEL_SERIAL || day === PHANTOM_LEAP_DAY_SERIAL) return null;
  // Before the phantom day the serials are one lower than a plain day count from the epoch.
  const offset = day < PHANTOM_LEAP_DAY_SERIAL ? day + 1 : day;
  return new Date(EPOCH_MS + offset * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Converts an ISO date (`YYYY-MM-DD`) to its Excel serial, or null when the text is not a real calendar day
 * within Excel's range (1900-01-01..9999-12-31).
 *
 * @example isoToExcelSerial("2026-02-05") // 46058
 */
export function isoToExcelSerial(iso: string): number | null {
  const ms = parseIsoDate(iso);
  if (ms === null) return null;
  const days = Math.round((ms - EPOCH_MS) / MS_PER_DAY);
  const serial = days < PHANTOM_LEAP_DAY_SERIAL + 1 ? days - 1 : days;
  return serial >= 1 && serial <= MAX_EXCEL_SERIAL ? serial : null;
}

/** Milliseconds since 1970 for a strict `YYYY-MM-DD` text naming a real day, else null. */
export function parseIsoDate(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to March: a round trip exposes days that do not exist.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return ms;
}
