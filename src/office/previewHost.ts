/**
 * The host used outside Excel (browser preview, screenshots, component tests): it reports that Excel is
 * not available and answers every workbook operation with a message saying where to run it.
 */
import type { Capabilities, WorkbookHost } from "./types";
import { detectFeatures, toCapabilities } from "./capabilities";
import { stopped } from "./hostErrors";

/** A WorkbookHost that never touches Excel. */
export function createPreviewHost(): WorkbookHost {
  return {
    capabilities: (): Capabilities => toCapabilities(detectFeatures(null)),
    build: async () => ({ kind: "error", error: stopped("notInExcel", "build") }),
    refresh: async () => ({ kind: "error", error: stopped("notInExcel", "refresh") }),
    freeze: async () => ({ kind: "error", error: stopped("notInExcel", "freeze") }),
  };
}
