import { CYCLE_LENGTH, findMoneyCycles } from "../../engine";
import { PATH_ARROW } from "../cellText";
import { FormulaError, orThrow } from "../errors";
import type { ResultCell } from "../params";
import { always, asOf, defineFunction, entity, modelParam } from "../params";

/** Header row of CYCLES. */
export const CYCLES_HEADER = ["path", "length", "bottleneck"] as const;
/** Most cycles CYCLES lists; beyond them one last row says how many more there are ("+N more"). */
export const MAX_CYCLE_ROWS = 1_000;

export const CYCLES = defineFunction({
  memoise: always,
  params: [
    entity("entity"),
    {
      name: "max_length",
      type: "number",
      optional: true,
      default: CYCLE_LENGTH.default,
      min: CYCLE_LENGTH.min,
      max: CYCLE_LENGTH.max,
      integer: true,
      hint: "the most entities in a loop",
    },
    asOf,
    modelParam,
  ],
  result: "table",
  header: CYCLES_HEADER,
  body({ entity, max_length }, call) {
    const found = orThrow(findMoneyCycles(call.view(), entity.id, max_length));
    if (!found.complete) {
      throw new FormulaError(
        "#N/A",
        `${call.fn}: more loops run through ${entity.id} with up to ${max_length} entities than AIFIN can list in one search; use a smaller max_length.`,
      );
    }
    const shown = found.cycles.slice(0, MAX_CYCLE_ROWS);
    const rows: ResultCell[][] = [[...CYCLES_HEADER], ...shown.map((c) => [c.path.join(PATH_ARROW), c.path.length - 1, c.bottleneck])];
    const more = found.cycles.length - shown.length;
    if (more > 0) rows.push([`+${more.toLocaleString("en-US")} more (largest ${MAX_CYCLE_ROWS.toLocaleString("en-US")} shown)`, "", ""]);
    return rows;
  },
});
