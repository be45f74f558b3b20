/**
 * The host used outside Excel (browser preview, screenshots, component tests): it reports that Excel is
 * not available and answers every workbook operation with a message saying where to run it.
 */
import type { Capabilities, WorkbookHost } from "./types";
import { detectFeatures, toCapabilities } from "./capabilities";

const OPEN_IN_EXCEL = "Open AIFIN in Excel to build the workbook.";

/** A WorkbookHost that never touches Excel. */
export function createPreviewHost(): WorkbookHost {
  const none = { added: 0, updated: 0, keptEdited: 0, keptAdded: 0 };
  return {
    capabilities: (): Capabilities => toCapabilities(detectFeatures(null)),
    build: async () => ({ kind: "error", message: OPEN_IN_EXCEL }),
    refresh: async () => ({ kind: "error", ...none, message: OPEN_IN_EXCEL }),
    freeze: async () => ({ kind: "error", message: OPEN_IN_EXCEL }),
  };
}
