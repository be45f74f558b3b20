/**
 * Dates, in one place for every layer: ISO calendar dates (`YYYY-MM-DD`) as plain strings (they sort
 * lexically in time order, which is all the point-in-time views need, and survive JSON and Excel round
 * trips unchanged) and Excel date serials (1900 date system) to ISO dates and back.
 *
 * Excel counts 1900-01-01 as serial 1 and, to stay compatible with Lotus 1-2-3, pretends that 1900 was a
 * leap year: serial 60 is the non-existent 1900-02-29 and serial 61 is 1900-03-01. From serial 61 on, a
 * serial is simply the number of days since 1899-12-30; below 60 it is one day further from that epoch.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** The time part of an ISO date-time: hh:mm, optional seconds and fraction, optional Z or offset. */
const ISO_TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?$/;
const MS_PER_DAY = 86_400_000;
/** 1899-12-30, the epoch that makes serials from 61 on plain day counts. */
const EPOCH_MS = Date.UTC(1899, 11, 30);
/** 9999-12-31, the last date Excel accepts. */
export const MAX_EXCEL_SERIAL = 2_958_465;
/** The phantom 29 February 1900. */
export const PHANTOM_LEAP_DAY_SERIAL = 60;

/** Milliseconds since 1970 for a strict `YYYY-MM-DD` text naming a real day, else null. */
function isoDateMs(text: string): number | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // setUTCFullYear, unlike Date.UTC, keeps years 0..99 as they are; it rolls 2026-02-30 over to March,
  // which the round trip below exposes.
  const back = new Date(0);
  const ms = back.setUTCFullYear(year, month - 1, day);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return ms;
}

/**
 * Whether `text` is a real calendar date in strict ISO form (no time, no spaces).
 * @example isIsoDate("2024-02-29") // true
 * @example isIsoDate("2026-02-30") // false (February has no 30th)
 */
export function isIsoDate(text: string): boolean {
  // Arithmetic, not Date objects: a 10,000-row table checks two dates per row on every edit.
  if (typeof text !== "string" || text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  for (let k = 0; k < DIGIT_POSITIONS.length; k++) {
    const c = text.charCodeAt(DIGIT_POSITIONS[k]);
    if (c < 48 || c > 57) return false;
  }
  // No closure per call: a closure made on each call is an allocation (and, transpiled with keepNames, a
  // property definition) for every date of a 10,000-row table.
  const year = (text.charCodeAt(0) - 48) * 1000 + (text.charCodeAt(1) - 48) * 100 + (text.charCodeAt(2) - 48) * 10 + (text.charCodeAt(3) - 48);
  const month = (text.charCodeAt(5) - 48) * 10 + (text.charCodeAt(6) - 48);
  const day = (text.charCodeAt(8) - 48) * 10 + (text.charCodeAt(9) - 48);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[month - 1]);
}

const DIGIT_POSITIONS = [0, 1, 2, 3, 5, 6, 8, 9] as const;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * The ISO date of an Excel date serial (the time of day is dropped), or null for serials outside
 * 1..2958465 (1900-01-01..9999-12-31) and for serial 60, which names no real day.
 * @example excelSerialToIso(46058) // "2026-02-05"
 * @example excelSerialToIso(59)    // "1900-02-28"
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
 * The Excel serial of an ISO date, or null when the text is not a real calendar day within Excel's range
 * (1900-01-01..9999-12-31).
 * @example isoToExcelSerial("2026-02-05") // 46058
 */
export function isoToExcelSerial(iso: string): number | null {
  const ms = isoDateMs(iso);
  if (ms === null) return null;
  const days = Math.round((ms - EPOCH_MS) / MS_PER_DAY);
  const serial = days < PHANTOM_LEAP_DAY_SERIAL + 1 ? days - 1 : days;
  return serial >= 1 && serial <= MAX_EXCEL_SERIAL ? serial : null;
}

/**
 * Reads a date the way an analyst may type it in a cell: an ISO text, an ISO date-time text, or an Excel
 * serial number (or its text). Returns null when it is none of these.
 * @example parseDateCell(46058) // "2026-02-05"
 */
export function parseDateCell(value: unknown): string | null {
  if (typeof value === "number") return excelSerialToIso(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (isIsoDate(text)) return text;
  const head = text.slice(0, 10);
  // A date-time keeps its date only when the time is a real one ("2026-02-05T25:00" is no time).
  if (text.charAt(10) === "T" && isIsoDate(head)) return ISO_TIME.test(text.slice(11)) ? head : null;
  if (/^\d+(\.\d+)?$/.test(text)) return excelSerialToIso(Number(text));
  return null;
}

/**
 * `date` held inside [min, max] (ISO texts compare in time order), or null when `date` is not a real ISO
 * date. The pane's date control and deep links go through this.
 * @example clampIsoDate("2030-01-01", "2024-01-01", "2026-02-05") // "2026-02-05"
 */
export function clampIsoDate(date: string, min: string, max: string): string | null {
  if (!isIsoDate(date)) return null;
  return date < min ? min : date > max ? max : date;
}

const two = (n: number): string => String(n).padStart(2, "0");

/**
 * The ISO date of the last day of a month (month 1..12; 13 is January of the next year, 0 December before).
 * @example monthEndIso(2024, 2) // "2024-02-29"
 */
export function monthEndIso(year: number, month: number): string {
  const end = new Date(Date.UTC(year, month, 0));
  return `${String(end.getUTCFullYear()).padStart(4, "0")}-${two(end.getUTCMonth() + 1)}-${two(end.getUTCDate())}`;
}

/**
 * The ISO date `months` months after `iso` (negative: before); a day past the target month's end becomes
 * that month's last day, so month ends stay month ends.
 * @example addMonthsIso("2025-06-30", -12) // "2024-06-30"
 */
export function addMonthsIso(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const last = monthEndIso(year, month);
  return Number(last.slice(8)) <= d ? last : `${last.slice(0, 8)}${two(d)}`;
}
