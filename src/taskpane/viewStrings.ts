/**
 * The whole catalogue for the views the pane loads on demand. `useStrings()` gives the first screen's strings
 * (PaneStrings): English's first part, or a whole translation. A view behind another tab asks `useViewStrings()`,
 * which adds the English views' strings (strings.views.ts, loaded with the view that imports this module) under
 * whatever catalogue is in use; a translation already has every key, so its own texts win.
 */
import { useStrings } from "./i18n";
import type { PaneStrings, Strings } from "./strings";
import { enViews } from "./strings.views";

const whole = new WeakMap<PaneStrings, Strings>();

/** `strings` completed with the English views' strings where it lacks them (one object per catalogue). */
export function viewStringsOf(strings: PaneStrings): Strings {
  let all = whole.get(strings);
  if (all === undefined) {
    all = { ...enViews, ...strings };
    whole.set(strings, all);
  }
  return all;
}

/** The whole string catalogue in use, for components that load on demand. */
export function useViewStrings(): Strings {
  return viewStringsOf(useStrings());
}
