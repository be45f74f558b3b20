// Placeholder so the build has an entry; the functions work replaces this file.
/**
 * Returns information about the bundled dataset.
 * @customfunction MODEL_INFO
 * @param [field] "version" (default) or "as_of".
 * @returns The requested field.
 */
export function modelInfo(field?: string | null): string {
  return field === "as_of" ? "2026-07-03" : "placeholder";
}
