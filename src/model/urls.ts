/**
 * Which source URLs become links (in the pane and in the workbook's Sources sheet): http and https only.
 * Anything else (javascript:, data:, file:, a relative path) is shown as text or not at all.
 *
 * @example isWebUrl("https://www.sec.gov/x") // true
 * @example isWebUrl("javascript:alert(1)") // false
 */
export function isWebUrl(url: unknown): url is string {
  if (typeof url !== "string" || url.length > 2048) return false;
  try {
    const u = new URL(url);
    return (u.protocol === "http:" || u.protocol === "https:") && u.hostname !== "";
  } catch {
    return false;
  }
}
