import { createContext, useContext, useEffect, useState } from "react";
import type { SheetLanguage } from "../office";
import { en, type PaneStrings } from "./strings";

/** The languages the pane speaks. Adding one: a catalogue typed `Strings`, a line here and in LANGUAGE_NAMES. */
export const PANE_LANGUAGES = ["en-US", "zh-TW", "zh-CN"] as const;
export type PaneLanguage = (typeof PANE_LANGUAGES)[number];

/**
 * Each catalogue's first-screen part: English's is in the pane's first chunk; the others are their own chunks,
 * loaded when the pane speaks that language (index.tsx loads Office's language before the first render; a pick in
 * the pane loads its catalogue, the current one staying on screen meanwhile). Every language's views' part loads
 * with the views (viewStrings.ts), so a Chinese pane's start-up carries only the first screen's Chinese.
 */
const CATALOGUES: Readonly<Record<PaneLanguage, () => Promise<PaneStrings>>> = {
  "en-US": async () => en,
  "zh-TW": () => import(/* webpackChunkName: "strings-zh-TW" */ "./strings.zh-TW").then((m) => m.zhTW),
  "zh-CN": () => import(/* webpackChunkName: "strings-zh-CN" */ "./strings.zh-CN").then((m) => m.zhCN),
};
const loaded: Partial<Record<PaneLanguage, PaneStrings>> = { "en-US": en };
const languageOf = new WeakMap<PaneStrings, PaneLanguage>([[en, "en-US"]]);

/** The language of a first-screen catalogue this module loaded (undefined for any other object, e.g. a test's whole catalogue). */
export function catalogueLanguage(strings: PaneStrings): PaneLanguage | undefined {
  return languageOf.get(strings);
}

/** The language a workbook is built in from each pane language (src/office/sheetLabels.ts holds the words). */
export const SHEET_LANGUAGE_OF: Readonly<Record<PaneLanguage, SheetLanguage>> = { "en-US": "en", "zh-TW": "zh-TW", "zh-CN": "zh-CN" };

/** Each language's name in itself, as the pane's language picker lists it. */
export const LANGUAGE_NAMES: Readonly<Record<PaneLanguage, string>> = { "en-US": "English", "zh-TW": "繁體中文", "zh-CN": "简体中文" };

/** The pane language for a BCP 47 tag as normalised by detectLanguage: zh-TW, zh-CN, else English. */
export function paneLanguageOf(tag: string): PaneLanguage {
  return (PANE_LANGUAGES as readonly string[]).includes(tag) ? (tag as PaneLanguage) : "en-US";
}

/** Loads the catalogue for a BCP 47 tag as normalised by detectLanguage (English for languages the pane does not speak). */
export async function loadStrings(language: string): Promise<PaneStrings> {
  const l = paneLanguageOf(language);
  const catalogue = (loaded[l] ??= await CATALOGUES[l]());
  languageOf.set(catalogue, l);
  return catalogue;
}

/** The catalogue for a tag once loadStrings has loaded it; English until then. */
export function stringsFor(language: string): PaneStrings {
  return loaded[paneLanguageOf(language)] ?? en;
}

/** The catalogue for `language`, loading it when needed; until it is in, the one shown last (English at first). */
export function useCatalogue(language: string): PaneStrings {
  const want = paneLanguageOf(language);
  const [shown, setShown] = useState<PaneStrings>(() => loaded[want] ?? en);
  useEffect(() => {
    let live = true;
    void loadStrings(want).then((catalogue) => live && setShown(catalogue));
    return () => {
      live = false;
    };
  }, [want]);
  return loaded[want] ?? shown;
}

const StringsContext = createContext<PaneStrings>(en);

/** Provides the string catalogue to the tree (English unless a translation is given). */
export const StringsProvider = StringsContext.Provider;

/** The current string catalogue's first-screen strings (views loaded on demand use useViewStrings, viewStrings.ts). */
export function useStrings(): PaneStrings {
  return useContext(StringsContext);
}

/** The language in use and the analyst's choice: null follows Office's display language. */
export interface LanguageChoice {
  language: PaneLanguage;
  chosen: PaneLanguage | null;
  choose(language: PaneLanguage | null): void;
}

const LanguageContext = createContext<LanguageChoice | null>(null);

/** Provides the language choice (Root); without it the pane shows no language picker. */
export const LanguageProvider = LanguageContext.Provider;

/** The language choice, or null where no provider offers one (tests rendering a single view). */
export function useLanguageChoice(): LanguageChoice | null {
  return useContext(LanguageContext);
}

const STORAGE_KEY = "aifin.paneLanguage";

/** The language the analyst picked in an earlier session, or null (follow Office). */
export function readChosenLanguage(storage: Pick<Storage, "getItem"> | undefined = safeStorage()): PaneLanguage | null {
  try {
    const value = storage?.getItem(STORAGE_KEY) ?? null;
    return value !== null && (PANE_LANGUAGES as readonly string[]).includes(value) ? (value as PaneLanguage) : null;
  } catch {
    return null;
  }
}

/** Remembers the analyst's pick for the next session (null forgets it); storage may be unavailable. */
export function storeChosenLanguage(language: PaneLanguage | null, storage: Pick<Storage, "setItem" | "removeItem"> | undefined = safeStorage()): void {
  try {
    if (language === null) storage?.removeItem(STORAGE_KEY);
    else storage?.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or a locked-down host: the choice lasts for this session only.
  }
}

function safeStorage(): Storage | undefined {
  try {
    return typeof window !== "undefined" ? window.localStorage : undefined;
  } catch {
    return undefined;
  }
}
