/**
 * Every office error code reads in the pane's languages, with what was and was not changed and Excel's
 * own code, so a Chinese pane never shows an English error.
 */
import { HOST_ERROR_CODES, type HostError } from "../../../src/office/types";
import { hostErrorText } from "../../../src/taskpane/components/WorkbookView";
// The whole English catalogue: the first screen's strings (strings.ts) and the on-demand views' (strings.views.ts).
import { enAll as en } from "../../../src/taskpane/strings.views";
import { zhCN, zhTW } from "./wholeCatalogues";

const sample = (code: HostError["code"], changed: HostError["changed"] = { kind: "nothing" }): HostError => ({
  code,
  operation: "refresh",
  officeCode: code === "officeFailure" ? "GeneralException" : null,
  cause: null,
  subject: "AIFIN_Facts",
  items: ["amount_usd_bn"],
  changed,
});

describe("host error texts", () => {
  it.each(HOST_ERROR_CODES)("%s has a text in English and in Traditional Chinese", (code) => {
    const english = hostErrorText(en, sample(code));
    const chinese = hostErrorText(zhTW, sample(code));
    expect(english).toMatch(/Nothing in the workbook was changed\./);
    expect(chinese).toMatch(/活頁簿沒有任何變更/);
    // No English sentence in the Chinese text: at most names (tables, columns, Excel's code) stay Latin.
    const latinWords = chinese.replace(/AIFIN_Facts|amount_usd_bn|AIFIN|Excel|Office|Facts|Entities|Enter|Esc|GeneralException|MB|2026-02-05/g, "").match(/[A-Za-z]{3,}/g);
    expect(latinWords).toBeNull();
  });

  it("names the AIFIN sheets changed when an operation stopped part-way, and keeps Excel's code", () => {
    const e = { ...sample("officeFailure", { kind: "partial", sheets: ["AIFIN Facts"] }) };
    expect(hostErrorText(en, e)).toBe(
      "AIFIN could not refresh the data. Try again; if it keeps failing, save the workbook and reopen it. Nothing you typed was changed. AIFIN changed only its own sheets (AIFIN Facts) and did not finish: run it again to complete it. (Excel error GeneralException)",
    );
    expect(hostErrorText(zhTW, e)).toContain("AIFIN Facts");
  });

  const LEFT = ["AIFIN Facts", "AIFIN Entities"];
  const catalogues = [
    ["en", en, /did not finish/, /Create alongside/, /delete them and build again/],
    ["zh-TW", zhTW, /未完成/, /另建一份/, /刪除/],
    ["zh-CN", zhCN, /未完成/, /另建一份/, /删除/],
  ] as const;

  it.each(catalogues)("buildUnfinished (%s) names the left sheets and says to delete them and build again, or build alongside", (_lang, s, unfinished, alongside, remove) => {
    const text = hostErrorText(s, { ...sample("buildUnfinished"), operation: "build", subject: undefined, items: LEFT });
    for (const sheet of LEFT) expect(text).toContain(sheet);
    expect(text).toMatch(unfinished);
    expect(text).toMatch(alongside);
    expect(text).toMatch(remove);
    // Not the renamed-table message, which blamed the analyst.
    expect(text).not.toMatch(/renamed|改名/);
  });

  it.each(catalogues)("a partial report with unfinished sheets (%s) does not promise that running it again completes it", (_lang, s, _unfinished, alongside, remove) => {
    const partial = hostErrorText(s, sample("officeFailure", { kind: "partial", sheets: ["AIFIN Exposure", ...LEFT] }));
    const unfinishedText = hostErrorText(s, sample("officeFailure", { kind: "partial", sheets: ["AIFIN Exposure", ...LEFT], unfinished: LEFT }));
    expect(unfinishedText).not.toBe(partial);
    expect(unfinishedText).not.toMatch(/run it again to complete it|請再執行一次以完成|即可补齐/);
    for (const sheet of ["AIFIN Exposure", ...LEFT]) expect(unfinishedText).toContain(sheet);
    expect(unfinishedText).toMatch(alongside);
    expect(unfinishedText).toMatch(remove);
  });
});
