/**
 * The preview workbook in Node (unit tests, bench): the AIFIN functions are registered as in the browser
 * preview, from functions.json's ids and the entry points functions.js associates with them (here the
 * exports of functions.ts, mapped by the generator's own naming rule), with the CustomFunctions shim standing
 * in for Excel's runtime.
 */
import { registerAifinFunctions, type AssociatedFunction } from "../../src/preview/excel/functionsPlugin";
import { PreviewWorkbook } from "../../src/preview/excel/workbook";
import { excelRunFor, previewProbe } from "../../src/preview/excel/excelApi";
import { createExcelHostWith, templateSourceOf, type WorkbookHost } from "../../src/office";
import { bundledDataset } from "../../src/model";
import { exportNameOf, loadImplementations, loadMetadata } from "./formulaHarness";
import { isCustomFunctionsError } from "./customFunctionsShim";

/** Registers the functions once per process and returns a fresh workbook. */
export function createNodePreviewWorkbook(): PreviewWorkbook {
  const { metadata } = loadMetadata();
  const impls = loadImplementations();
  const map = new Map<string, AssociatedFunction>();
  for (const fn of metadata.functions) map.set(fn.id, impls[exportNameOf(fn.id)] as AssociatedFunction);
  registerAifinFunctions(metadata, map, (v) => (isCustomFunctionsError(v) ? { code: v.code, message: v.message } : null));
  return new PreviewWorkbook();
}

/** The real Excel host (src/office) over a preview workbook. */
export function hostOver(book: PreviewWorkbook, today = "2026-11-29"): WorkbookHost {
  const source = templateSourceOf(bundledDataset);
  return createExcelHostWith({
    run: excelRunFor(book),
    probe: () => previewProbe,
    source: () => source,
    today: () => today,
    wait: async () => undefined,
  });
}
