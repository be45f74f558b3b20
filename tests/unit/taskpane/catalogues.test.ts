/**
 * The pane's string catalogues: English, Traditional and Simplified Chinese hold the same keys (the
 * `Strings` type already makes a missing key a compile error; this also catches extra keys), Office's
 * language tags map onto them, and the Simplified catalogue contains no Traditional-only character (the
 * mistake of copying a zh-TW text into zh-CN).
 */
// The whole English catalogue: the first screen's strings (strings.ts) and the on-demand views' (strings.views.ts).
import { enAll as en } from "../../../src/taskpane/strings.views";
import { zhCN as zhCNFirst } from "../../../src/taskpane/strings.zh-CN";
import { zhCNViews } from "../../../src/taskpane/strings.zh-CN.views";
import { zhTW as zhTWFirst } from "../../../src/taskpane/strings.zh-TW";
import { zhTWViews } from "../../../src/taskpane/strings.zh-TW.views";
import { zhCN, zhTW } from "./wholeCatalogues";
import { loadStrings, paneLanguageOf, stringsFor } from "../../../src/taskpane/i18n";
import { en as enFirstScreen } from "../../../src/taskpane/strings";
import { enViews } from "../../../src/taskpane/strings.views";
import { loadViewStrings, viewStringsOf } from "../../../src/taskpane/viewStrings";
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
    ["zh-TW", zhTW, zhTWFirst, zhTWViews],
    ["zh-CN", zhCN, zhCNFirst, zhCNViews],
  ])("%s comes in the same two parts as English: the first screen's keys, and the views' keys", (_name, _whole, first, views) => {
    expect(keys(first)).toEqual(keys(enFirstScreen));
    expect(keys(views)).toEqual(keys(enViews));
  });

  it.each([
    ["zh-TW", zhTWFirst],
    ["zh-CN", zhCNFirst],
    ["en-US", enFirstScreen],
    ["fr-FR", enFirstScreen],
  ])("Office tag %s gets its catalogue", async (tag, catalogue) => {
    expect(await loadStrings(tag)).toBe(catalogue);
    expect(stringsFor(tag)).toBe(catalogue);
    expect(paneLanguageOf(tag)).toBe(catalogue === enFirstScreen ? "en-US" : tag);
  });

  it("English comes in two parts that share no key: the first screen's (with the page) and the views' (on demand)", () => {
    const first = Object.keys(enFirstScreen);
    const views = Object.keys(enViews);
    expect(first.filter((k) => views.includes(k))).toEqual([]);
    expect([...first, ...views].sort()).toEqual(Object.keys(en).sort());
    // Only the first screen's strings are loaded with the page (check:build holds the views' out of its scripts).
    expect(views.length).toBeGreaterThan(first.length);
  });

  it("the views read the whole catalogue in use: the English views' strings under English, a translation's own texts under it", () => {
    const english = viewStringsOf(enFirstScreen);
    if (english === null) throw new Error("English's views' part is always in");
    expect(english.stressTotal).toBe("Total market value at risk");
    expect(english.productName).toBe(enFirstScreen.productName);
    expect(viewStringsOf(enFirstScreen)).toBe(english);
    for (const catalogue of [zhTW, zhCN]) {
      const whole = viewStringsOf(catalogue);
      if (whole === null) throw new Error("a whole catalogue needs no part loaded");
      for (const [k, v] of Object.entries(catalogue)) expect(whole[k as keyof typeof whole]).toBe(v);
      expect(whole.stressTotal).not.toBe(en.stressTotal);
    }
  });

  it("a translation's first part has no views' strings until its views' part is loaded, then the views read that language's", async () => {
    const first = await loadStrings("zh-TW");
    expect(first).toBe(zhTWFirst);
    expect("stressTotal" in first).toBe(false);
    expect(viewStringsOf(first)).toBeNull();
    await loadViewStrings("zh-TW");
    const whole = viewStringsOf(first);
    expect(whole?.stressTotal).toBe(zhTWViews.stressTotal);
    expect(whole?.productTagline).toBe(zhTWFirst.productTagline);
    expect(viewStringsOf(first)).toBe(whole);
  });
});
