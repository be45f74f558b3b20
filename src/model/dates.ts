/**
 * ISO calendar dates (`YYYY-MM-DD`) as plain strings: they sort lexically in time order, which is all the
 * point-in-time views need, and they survive JSON and Excel round trips unchanged.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
/** Excel's serial 25569 is 1970-01-01 (the 1900 system, which counts the non-existent 1900-02-29). */
const EXCEL_UNIX_EPOCH = 25569;

/**
 * Whether `text` is a real calendar date in ISO form.
 * @example isIsoDate("2026-02-29") // false (2026 is not a leap year)
 */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/**
 * The ISO date of an Excel date serial (1900 date system; the time of day is dropped), or null when the
 * serial is not a finite number at or after 1900-03-01 (serial 61), where Excel's leap-year bug ends.
 * @example excelSerialToIso(46058) // "2026-02-05"
 */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 61 || serial > 2_958_465) return null;
  const ms = (Math.floor(serial) - EXCEL_UNIX_EPOCH) * DAY_MS;
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The Excel date serial of an ISO date (1900 date system).
 * @example isoToExcelSerial("2026-02-05") // 46058
 */
export function isoToExcelSerial(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS) + EXCEL_UNIX_EPOCH;
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
  if (/^\d{4}-\d{2}-\d{2}T/.test(text) && isIsoDate(head)) return head;
  if (/^\d+(\.\d+)?$/.test(text)) return excelSerialToIso(Number(text));
  return null;
}
