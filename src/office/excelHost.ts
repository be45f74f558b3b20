/**
 * The WorkbookHost over Excel.run: "Build workbook", "Refresh data" and "Freeze to values". The office
 * layer is split by job:
 *
 * - templateSource.ts: the contract for the data a build writes (and its implementation over a dataset);
 * - sheetRoles.ts: the sheets a build writes, declared once; sheetAssembly.ts: one spec per role;
 * - excelWriter.ts: copies specs and table rows into the workbook (and lists the Excel API it uses);
 * - session.ts: round trips, the single retry, error codes with their Office cause (hostErrors.ts);
 * - operations/: build, refresh, freeze, each reading in its first batches, deciding in pure code
 *   (buildPlan, refreshMerge, templateSpec) and then writing, so the number of `context.sync()` round
 *   trips is fixed whatever the number of facts (at most 6; tests count them).
 *
 * Excel on the web refuses a request over 5 MB (EXCEL_REQUEST_LIMIT_BYTES in excelWriter.ts, with its source):
 * the writer splits larger writes into pieces under half that, one sync each. The bundled data and ten times
 * as many facts fit in one request; a hundred times the facts take a few more syncs.
 */
import type { BuildOptions, BuildOutcome, Capabilities, FreezeOutcome, RefreshOutcome, WorkbookHost } from "./types";
import { detectFeatures, toCapabilities, type HostFeatures } from "./capabilities";
import { isIsoDate } from "../model";
import { stopped } from "./hostErrors";
import type { HostDeps } from "./session";
import { build } from "./operations/build";
import { refresh } from "./operations/refresh";
import { freeze } from "./operations/freeze";

export type { HostDeps } from "./session";
export type { TemplateSource } from "./templateSource";
export { buildSpecs, stressInputsFrom, type StressInputs } from "./sheetAssembly";

/** Why this Excel cannot write safely, or null when it can. */
function blockedBy(f: HostFeatures): { code: "notInExcel" | "unsupported"; items?: string[] } | null {
  if (f.excelApi === null) return { code: "notInExcel" };
  if (!f.tables || !f.ownership) return { code: "unsupported", items: [f.tables ? "ownership" : "tables"] };
  return null;
}

/**
 * Creates the host over an Excel.run-like runner. createExcelHost() in index.ts passes the real Excel;
 * tests pass a stand-in.
 */
export function createExcelHostWith(deps: HostDeps): WorkbookHost {
  const features = (): HostFeatures => detectFeatures(deps.probe());

  return {
    capabilities: (): Capabilities => toCapabilities(features()),
    async build(options: BuildOptions): Promise<BuildOutcome> {
      const f = features();
      const blocked = blockedBy(f);
      if (blocked) return { kind: "error", error: stopped(blocked.code, "build", { items: blocked.items }) };
      if (options.asOf !== null && !isIsoDate(options.asOf)) {
        return { kind: "error", error: stopped("badAsOf", "build", { items: [options.asOf.slice(0, 40)] }) };
      }
      return build({ deps, features: f }, options);
    },
    async refresh(): Promise<RefreshOutcome> {
      const f = features();
      const blocked = blockedBy(f);
      if (blocked) return { kind: "error", error: stopped(blocked.code, "refresh", { items: blocked.items }) };
      return refresh({ deps, features: f });
    },
    async freeze(): Promise<FreezeOutcome> {
      const f = features();
      const blocked = blockedBy(f);
      if (blocked) return { kind: "error", error: stopped(blocked.code, "freeze", { items: blocked.items }) };
      return freeze({ deps, features: f });
    },
  };
}
