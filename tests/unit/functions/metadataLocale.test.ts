/**
 * zh-TW help text for the functions: the translation table must cover exactly the functions and parameters
 * that functions.ts generates, and localizing must change nothing but descriptions (Excel matches calls by
 * id, name and parameter order, so those stay English in every language).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generateMetadata, REPO_ROOT, type FunctionMetadataJson } from "../../harness/formulaHarness";

// The build script is CommonJS so webpack.config.js can require it; load it the same way here.
const { localizeMetadata, LOCALES } = require(join(REPO_ROOT, "scripts", "localize-functions.cjs")) as {
  localizeMetadata: (m: FunctionMetadataJson, t: Table) => { metadata: FunctionMetadataJson; problems: string[] };
  LOCALES: { locale: string; table: string; output: string }[];
};
type Table = Record<string, { description: string; parameters: Record<string, string> }>;

const table = (): Table => JSON.parse(readFileSync(join(REPO_ROOT, "src", "functions", "i18n", "functions.zh-TW.json"), "utf8")) as Table;
let metadata: FunctionMetadataJson;
beforeAll(() => {
  metadata = generateMetadata().metadata;
});

describe("zh-TW function metadata", () => {
  it("is the one locale the build emits, as functions.zh-TW.json, and the manifest points zh-TW at it", () => {
    expect(LOCALES).toEqual([{ locale: "zh-TW", table: "src/functions/i18n/functions.zh-TW.json", output: "functions.zh-TW.json" }]);
    const manifest = readFileSync(join(REPO_ROOT, "manifest.xml"), "utf8");
    expect(manifest).toMatch(/<bt:Url id="Functions\.Metadata\.Url"[^>]*>\s*<bt:Override Locale="zh-TW" Value="https:\/\/localhost:3000\/functions\.zh-TW\.json"\/>/);
  });

  it("translates every function and parameter of functions.ts, and nothing else", () => {
    const { problems, metadata: zh } = localizeMetadata(metadata, table());
    expect(problems).toEqual([]);
    const han = /[\u4e00-\u9fff]/;
    for (const f of zh.functions) {
      expect({ id: f.id, translated: han.test(f.description ?? "") }).toEqual({ id: f.id, translated: true });
      for (const p of f.parameters) expect({ id: `${f.id}(${p.name})`, translated: han.test(p.description ?? "") }).toEqual({ id: `${f.id}(${p.name})`, translated: true });
    }
  });

  it("changes only descriptions: ids, names, types, order and help URLs stay as in functions.json", () => {
    const { metadata: zh } = localizeMetadata(metadata, table());
    const shape = (m: FunctionMetadataJson) =>
      m.functions.map((f) => ({ ...f, description: undefined, parameters: f.parameters.map((p) => ({ ...p, description: undefined })) }));
    expect(shape(zh)).toEqual(shape(metadata));
    const stress = zh.functions.find((f) => f.id === "STRESS");
    expect(stress?.description).toBe("壓力測試：當另一實體（例如 OpenAI）按比例削減承諾時，某實體的損失。");
    expect(stress?.name).toBe("STRESS");
  });

  it("reports a missing function, a missing parameter and a parameter that does not exist", () => {
    const t = table();
    delete t.FACT;
    delete t.STRESS.parameters.cut;
    t.CYCLES.parameters.min_length = "最少";
    t.NO_SUCH = { description: "無", parameters: {} };
    const { problems, metadata: zh } = localizeMetadata(metadata, t);
    expect(problems.sort()).toEqual(
      [
        "FACT: no translated description",
        'STRESS: no translation for parameter "cut"',
        'CYCLES: translation for a parameter "min_length" the function does not have',
        "NO_SUCH: translated, but there is no such function",
      ].sort(),
    );
    // What is missing keeps its English text rather than going blank.
    expect(zh.functions.find((f) => f.id === "FACT")?.description).toBe(metadata.functions.find((f) => f.id === "FACT")?.description);
  });
});
