/**
 * Displays a cell value with its Excel number format, as far as the preview needs: General, fixed decimals
 * ("0.0"), thousands ("#,##0.0"), percent ("0.0%"), quoted suffixes ('0.00"x"'), text ("@") and ISO-style
 * dates ("yyyy-mm-dd"). Anything else falls back to General.
 */

/** Excel's date serial 0 is 1899-12-30 (with the 1900 leap-year bug folded in). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function general(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-9 || abs >= 1e11)) return n.toExponential(4).replace(/\.?0+e/, "E").replace("e", "E");
  return String(Number(n.toPrecision(10)));
}

export function formatNumber(n: number, format: string): string {
  const f = format.trim();
  if (f === "" || f === "General" || f === "@") return general(n);
  if (/y{2,4}|d{1,2}|m{1,2}/i.test(f.replace(/"[^"]*"/g, "")) && !/[0#]/.test(f)) {
    const d = new Date(EXCEL_EPOCH_MS + Math.round(n * 86400000));
    const iso = d.toISOString();
    return /h/i.test(f) ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10);
  }
  const suffix = /"([^"]*)"\s*$/.exec(f)?.[1] ?? "";
  const body = f.replace(/"[^"]*"/g, "");
  const percent = body.includes("%");
  const decimals = /\.(0+)/.exec(body)?.[1].length ?? 0;
  const thousands = body.includes(",");
  const value = percent ? n * 100 : n;
  const text = value.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: thousands });
  return `${text}${percent ? "%" : ""}${suffix}`;
}
