/**
 * The layering rules of eslint.config.mjs fire: each fixture below is linted as if it were a file at
 * `path` (ESLint's own API, in one child process, with the project's real config), and must produce
 * exactly the expected verdict. A rule that silently stopped matching would let a fixture pass here.
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

const root = resolve(__dirname, "..", "..", "..");

interface Fixture {
  why: string;
  path: string;
  code: string;
  /** true: no-restricted-imports (or -globals) must report; false: the file must lint clean of both. */
  rejected: boolean;
}

const FIXTURES: Fixture[] = [
  { why: "office may not import the functions layer", path: "src/office/fixture.ts", code: 'import { invoke } from "../functions/invoke";\nexport const x = invoke;\n', rejected: true },
  { why: "office may not import the functions front door either", path: "src/office/fixture.ts", code: 'import * as f from "../functions";\nexport const x = f;\n', rejected: true },
  { why: "the pane may not import the functions layer", path: "src/taskpane/components/Fixture.tsx", code: 'import { sharedRuntime } from "../../functions/runtime";\nexport const x = sharedRuntime;\n', rejected: true },
  { why: "a deep import into model from the engine", path: "src/engine/fixture.ts", code: 'import type { Fact } from "../model/types";\nexport type X = Fact;\n', rejected: true },
  { why: "a deep import into engine from the pane", path: "src/taskpane/fixture.ts", code: 'import { isEngineError } from "../engine/result";\nexport const x = isEngineError;\n', rejected: true },
  { why: "a deep import into office from the pane", path: "src/taskpane/fixture.ts", code: 'import type { WorkbookHost } from "../office/types";\nexport type X = WorkbookHost;\n', rejected: true },
  { why: "a deep import into model from functions", path: "src/functions/fixture.ts", code: 'import { ROLES } from "../model/types";\nexport const x = ROLES;\n', rejected: true },
  { why: "model may not import the engine", path: "src/model/fixture.ts", code: 'import { stress } from "../engine";\nexport const x = stress;\n', rejected: true },
  { why: "engine may not import React", path: "src/engine/fixture.ts", code: 'import { useState } from "react";\nexport const x = useState;\n', rejected: true },
  { why: "engine may not touch Excel", path: "src/engine/fixture.ts", code: "export const x = () => Excel.run(async () => undefined);\n", rejected: true },
  { why: "the add-in may not import hyperformula (GPL-3.0, preview and tests only)", path: "src/office/fixture.ts", code: 'import { HyperFormula } from "hyperformula";\nexport const x = HyperFormula;\n', rejected: true },
  { why: "the pane may not import the workbook preview", path: "src/taskpane/fixture.ts", code: 'import { PreviewWorkbook } from "../preview/excel/workbook";\nexport const x = PreviewWorkbook;\n', rejected: true },
  { why: "the functions may not import hyperformula", path: "src/functions/fixture.ts", code: 'import { HyperFormula } from "hyperformula";\nexport const x = HyperFormula;\n', rejected: true },
  { why: "the preview computes nothing itself (no engine)", path: "src/preview/fixture.ts", code: 'import { stress } from "../engine";\nexport const x = stress;\n', rejected: true },
  { why: "the preview embeds the pane, it does not import it", path: "src/preview/fixture.tsx", code: 'import { App } from "../taskpane/App";\nexport const x = App;\n', rejected: true },
  { why: "the preview may use hyperformula and the office front door", path: "src/preview/fixture.ts", code: 'import { HyperFormula } from "hyperformula";\nimport { sheetRef } from "../office";\nexport const x = [HyperFormula, sheetRef];\n', rejected: false },
  { why: "the front doors are allowed", path: "src/taskpane/fixture.ts", code: 'import { isEngineError } from "../engine";\nimport type { Fact } from "../model";\nimport type { WorkbookHost } from "../office";\nexport const x = isEngineError;\nexport type Y = [Fact, WorkbookHost];\n', rejected: false },
  { why: "imports inside a layer are free", path: "src/engine/fixture.ts", code: 'import { engineError } from "./result";\nimport type { Fact } from "../model";\nexport const x = engineError;\nexport type Y = Fact;\n', rejected: false },
];

const script = `
import { ESLint } from "eslint";
const fixtures = JSON.parse(process.argv[1]);
const eslint = new ESLint({ cwd: ${JSON.stringify(root)} });
const out = [];
for (const f of fixtures) {
  const [result] = await eslint.lintText(f.code, { filePath: f.path });
  out.push(result.messages.filter((m) => m.ruleId === "no-restricted-imports" || m.ruleId === "no-restricted-globals").map((m) => m.ruleId));
}
process.stdout.write(JSON.stringify(out));
`;

describe("layer rules in eslint.config.mjs", () => {
  let verdicts: string[][];
  beforeAll(() => {
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script, JSON.stringify(FIXTURES)], { cwd: root, encoding: "utf8" });
    if (run.status !== 0) throw new Error(`eslint failed: ${run.stderr}`);
    verdicts = JSON.parse(run.stdout) as string[][];
  }, 120_000);

  it.each(FIXTURES.map((f, i) => [f.why, i] as const))("%s", (_why, i) => {
    const fixture = FIXTURES[i];
    expect(verdicts[i].length > 0).toBe(fixture.rejected);
  });
});
