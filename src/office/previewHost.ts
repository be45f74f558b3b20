/**
 * The host used outside Excel (browser preview, screenshots, component tests).
 *
 * Inside the workbook preview (preview.html, served by the dev server) the pane runs in a frame, and the
 * page around it offers an in-browser Excel (src/preview: the Excel JavaScript API subset over a formula
 * engine) as `aifinPreview` on the parent window. Then the pane gets the very Excel host it gets in Excel
 * (createExcelHostWith), running over that Excel: Build, Refresh and Freeze exercise the same code.
 *
 * Anywhere else it reports that Excel is not available and answers every workbook operation with a
 * message saying where to run it.
 */
import type { Capabilities, WorkbookHost } from "./types";
import { detectFeatures, toCapabilities, type SetProbe } from "./capabilities";
import { createExcelHostWith, type HostDeps } from "./excelHost";
import type { TemplateSource } from "./templateSource";
import { stopped } from "./hostErrors";

/** What the preview page offers its pane: Excel.run and isSetSupported over the in-browser workbook. */
export interface PreviewExcel {
  run: HostDeps["run"];
  probe: (version: string) => boolean;
}

/** The global name under which the preview page exposes its Excel. */
export const PREVIEW_GLOBAL = "aifinPreview";

/** The preview page's Excel when this pane runs inside it (same origin), else null. */
export function findPreviewExcel(win: unknown = globalThis): PreviewExcel | null {
  try {
    const w = win as { parent?: unknown } & Record<string, unknown>;
    for (const candidate of [w[PREVIEW_GLOBAL], (w.parent as Record<string, unknown> | undefined)?.[PREVIEW_GLOBAL]]) {
      const p = candidate as Partial<PreviewExcel> | undefined;
      if (p && typeof p.run === "function" && typeof p.probe === "function") return p as PreviewExcel;
    }
  } catch {
    // A parent on another origin: not the preview.
  }
  return null;
}

/**
 * A WorkbookHost for outside Excel: over the preview page's Excel when there is one (`source` gives the
 * data a build writes), otherwise one that never touches a workbook.
 */
export function createPreviewHostWith(source?: () => TemplateSource, preview: PreviewExcel | null = findPreviewExcel()): WorkbookHost {
  if (preview && source) {
    const probe: SetProbe = (v) => preview.probe(v);
    return createExcelHostWith({
      run: preview.run,
      probe: () => probe,
      source,
      today: () => new Date().toISOString().slice(0, 10),
      wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    });
  }
  return {
    capabilities: (): Capabilities => toCapabilities(detectFeatures(null)),
    build: async () => ({ kind: "error", error: stopped("notInExcel", "build") }),
    refresh: async () => ({ kind: "error", error: stopped("notInExcel", "refresh") }),
    freeze: async () => ({ kind: "error", error: stopped("notInExcel", "freeze") }),
  };
}
