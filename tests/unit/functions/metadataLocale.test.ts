/**
 * Chinese help text for the functions (zh-TW Traditional, zh-CN Simplified): each translation table must
 * cover exactly the functions and parameters
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

const tableOf = (locale: string): Table => JSON.parse(readFileSync(join(REPO_ROOT, "src", "functions", "i18n", `functions.${locale}.json`), "utf8")) as Table;
const table = (): Table => tableOf("zh-TW");
/** Characters whose Simplified form differs: one of them in a zh-CN text means a Traditional text was copied in. */
const TRADITIONAL_ONLY = /[們個來這說時為於與實資產業權額總貸債購賣買數據檢視關係將當從會對應經過變動計質]/;
let metadata: FunctionMetadataJson;
beforeAll(() => {
  metadata = generateMetadata().metadata;
});

describe.each(["zh-TW", "zh-CN"])("%s function metadata (coverage)", (locale) => {
  it("is emitted by the build and the manifest points the locale at it", () => {
    expect(LOCALES).toContainEqual({ locale, table: `src/functions/i18n/functions.${locale}.json`, output: `functions.${locale}.json` });
    const manifest = readFileSync(join(REPO_ROOT, "manifest.xml"), "utf8");
    const url = /<bt:Url id="Functions\.Metadata\.Url"[^>]*>([\s\S]*?)<\/bt:Url>/.exec(manifest)?.[1] ?? "";
    expect(url).toContain(`<bt:Override Locale="${locale}" Value="https://localhost:3000/functions.${locale}.json"/>`);
  });

  it("the manifest's display name, description and every ribbon/get-started string have an override", () => {
    const manifest = readFileSync(join(REPO_ROOT, "manifest.xml"), "utf8");
    for (const tag of ["DisplayName", "Description"]) {
      const body = new RegExp(`<${tag} DefaultValue="[^"]*">([\\s\\S]*?)</${tag}>`).exec(manifest)?.[1] ?? "";
      expect({ tag, override: body.includes(`<Override Locale="${locale}"`) }).toEqual({ tag, override: true });
    }
    const strings = [...manifest.matchAll(/<bt:String id="([^"]+)" DefaultValue="[^"]*"(\/>|>([\s\S]*?)<\/bt:String>)/g)];
    expect(strings.length).toBeGreaterThan(3);
    for (const m of strings) {
      if (m[1] === "Functions.Namespace") continue; // the namespace is the same in every language
      expect({ id: m[1], override: (m[3] ?? "").includes(`<bt:Override Locale="${locale}"`) }).toEqual({ id: m[1], override: true });
    }
  });

  it("translates every function and parameter of functions.ts, and nothing else", () => {
    const { problems, metadata: zh } = localizeMetadata(metadata, tableOf(locale));
    expect(problems).toEqual([]);
    const han = /[\u4e00-\u9fff]/;
    for (const f of zh.functions) {
      expect({ id: f.id, translated: han.test(f.description ?? "") }).toEqual({ id: f.id, translated: true });
      for (const p of f.parameters) expect({ id: `${f.id}(${p.name})`, translated: han.test(p.description ?? "") }).toEqual({ id: `${f.id}(${p.name})`, translated: true });
    }
  });
});

describe("the locales the build emits", () => {
  it("are zh-TW and zh-CN", () => {
    expect(LOCALES.map((l) => l.locale)).toEqual(["zh-TW", "zh-CN"]);
  });

  it("zh-CN is written in Simplified characters", () => {
    const texts = Object.entries(tableOf("zh-CN")).flatMap(([id, e]) => [[id, e.description], ...Object.entries(e.parameters).map(([p, t]) => [`${id}(${p})`, t])]);
    expect(texts.filter(([, t]) => TRADITIONAL_ONLY.test(t)).map(([id]) => id)).toEqual([]);
  });
});

describe("zh-TW function metadata", () => {

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
