/**
 * docs/functions.md states example values on the bundled data. This test recomputes every example line
 * (`    =AIFIN.…  →  value`) through the formula harness, so the reference page cannot drift from the code.
 * The examples are pinned to the dataset version the page names: when the bundled data gets a new version,
 * the value check shows as skipped (with a warning) until the page is regenerated for it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createHarness, isCellError, REPO_ROOT } from "../../harness/formulaHarness";
import { bundledDataset } from "../../../src/model";

const docs = readFileSync(join(REPO_ROOT, "docs", "functions.md"), "utf8");
const examples = [...docs.matchAll(/^ {4}(=AIFIN\..*?)\s{2}→\s{2}(.+)$/gm)].map((m) => ({ formula: m[1], expected: m[2].trim() }));
const docVersion = /dataset version ([^\s*]+)\*\*/.exec(docs)?.[1];

describe("docs/functions.md examples", () => {
  it("name the dataset version they were computed on", () => {
    expect(docVersion).toBeDefined();
  });

  it("cover every function with at least one recomputed example or a spilled example", () => {
    expect(examples.length).toBeGreaterThanOrEqual(20);
  });

  const current = docVersion === bundledDataset.version;
  if (!current) console.warn(`docs/functions.md shows values for dataset ${docVersion}; the bundled data is ${bundledDataset.version}: recompute the examples.`);
  (current ? it : it.skip)("match what the functions compute on that dataset version", () => {
    const h = createHarness({ S: examples.map((e) => [e.formula]) });
    examples.forEach((e, i) => {
      const actual = h.getValue("S", `A${i + 1}`);
      if (e.expected.startsWith("#")) {
        expect({ formula: e.formula, value: isCellError(actual) ? actual.value : actual }).toEqual({ formula: e.formula, value: e.expected });
      } else if (e.expected.startsWith('"')) {
        expect({ formula: e.formula, value: actual }).toEqual({ formula: e.formula, value: JSON.parse(e.expected) });
      } else {
        expect({ formula: e.formula, value: actual }).toEqual({ formula: e.formula, value: Number(e.expected) });
      }
    });
    h.destroy();
  });
});
