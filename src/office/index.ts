/**
 * The office layer: the only code that talks to Excel (Excel.run). The task pane receives a WorkbookHost
 * and never calls Excel itself.
 */
import { bundledDataset } from "../model";
import { officeProbe } from "./capabilities";
import { createExcelHostWith } from "./excelHost";
import type { TemplateSource } from "./templateSource";
import { templateSourceOf } from "./templateSource";
import type { WorkbookHost } from "./types";

export * from "./types";
export { createPreviewHost } from "./previewHost";
export { createExcelHostWith, buildSpecs, type HostDeps, type TemplateSource } from "./excelHost";
export { SHEET_ROLES, SHEET_ROLE_MEANINGS, type SheetRole } from "./sheetRoles";
export { templateSourceOf } from "./templateSource";

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
