import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { detectLanguage, detectTheme, fluentTheme, loadTheme, officeIsDark, waitForOffice } from "../../../src/taskpane/environment";

const g = globalThis as unknown as { Office?: unknown };
const media = (matches: Record<string, boolean>) => (q: string) => ({ matches: Boolean(matches[q]) });

afterEach(() => {
  delete g.Office;
  jest.useRealTimers();
});

describe("waitForOffice", () => {
  it("resolves at once outside Office when office.js is absent", async () => {
    await expect(waitForOffice(10_000)).resolves.toMatchObject({ inExcel: false, timedOut: false });
  });

  it("resolves after the timeout when Office.onReady never fires", async () => {
    jest.useFakeTimers();
    g.Office = { onReady: () => undefined, HostType: { Excel: "Excel" } };
    const p = waitForOffice(2500);
    jest.advanceTimersByTime(2500);
    await expect(p).resolves.toMatchObject({ inExcel: false, timedOut: true });
  });

  it("still reports a late Excel through `ready` after timing out", async () => {
    jest.useFakeTimers();
    let fire!: (i: unknown) => void;
    g.Office = { onReady: (cb: (i: unknown) => void) => (fire = cb), HostType: { Excel: "Excel" } };
    const p = waitForOffice(1500);
    jest.advanceTimersByTime(1500);
    const first = await p;
    expect(first.timedOut).toBe(true);
    fire({ host: "Excel", platform: "PC" });
    await expect(first.ready).resolves.toEqual({ inExcel: true });
  });

  it("reports Excel when onReady names the Excel host", async () => {
    g.Office = { onReady: (cb: (i: unknown) => void) => cb({ host: "Excel", platform: "OfficeOnline" }), HostType: { Excel: "Excel" } };
    await expect(waitForOffice()).resolves.toMatchObject({ inExcel: true, timedOut: false });
  });

  it("treats a browser page (host null) as outside Excel", async () => {
    g.Office = { onReady: (cb: (i: unknown) => void) => cb({ host: null, platform: null }), HostType: { Excel: "Excel" } };
    await expect(waitForOffice()).resolves.toMatchObject({ inExcel: false, timedOut: false });
  });
});

describe("theme", () => {
  it("reads isDarkTheme as a boolean or, in older hosts, a function", () => {
    expect(officeIsDark()).toBeNull();
    g.Office = { context: { officeTheme: { isDarkTheme: true } } };
    expect(officeIsDark()).toBe(true);
    g.Office = { context: { officeTheme: { isDarkTheme: () => false } } };
    expect(officeIsDark()).toBe(false);
    g.Office = { context: { get officeTheme() { throw new Error("not implemented"); } } };
    expect(officeIsDark()).toBeNull();
  });

  it("prefers forced colours, then the query flag, then Office, then the browser", () => {
    g.Office = { context: { officeTheme: { isDarkTheme: true } } };
    expect(detectTheme("?theme=light", media({ "(forced-colors: active)": true }))).toBe("contrast");
    expect(detectTheme("?theme=light", media({}))).toBe("light");
    expect(detectTheme("", media({}))).toBe("dark");
    delete g.Office;
    expect(detectTheme("", media({ "(prefers-color-scheme: dark)": true }))).toBe("dark");
    expect(detectTheme("", undefined)).toBe("light");
  });

  it("maps names to Fluent themes, the dark and high-contrast ones each once its own chunk is in", async () => {
    await loadTheme("dark");
    expect(fluentTheme("dark")).toBe(webDarkTheme);
    expect(fluentTheme("light")).toBe(webLightTheme);
    // The dark chunk does not bring the high-contrast theme: light until its own chunk is in.
    expect(fluentTheme("contrast")).toBe(webLightTheme);
    await loadTheme("contrast");
    expect(fluentTheme("contrast")).toBe(teamsHighContrastTheme);
  });
});

describe("detectLanguage", () => {
  it.each([
    ["zh-tw", "zh-TW"],
    ["zh-Hant-HK", "zh-TW"],
    ["zh-Hans", "zh-CN"],
    ["zh-CN", "zh-CN"],
    ["zh-SG", "zh-CN"],
    ["zh-Hans-SG", "zh-CN"],
    ["zh-MO", "zh-TW"],
    ["EN-us", "en-US"],
  ])("normalises %s to %s", (tag, expected) => {
    g.Office = { context: { displayLanguage: tag } };
    expect(detectLanguage()).toBe(expected);
  });

  it("lets a ?lang= flag choose the language in a browser preview", () => {
    expect(detectLanguage("?lang=zh-Hant")).toBe("zh-TW");
  });

  it("defaults to en-US outside Office", () => {
    expect(detectLanguage()).toBe("en-US");
  });
});
