/**
 * The workbook preview page (preview.html, development server only): the real task pane (taskpane.html, same
 * bundle) in a frame beside a workbook that runs on a formula engine in the browser. The page offers the
 * pane an Excel (`aifinPreview`: Excel.run and isSetSupported over that workbook); the pane's Workbook tab
 * then builds, refreshes and freezes through the same src/office code that runs in Excel.
 *
 * The AIFIN functions in the engine are the ones functions.js hands to CustomFunctions.associate (collected
 * by the stand-in in preview.html) — each calls `invoke`, as in Excel.
 *
 * HyperFormula is GPL-3.0: it is bundled into preview.js only, never into the add-in (check:build).
 */
import { createRoot } from "react-dom/client";
import { PREVIEW_GLOBAL } from "../office";
import { registerAifinFunctions, type AssociatedFunction } from "./excel/functionsPlugin";
import { metadataFromSpecs } from "./excel/metadata";
import { PreviewWorkbook } from "./excel/workbook";
import { excelRunFor, previewProbe } from "./excel/excelApi";
import { PreviewPage } from "./PreviewPage";

declare global {
  interface Window {
    __aifinAssociated?: Array<[string, AssociatedFunction]>;
    aifinPreview?: { run: ReturnType<typeof excelRunFor>; probe: (v: string) => boolean; book: PreviewWorkbook };
  }
}

function start(): void {
  const associated = new Map(window.__aifinAssociated ?? []);
  const ErrorClass = (window as unknown as { CustomFunctions?: { Error?: new (...a: unknown[]) => object } }).CustomFunctions?.Error;
  registerAifinFunctions(metadataFromSpecs(), associated, (v) =>
    ErrorClass && v instanceof ErrorClass ? { code: String((v as { code: unknown }).code), message: (v as { message?: string }).message } : null,
  );
  const book = new PreviewWorkbook();
  const preview = { run: excelRunFor(book), probe: previewProbe, book };
  (window as unknown as Record<string, unknown>)[PREVIEW_GLOBAL] = preview;
  const el = document.getElementById("preview");
  if (el) createRoot(el).render(<PreviewPage book={book} search={window.location.search} />);
}

start();
