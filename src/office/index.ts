/**
 * The office layer: the only code that talks to Excel (Excel.run). The task pane receives a WorkbookHost
 * and never calls Excel itself.
 */
import { bundledDataset } from "../model";
import { officeProbe } from "./capabilities";
import { createExcelHostWith } from "./excelHost";
import { createPreviewHostWith } from "./previewHost";
import type { TemplateSource } from "./templateSource";
import { templateSourceOf } from "./templateSource";
import type { WorkbookHost } from "./types";

export * from "./types";
export { CAPABILITY_GAPS, type CapabilityGap } from "./capabilities";
export { SHEET_LANGUAGES, type SheetLanguage } from "./sheetLabels";
export { createPreviewHostWith, findPreviewExcel, PREVIEW_GLOBAL, type PreviewExcel } from "./previewHost";
export { createExcelHostWith, buildSpecs, type HostDeps, type TemplateSource } from "./excelHost";
export { SHEET_ROLES, SHEET_ROLE_MEANINGS, type SheetRole } from "./sheetRoles";
export { templateSourceOf } from "./templateSource";
export { columnLetters, parseRange, rangeAddress, sheetRef } from "./a1";

/**
 * The host outside Excel: over the workbook preview's in-browser Excel when the pane runs inside
 * preview.html, else one that says where to build (previewHost.ts).
 */
export function createPreviewHost(): WorkbookHost {
  let source: TemplateSource | null = null;
  return createPreviewHostWith(() => (source ??= templateSourceOf(bundledDataset)));
}

/**
 * The host over the real Excel. Call it once Office is ready (Office.onReady); the bundled data is turned
 * into table rows on the first build, not at start-up.
 */
export function createExcelHost(): WorkbookHost {
  let source: TemplateSource | null = null;
  return createExcelHostWith({
    run: (batch) => Excel.run(batch),
    probe: officeProbe,
    source: () => (source ??= templateSourceOf(bundledDataset)),
    today: () => new Date().toISOString().slice(0, 10),
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  });
}
