/**
 * What can go wrong in a workbook operation, as codes with their cause, so the pane says it in the
 * analyst's language (its string tables render every code: a test fails when one is missing) and support
 * still sees Excel's own error code. The office layer never returns English prose for an error.
 */

/** The three workbook operations. */
export type HostOperation = "build" | "refresh" | "freeze";

/** Every reason an operation can stop, declared once. */
export const HOST_ERROR_CODES = [
  /** Not running inside Excel (preview, browser). */
  "notInExcel",
  /** This Excel lacks a requirement set AIFIN needs to write safely (tables, the ownership record). */
  "unsupported",
  /** The as-of date is not an ISO date (`items[0]` = the text). */
  "badAsOf",
  /** Refresh or freeze, but no AIFIN workbook here yet. */
  "noWorkbook",
  /** AIFIN's record of its sheets cannot be read: nothing is treated as owned. */
  "recordUnreadable",
  /** Refresh: the AIFIN tables were deleted or converted to ranges. */
  "tablesGone",
  /** A table of AIFIN's name now sits on a sheet AIFIN did not create (`subject` = table). */
  "tableMoved",
  /** Update: an AIFIN sheet's table was renamed or converted to a range, so the sheet is not cleared (`subject` = sheet). */
  "tableMissing",
  /**
   * Update or refresh: AIFIN sheets left by a build that did not finish (its write failed and so did the put-back,
   * before their tables were created), which running it again cannot complete (`items` = the sheets).
   */
  "buildUnfinished",
  /** The table lacks columns AIFIN wrote (`subject` = table, `items` = columns). */
  "columnMissing",
  /** Update: the analyst typed where the new layout needs room (`subject` = sheet, `items` = cells). */
  "cellsInTheWay",
  /** Excel was editing a cell. */
  "cellEditMode",
  /** Protected or read-only. */
  "accessDenied",
  /** The request was larger than Excel accepts. */
  "tooLarge",
  /** A sheet or table with one of AIFIN's names appeared meanwhile. */
  "nameTaken",
  /** A sheet or table AIFIN was working on was renamed or deleted meanwhile. */
  "itemGone",
  /** This Excel lacks an API AIFIN called. */
  "featureMissing",
  /** A filter, merged cells, a PivotTable or a co-author's edit blocked the change. */
  "blocked",
  /** Any other failure (the Office code and message are kept in `officeCode` and `cause`). */
  "officeFailure",
] as const;

export type HostErrorCode = (typeof HOST_ERROR_CODES)[number];

/**
 * What a failed operation left in the workbook:
 * - "nothing": nothing was written, or what was written was put back exactly as it was;
 * - "partial": the operation stopped after part of it was confirmed (only its final row deletes or record
 *   were left), or a restore could not finish; `sheets` names the AIFIN sheets it changed (never a sheet
 *   or row of the analyst's). Running the operation again completes it, except when `unfinished` is set:
 *   a new build's sheets (named there) may be left without their tables, which only deleting them (when the
 *   analyst typed nothing on them) and building again, or building alongside, gets past (code buildUnfinished).
 */
export type ChangeReport = { kind: "nothing" } | { kind: "partial"; sheets: string[]; unfinished?: string[] };

/** An operation's failure, for the pane to render. */
export interface HostError {
  code: HostErrorCode;
  operation: HostOperation;
  /** OfficeExtension.Error.code when Excel raised the failure, else null. */
  officeCode: string | null;
  /** Excel's own message (or the exception's), kept for support; null when AIFIN stopped by itself. */
  cause: string | null;
  /** The sheet or table concerned, when there is one. */
  subject?: string;
  /** Names the message lists (columns, cells, the missing feature). */
  items?: string[];
  changed: ChangeReport;
}

/** Codes after which the same request can simply be tried again a moment later. */
const RETRYABLE = new Set(["InvalidOperationInCellEditMode"]);

/** Office error code → AIFIN's code (anything else is "officeFailure"). */
const BY_OFFICE_CODE: Readonly<Record<string, HostErrorCode>> = {
  InvalidOperationInCellEditMode: "cellEditMode",
  AccessDenied: "accessDenied",
  ActivityLimitReached: "tooLarge",
  RequestPayloadSizeLimitExceeded: "tooLarge",
  ResponsePayloadSizeLimitExceeded: "tooLarge",
  ItemAlreadyExists: "nameTaken",
  ItemNotFound: "itemGone",
  InvalidReference: "itemGone",
  ApiNotFound: "featureMissing",
  UnsupportedOperation: "featureMissing",
  NotImplemented: "featureMissing",
  InsertDeleteConflict: "blocked",
  Conflict: "blocked",
  FilteredRangeConflict: "blocked",
  MergedRangeConflict: "blocked",
  PivotTableRangeConflict: "blocked",
};

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
 * An Office failure as a HostError, the Office code and message kept as its cause.
 *
 * @example fromOfficeError({ code: "AccessDenied", message: "…" }, "build", { kind: "nothing" }).code // "accessDenied"
 */
export function fromOfficeError(error: unknown, operation: HostOperation, changed: ChangeReport): HostError {
  const officeCode = officeErrorCode(error);
  const cause = error instanceof Error && error.message ? error.message.slice(0, 500) : officeCode;
  return { code: (officeCode && BY_OFFICE_CODE[officeCode]) || "officeFailure", operation, officeCode, cause, changed };
}

/** A failure AIFIN decided on itself (nothing written). */
export function stopped(code: HostErrorCode, operation: HostOperation, extra: { subject?: string; items?: string[] } = {}): HostError {
  return { code, operation, officeCode: null, cause: null, ...extra, changed: { kind: "nothing" } };
}
