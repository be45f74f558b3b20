/**
 * Office errors, by code (OfficeExtension.Error.code / Excel.ErrorCodes), turned into messages that tell
 * the analyst what to do. This module and excelHost.ts are the only places that know about them.
 */

/** Codes after which the same request can simply be tried again a moment later. */
const RETRYABLE = new Set(["InvalidOperationInCellEditMode"]);

/** The `code` of an OfficeExtension.Error (or anything shaped like one); null otherwise. */
export function officeErrorCode(error: unknown): string | null {
  if (typeof error === "object" && error !== null && typeof (error as { code?: unknown }).code === "string") {
    return (error as { code: string }).code;
  }
  return null;
}

/** True when waiting and trying once more may succeed (the analyst was editing a cell). */
export function isRetryable(error: unknown): boolean {
  const code = officeErrorCode(error);
  return code !== null && RETRYABLE.has(code);
}

/**
 * A message for the task pane, by error code. `action` names what was attempted ("build the workbook").
 *
 * @example describeOfficeError({ code: "InvalidOperationInCellEditMode" }, "build the workbook")
 * // "Excel is editing a cell, so AIFIN could not build the workbook. Press Enter or Esc to finish editing, then try again."
 */
export function describeOfficeError(error: unknown, action: string): string {
  const code = officeErrorCode(error);
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return `Excel is editing a cell, so AIFIN could not ${action}. Press Enter or Esc to finish editing, then try again.`;
    case "AccessDenied":
      return `Excel refused to let AIFIN ${action}: the workbook or a sheet may be protected or read-only. Unprotect it (Review > Unprotect Sheet) or save an editable copy, then try again.`;
    case "ActivityLimitReached":
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return `The change was larger than Excel accepts in one request, so AIFIN could not ${action}. Excel on the web limits each request to about 5 MB: remove unused rows from the AIFIN Facts table, or use Excel on the desktop, then try again.`;
    case "ItemAlreadyExists":
      return `A sheet or table with one of AIFIN's names appeared while AIFIN was working. Try again: AIFIN will pick a free name and leave the other one alone.`;
    case "ItemNotFound":
    case "InvalidReference":
      return `A sheet or table AIFIN was working on was renamed or deleted meanwhile, so AIFIN could not ${action}. Try again.`;
    case "ApiNotFound":
    case "UnsupportedOperation":
    case "NotImplemented":
      return `This version of Excel lacks a feature AIFIN needs to ${action}. Update Office, or open the workbook in Excel on the web.`;
    case "InsertDeleteConflict":
    case "Conflict":
    case "FilteredRangeConflict":
    case "MergedRangeConflict":
    case "PivotTableRangeConflict":
      return `Something on the sheet (a filter, merged cells, a PivotTable or a co-author's edit) blocked the change, so AIFIN could not ${action}. Clear it or wait a moment, then try again.`;
    default: {
      const detail = code ? ` (Excel error ${code})` : error instanceof Error && error.message ? ` (${error.message})` : "";
      return `AIFIN could not ${action}${detail}. Nothing you created was overwritten. Try again; if it keeps failing, save the workbook and reopen it.`;
    }
  }
}
