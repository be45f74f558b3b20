/**
 * The History sheet spec (issue 15): the entity chosen in the pane, a start date and a step as input
 * cells, one AIFIN.HISTORY spill (date, then self-funded exposure, funding out and contracts in) reading
 * the as-of date and model handle of the Exposure sheet, and a line chart over the rows the spill fills at
 * build time. Pure, like every spec: the writer copies it, the HyperFormula harness evaluates it.
 */
import { calendarDates } from "../engine";
import type { EntityId } from "../model";
import { rangeAddress, sheetRef } from "./a1";
import { USD_FORMAT, type SheetSpec, type SpecCell } from "./templateSpec";
import { sheetLabels, type SheetLabels } from "./sheetLabels";

/** Fixed cells of the History sheet. */
export const HISTORY_CELLS = { entity: "B2", from: "B3", step: "B4", spill: "A6", headerRow: 6 } as const;

/** The measures the sheet follows, in column order (B, C, D): one HISTORY call, one shared date column. */
export const HISTORY_SHEET_MEASURES = ["self_funded", "funding_out", "contracts_in"] as const;

/** Date format of the spill's first column (Excel dates). */
export const DATE_FORMAT = "yyyy-mm-dd";

/** Rows formatted below the header when the step is not "month" or "quarter" (a "facts" series is short). */
const FALLBACK_ROWS = 120;

/** Options of the History sheet. */
export interface HistorySheetOptions {
  /** This build's name of the History sheet. */
  name: string;
  /** This build's name of the Exposure sheet (its B2 is the as-of date, F2 the model handle). */
  exposureSheet: string;
  /** The entity chosen in the pane. */
  entity: EntityId;
  /** ISO start of the series: the dataset's earliest fact date. */
  from: string;
  /** ISO as-of date of the build (the series ends there; the formula reads the Exposure sheet's cell). */
  asOf: string;
  step?: "month" | "quarter" | "facts";
  /** The words the sheet shows, in the build's language (English when left out). */
  labels?: SheetLabels;
}

/**
 * Builds the History sheet.
 * @example historySheetSpec({ name: "AIFIN History", exposureSheet: "AIFIN Exposure", entity: "AMZN", from: "2024-10-01", asOf: "2026-07-03" }).rows[5][0]
 * // "=AIFIN.HISTORY($B$2,\"self_funded,funding_out,contracts_in\",$B$3,'AIFIN Exposure'!$B$2,$B$4,'AIFIN Exposure'!$F$2)"
 */
export function historySheetSpec(opts: HistorySheetOptions): SheetSpec & { points: number } {
  const step = opts.step ?? "month";
  const asOfRef = sheetRef(opts.exposureSheet, "$B$2");
  const modelRef = sheetRef(opts.exposureSheet, "$F$2");
  const measures = HISTORY_SHEET_MEASURES.join(",");
  const width = 1 + HISTORY_SHEET_MEASURES.length;
  const L = opts.labels ?? sheetLabels();
  const rows: SpecCell[][] = [
    [`="${L.historyTitleStart.replace(/"/g, '""')}"&${HISTORY_CELLS.entity}`, null, null, null],
    [L.entity, opts.entity, L.historyEntityNote, null],
    [L.from, opts.from, L.historyFromNote, null],
    [L.step, step, L.historyStepNote, null],
    [L.historyNote(opts.exposureSheet), null, null, null],
    [`=AIFIN.HISTORY($B$2,"${measures}",$B$3,${asOfRef},$B$4,${modelRef})`, null, null, null],
  ];
  const dates = step === "facts" || opts.from > opts.asOf ? null : calendarDates(opts.from, opts.asOf, step);
  const points = dates?.length ?? 0;
  const formatRows = dates ? points : FALLBACK_ROWS;
  const header = HISTORY_CELLS.headerRow;
  return {
    role: "history",
    name: opts.name,
    rows,
    numberFormats: [
      { range: HISTORY_CELLS.from, format: "@" },
      { range: rangeAddress(header + 1, 1, header + formatRows, 1), format: DATE_FORMAT },
      { range: rangeAddress(header + 1, 2, header + formatRows, width), format: USD_FORMAT },
    ],
    columnWidths: [14, 16, 16, 16],
    freezeRows: header,
    emphasis: [
      { range: "A1", style: "title" },
      { range: "B2:B4", style: "input" },
      { range: "C2:C4", style: "note" },
      { range: "A5", style: "note" },
      { range: rangeAddress(header, 1, header, width), style: "header" },
    ],
    points,
    // The chart covers the rows the spill fills for the build's dates; a "facts" step has no fixed length.
    chart:
      points > 0
        ? {
            name: "AIFIN history chart",
            title: L.historyChartTitle,
            kind: "line",
            source: rangeAddress(header, 1, header + points, width),
            from: "F6",
            to: "N24",
          }
        : undefined,
  };
}
