import { createContext, useContext } from "react";
import { en, type Strings } from "./strings";

const StringsContext = createContext<Strings>(en);

/** Provides the string catalogue to the tree (English unless a translation is given). */
export const StringsProvider = StringsContext.Provider;

/** The current string catalogue. */
export function useStrings(): Strings {
  return useContext(StringsContext);
}
