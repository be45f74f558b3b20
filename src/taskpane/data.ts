/**
 * Wires the real layers into the pane: the bundled model (loaded and indexed once per runtime) and the
 * engine measures. Imported lazily by index.tsx so the shell paints before the data is parsed.
 */
import { getBundledModel } from "../model";
import { cyclesThrough, entityMetrics, exposureTable, factsAbout, factsBehind, flowsAround, hasFactsAbout, history, stress } from "../engine";
import type { PaneData } from "./lowerLayers";

/** The bundled model and the engine, as the pane consumes them. */
export function loadPaneData(): PaneData {
  return { model: getBundledModel(), engine: { entityMetrics, exposureTable, cyclesThrough, stress, factsBehind, factsAbout, history, flowsAround, hasFactsAbout } };
}
