/**
 * The hand-written metadata merged into functions.json at build time (scripts/metadata-overrides.cjs):
 * MODEL's ranges accept error cells, and an override that no longer applies fails the build.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generateMetadata, loadMetadata, REPO_ROOT } from "../../harness/formulaHarness";

const { applyMetadataOverrides, OVERRIDES_FILE } = require("../../../scripts/metadata-overrides.cjs") as {
  applyMetadataOverrides: (metadata: unknown, overrides: Record<string, unknown>) => { metadata: { functions: { id: string; parameters: { name: string; allowErrorForDataTypeAny?: boolean }[] }[] }; problems: string[] };
  OVERRIDES_FILE: string;
};
const overrides = JSON.parse(readFileSync(join(REPO_ROOT, OVERRIDES_FILE), "utf8")) as Record<string, unknown>;

describe("metadata overrides", () => {
  it("let MODEL's facts and entities ranges receive error cells, and nothing else", () => {
    const { metadata, problems } = applyMetadataOverrides(generateMetadata().metadata, overrides);
    expect(problems).toEqual([]);
    const allowing = metadata.functions.flatMap((fn) => fn.parameters.filter((p) => p.allowErrorForDataTypeAny).map((p) => `${fn.id}.${p.name}`));
    expect(allowing).toEqual(["MODEL.facts", "MODEL.entities"]);
  });

  it("are what the harness registers (as the build writes them)", () => {
    const model = loadMetadata().metadata.functions.find((fn) => fn.id === "MODEL");
    expect(model?.parameters.map((p) => p.allowErrorForDataTypeAny ?? false)).toEqual([true, true, false, false, false]);
  });

  it("refuse an override for a missing function or parameter, an unknown property or a non-any parameter", () => {
    const metadata = { functions: [{ id: "F", parameters: [{ name: "x", type: "any" }, { name: "n", type: "number" }] }] };
    expect(applyMetadataOverrides(metadata, { G: {} }).problems).toEqual(['override for a function "G" that functions.json does not have']);
    expect(applyMetadataOverrides(metadata, { F: { parameters: { y: { allowErrorForDataTypeAny: true } } } }).problems).toEqual([
      'F: override for a parameter "y" the function does not have',
    ]);
    expect(applyMetadataOverrides(metadata, { F: { parameters: { x: { volatile: true } } } }).problems).toEqual(['F.x: unknown metadata property "volatile"']);
    expect(applyMetadataOverrides(metadata, { F: { parameters: { n: { allowErrorForDataTypeAny: true } } } }).problems).toEqual([
      "F.n: allowErrorForDataTypeAny needs a parameter of type any, not number",
    ]);
  });

  it("ask Excel for MODEL's range addresses, so a problem names its sheet row", () => {
    const model = generateMetadata().metadata.functions.find((fn) => fn.id === "MODEL");
    expect(model?.options?.requiresParameterAddresses).toBe(true);
  });
});
