import { webLightTheme, type Theme } from "@fluentui/react-components";

/** What the pane learns from its host page before rendering. */
export interface PaneEnvironment {
  /** True when running inside Excel (Office.onReady reported the Excel host). */
  inExcel: boolean;
  themeName: "light" | "dark" | "contrast";
  /** BCP 47 tag such as "en-US" or "zh-TW", lower-risk default "en-US". */
  language: string;
}

type OfficeLike = {
  onReady?: (cb: (info: { host: unknown; platform: unknown }) => void) => unknown;
  HostType?: { Excel?: unknown };
  context?: { officeTheme?: { isDarkTheme?: boolean | (() => boolean) } | null; displayLanguage?: string };
};

function officeGlobal(): OfficeLike | undefined {
  const g = globalThis as unknown as { Office?: OfficeLike };
  return typeof g.Office === "object" && g.Office !== null ? g.Office : undefined;
}

/**
 * Settles when Office.onReady fires, with whether the host is Excel; at once with false when office.js is
 * absent (a plain browser, a failed CDN load). May never settle when office.js is present but no host
 * answers, so callers race it against a timer. Never rejects.
 */
export function officeReady(): Promise<{ inExcel: boolean }> {
  return new Promise((resolve) => {
    const office = officeGlobal();
    if (!office?.onReady) {
      resolve({ inExcel: false });
      return;
    }
    try {
      office.onReady((info) => {
        const excel = office.HostType?.Excel ?? "Excel";
        resolve({ inExcel: info?.host === excel });
      });
    } catch {
      resolve({ inExcel: false });
    }
  });
}

/**
 * Resolves when Office is ready or after `timeoutMs`, whichever comes first: outside Office `Office` may be
 * undefined or `onReady` may never fire, and the pane must still render. `ready` is the untimed promise,
 * for callers that upgrade when a slow Excel answers after the timeout. Never rejects.
 */
export function waitForOffice(timeoutMs = 1500): Promise<{ inExcel: boolean; timedOut: boolean; ready: Promise<{ inExcel: boolean }> }> {
  const ready = officeReady();
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ inExcel: false, timedOut: true, ready }), timeoutMs);
    void ready.then(({ inExcel }) => {
      clearTimeout(timer);
      resolve({ inExcel, timedOut: false, ready });
    });
  });
}

/** Office's theme flag read defensively: a boolean in current hosts, a function in some older samples, absent outside Office. */
export function officeIsDark(): boolean | null {
  try {
    const flag = officeGlobal()?.context?.officeTheme?.isDarkTheme;
    if (typeof flag === "function") return Boolean(flag());
    if (typeof flag === "boolean") return flag;
  } catch {
    // Reading officeTheme throws in hosts that do not implement it; fall through to the browser's preference.
  }
  return null;
}

/**
 * Chooses the theme: forced colours (Windows high contrast) win, then an explicit `?theme=` query flag
 * (preview and screenshots), then Office's theme, then the browser's colour-scheme preference.
 */
export function detectTheme(search: string, matchMedia: ((q: string) => { matches: boolean }) | undefined): PaneEnvironment["themeName"] {
  const flag = new URLSearchParams(search).get("theme");
  if (flag === "contrast") return "contrast";
  if (matchMedia?.("(forced-colors: active)").matches) return "contrast";
  if (flag === "dark" || flag === "light") return flag;
  const dark = officeIsDark();
  if (dark !== null) return dark ? "dark" : "light";
  return matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

/**
 * The UI language, normalised ("zh-tw" → "zh-TW", Hant/HK/MO → zh-TW, Hans/SG → zh-CN): a `?lang=` query
 * flag (preview), else Office's display language; "en-US" when unknown.
 */
export function detectLanguage(search = ""): string {
  let tag: string | undefined = new URLSearchParams(search).get("lang") ?? undefined;
  try {
    tag ??= officeGlobal()?.context?.displayLanguage;
  } catch {
    tag = undefined;
  }
  if (!tag) return "en-US";
  const lower = tag.toLowerCase();
  if (lower.startsWith("zh")) return /hant|tw|hk|mo/.test(lower) ? "zh-TW" : "zh-CN";
  const [lang, region] = tag.split(/[-_]/);
  return region ? `${lang.toLowerCase()}-${region.toUpperCase()}` : lang.toLowerCase();
}

// The dark and the high-contrast theme each sit in a chunk of their own (themes.ts, themes.contrast.ts);
// index.tsx loads the one it needs before the pane renders in it.
let darkTheme: Theme | null = null;
let contrastTheme: Theme | null = null;
const pendingThemes: Partial<Record<PaneEnvironment["themeName"], Promise<unknown>>> = {};

/** Loads the Fluent theme a name needs (the light one is always in); resolves at once when it is. */
export function loadTheme(name: PaneEnvironment["themeName"]): Promise<unknown> {
  if (name === "light" || (name === "dark" ? darkTheme : contrastTheme)) return Promise.resolve();
  return (pendingThemes[name] ??=
    name === "dark"
      ? import(/* webpackChunkName: "theme-dark" */ "./themes").then((m) => (darkTheme = m.webDarkTheme))
      : import(/* webpackChunkName: "theme-contrast" */ "./themes.contrast").then((m) => (contrastTheme = m.teamsHighContrastTheme)));
}

/** The Fluent theme object for a theme name; the light theme until loadTheme(name) has settled. */
export function fluentTheme(name: PaneEnvironment["themeName"]): Theme {
  if (name === "light") return webLightTheme;
  return (name === "contrast" ? contrastTheme : darkTheme) ?? webLightTheme;
}
