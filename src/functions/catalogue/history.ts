/**
 * AIFIN.HISTORY: a dated series of one or more exposure measures of an entity (issue 15), spilled as a
 * header row then one row per date (an Excel date, then each measure's value). The series comes from the
 * engine (src/engine/history.ts: a view per date, facts superseded along the way, at most
 * MAX_HISTORY_POINTS dates); this module reads the arguments and lays the table out.
 */
import { history, historyValues, isEngineError, HISTORY_MEASURES, HISTORY_STEPS, type HistoryMeasure } from "../../engine";
import { isoToExcelSerial } from "../../model";
import { FormulaError, messages, orThrow } from "../errors";
import { always, defineFunction, entity, enumOf, modelParam, moneyParam } from "../params";
import { EXPOSURE_MEASURES } from "./circularExposure";

/** Every CIRCULAR_EXPOSURE measure is a HISTORY measure: a new one there fails to compile here until the engine follows it. */
const _exposureMeasuresFollowed: readonly HistoryMeasure[] = EXPOSURE_MEASURES;
void _exposureMeasuresFollowed;

/** First column of the HISTORY header; the measures' names follow. */
export const HISTORY_DATE_HEADER = "date";
/** The widest HISTORY table: the date and every measure (a spill's width is fixed by its header). */
export const HISTORY_HEADER = [HISTORY_DATE_HEADER, ...HISTORY_MEASURES] as const;

/** Reads "self_funded" or "self_funded, funding_out": known measures, each at most once. */
export function parseMeasures(fn: string, text: string): HistoryMeasure[] {
  const out: HistoryMeasure[] = [];
  for (const raw of text.split(",")) {
    const part = raw.trim().toLowerCase();
    if (!(HISTORY_MEASURES as readonly string[]).includes(part)) {
      const shown = raw.trim().length > 40 ? `${raw.trim().slice(0, 37)}...` : raw.trim();
      throw new FormulaError("#VALUE!", messages.notAllowed(fn, "measure", shown, HISTORY_MEASURES));
    }
    if (out.includes(part as HistoryMeasure)) throw new FormulaError("#VALUE!", `${fn}: measure lists "${part}" twice; name each measure once.`);
    out.push(part as HistoryMeasure);
  }
  return out;
}

export const HISTORY = defineFunction({
  memoise: always,
  params: [
    entity("entity"),
    {
      name: "measure",
      type: "text",
      optional: true,
      default: HISTORY_MEASURES[0],
      hint: `a measure (${HISTORY_MEASURES.join(", ")}) or several separated by commas`,
    },
    { name: "from", type: "date", optional: true, hint: "an Excel date or ISO text; empty for the model's first fact date" },
    { name: "to", type: "date", optional: true, hint: "an Excel date or ISO text; empty for the latest data" },
    enumOf("step", HISTORY_STEPS, "the step between dates"),
    modelParam,
    moneyParam,
  ],
  result: "table",
  header: HISTORY_HEADER,
  /**
   * Several measures share one date column: for "month" and "quarter" the calendar dates, for "facts" the
   * union of the dates that moved any of them. A date on which a measure has no value (a share with no
   * contracts in: #DIV/0! in CIRCULAR_EXPOSURE) is an empty cell, which a line chart leaves as a gap.
   */
  body({ entity, measure, from, to, step, money }, call) {
    const measures = parseMeasures(call.fn, measure);
    const { model, basis } = call.loaded;
    const series = measures.map((m) => orThrow(history(model, entity.id, { measure: m, from, to, step, basis, money, facts: false })));
    let dates = series[0].points.map((p) => p.date);
    let columns: (number | string)[][];
    if (measures.length > 1 && step === "facts") {
      dates = [...new Set(series.flatMap((s) => s.points.map((p) => p.date)))].sort();
      columns = measures.map((m) => orThrow(historyValues(model, entity.id, m, dates, basis, money)).map((v) => (isEngineError(v) ? "" : v)));
    } else {
      columns = series.map((s) => s.points.map((p) => (isEngineError(p.value) ? "" : p.value)));
    }
    return [[HISTORY_DATE_HEADER, ...measures], ...dates.map((date, i) => [isoToExcelSerial(date) ?? date, ...columns.map((c) => c[i])])];
  },
});
