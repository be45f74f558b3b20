/**
 * The whole catalogue for the views the pane loads on demand. `useStrings()` gives the first screen's strings
 * (PaneStrings, typed without the views' keys). A view behind another tab asks `useViewStrings()`, which adds the
 * views' strings of the language in use: English's (strings.views.ts) load with the view that imports this module,
 * a translation's (strings.zh-TW.views.ts, strings.zh-CN.views.ts) are their own shared chunk, and the view suspends
 * (its Suspense fallback shows) until they are in, so no view can read a key that has not loaded.
 */
import { use } from "react";
import { catalogueLanguage, useStrings, type PaneLanguage } from "./i18n";
import type { PaneStrings, Strings } from "./strings";
import { enViews, type ViewStrings } from "./strings.views";

const VIEW_PARTS: Readonly<Record<PaneLanguage, () => Promise<ViewStrings>>> = {
  "en-US": () => Promise.resolve(enViews),
  "zh-TW": () => import(/* webpackChunkName: "strings-zh-TW-views" */ "./strings.zh-TW.views").then((m) => m.zhTWViews),
  "zh-CN": () => import(/* webpackChunkName: "strings-zh-CN-views" */ "./strings.zh-CN.views").then((m) => m.zhCNViews),
};
const viewParts: Partial<Record<PaneLanguage, ViewStrings>> = { "en-US": enViews };
const pending: Partial<Record<PaneLanguage, Promise<ViewStrings>>> = {};

/** Loads the views' strings of a pane language (once). */
export function loadViewStrings(language: PaneLanguage): Promise<ViewStrings> {
  return (pending[language] ??= VIEW_PARTS[language]().then((part) => (viewParts[language] = part)));
}

const whole = new WeakMap<PaneStrings, Strings>();

/**
 * `strings` completed with its language's views' strings, or null while they are loading (then call
 * loadViewStrings). A catalogue i18n.tsx did not load (a test's whole catalogue) is completed with English's
 * views' strings where it lacks them. One object per catalogue.
 */
export function viewStringsOf(strings: PaneStrings): Strings | null {
  let all = whole.get(strings);
  if (all === undefined) {
    const language = catalogueLanguage(strings);
    const part = language === undefined ? enViews : viewParts[language];
    if (part === undefined) return null;
    all = { ...part, ...strings };
    whole.set(strings, all);
  }
  return all;
}

/** The whole string catalogue in use, for components that load on demand; suspends until its views' part is in. */
export function useViewStrings(): Strings {
  const strings = useStrings();
  const all = viewStringsOf(strings);
  if (all !== null) return all;
  const language = catalogueLanguage(strings) ?? "en-US";
  const part = use(loadViewStrings(language));
  return viewStringsOf(strings) ?? { ...part, ...strings };
}
