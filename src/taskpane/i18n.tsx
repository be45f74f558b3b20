import { createContext, useContext } from "react";
import { en, type Strings } from "./strings";
import { zhTW } from "./strings.zh-TW";

const StringsContext = createContext<Strings>(en);

/** Provides the string catalogue to the tree (English unless a translation is given). */
export const StringsProvider = StringsContext.Provider;

/** The current string catalogue. */
export function useStrings(): Strings {
  return useContext(StringsContext);
}

/** The catalogue for a BCP 47 tag as normalised by detectLanguage: zh-TW gets Traditional Chinese, everything else English. */
export function stringsFor(language: string): Strings {
  return language === "zh-TW" ? zhTW : en;
}
