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

/** A load React's `use` reads at once when it has finished (the status fields React itself sets on a thenable). */
type Tracked = Promise<ViewStrings> & { status?: "fulfilled"; value?: ViewStrings };
const english: Tracked = Object.assign(Promise.resolve(enViews), { status: "fulfilled" as const, value: enViews });
const pending: Partial<Record<PaneLanguage, Tracked>> = { "en-US": english };

/** Loads the views' strings of a pane language (once). */
export function loadViewStrings(language: PaneLanguage): Promise<ViewStrings> {
  let load = pending[language];
  if (load === undefined) {
    const started: Tracked = VIEW_PARTS[language]().then((part) => {
      viewParts[language] = part;
      Object.assign(started, { status: "fulfilled", value: part });
      return part;
    });
    load = pending[language] = started;
  }
  return load;
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
  // Called on every render (React's rule for `use`); a loaded part is read at once, without suspending.
  const part = use(loadViewStrings(catalogueLanguage(strings) ?? "en-US"));
  return viewStringsOf(strings) ?? { ...part, ...strings };
}
