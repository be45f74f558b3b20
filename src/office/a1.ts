/**
 * A1 address arithmetic for the template specs and the Excel writer. Rows and columns are 1-based, as
 * Excel counts them.
 */

/**
 * Returns the column letters of a 1-based column number.
 *
 * @example columnLetters(1)  // "A"
 * @example columnLetters(28) // "AB"
 */
export function columnLetters(column: number): string {
  let n = column;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * Returns the 1-based column number of column letters (case-insensitive).
 *
 * @example columnNumber("AB") // 28
 */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * Returns the address of one cell.
 *
 * @example cellAddress(5, 3)       // "C5"
 * @example cellAddress(5, 3, true) // "$C$5"
 */
export function cellAddress(row: number, column: number, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${columnLetters(column)}${d}${row}`;
}

/**
 * Returns the address of a rectangle; a single cell stays "C5".
 *
 * @example rangeAddress(4, 1, 10, 3) // "A4:C10"
 */
export function rangeAddress(top: number, left: number, bottom: number, right: number, absolute = false): string {
  const start = cellAddress(top, left, absolute);
  return top === bottom && left === right ? start : `${start}:${cellAddress(bottom, right, absolute)}`;
}

/** A parsed rectangle, 1-based and inclusive. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Parses "C5", "A4:C10" or "$A$4:$C$10" (no sheet prefix); null when the text is not an address.
 *
 * @example parseRange("A4:C10") // { top: 4, left: 1, bottom: 10, right: 3 }
 */
export function parseRange(address: string): Rect | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(address.trim());
  if (!m) return null;
  const top = Number(m[2]);
  const left = columnNumber(m[1]);
  const bottom = m[4] ? Number(m[4]) : top;
  const right = m[3] ? columnNumber(m[3]) : left;
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

/**
 * Quotes a sheet name for use in a formula reference: `'AIFIN Exposure'!$B$2`. Quotes inside the name
 * are doubled, as Excel requires.
 *
 * @example sheetRef("AIFIN Exposure", "$B$2") // "'AIFIN Exposure'!$B$2"
 */
export function sheetRef(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}
