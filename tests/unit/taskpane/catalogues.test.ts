/**
 * The pane's string catalogues: English, Traditional and Simplified Chinese hold the same keys (the
 * `Strings` type already makes a missing key a compile error; this also catches extra keys), Office's
 * language tags map onto them, and the Simplified catalogue contains no Traditional-only character (the
 * mistake of copying a zh-TW text into zh-CN).
 */
import { en } from "../../../src/taskpane/strings";
import { zhCN } from "../../../src/taskpane/strings.zh-CN";
import { zhTW } from "../../../src/taskpane/strings.zh-TW";
import { loadStrings, paneLanguageOf, stringsFor } from "../../../src/taskpane/i18n";
import { TRADITIONAL_ONLY } from "../../harness/chineseScript";

/** Every leaf of a catalogue as [path, text]: strings as they are, templates by their source text. */
function leaves(obj: object, prefix = ""): [string, string][] {
  return Object.entries(obj).flatMap(([k, v]): [string, string][] =>
    typeof v === "string" ? [[prefix + k, v]] : typeof v === "function" ? [[prefix + k, String(v)]] : leaves(v as object, `${prefix}${k}.`),
  );
}
const keys = (obj: object) => leaves(obj).map(([k]) => k).sort();


describe("pane string catalogues", () => {
  it.each([
    ["zh-TW", zhTW],
    ["zh-CN", zhCN],
  ])("%s has exactly the English keys", (_name, catalogue) => {
    expect(keys(catalogue)).toEqual(keys(en));
  });

  it("zh-CN is written in Simplified characters", () => {
    expect(leaves(zhCN).filter(([, text]) => TRADITIONAL_ONLY.test(text)).map(([k, text]) => `${k}: ${text.match(TRADITIONAL_ONLY)?.[0]}`)).toEqual([]);
  });

  it("every Chinese text is translated (no English sentence left behind)", () => {
    for (const catalogue of [zhTW, zhCN]) {
      const untranslated = leaves(catalogue).filter(([k, text]) => text !== (leaves(en).find(([e]) => e === k)?.[1] ?? "") ? false : /[a-z]{4,} [a-z]{3,}/.test(text));
      expect(untranslated.map(([k]) => k)).toEqual([]);
    }
  });

  it.each([
    ["zh-TW", zhTW],
    ["zh-CN", zhCN],
    ["en-US", en],
    ["fr-FR", en],
  ])("Office tag %s gets its catalogue", async (tag, catalogue) => {
    expect(await loadStrings(tag)).toBe(catalogue);
    expect(stringsFor(tag)).toBe(catalogue);
    expect(paneLanguageOf(tag)).toBe(catalogue === en ? "en-US" : tag);
  });
});
