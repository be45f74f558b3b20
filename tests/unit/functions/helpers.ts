/**
 * Shared by the per-function tests: the entry points of functions.ts (with the CustomFunctions shim in
 * place), the adapter-free `invoke` for messages Excel would drop (#DIV/0!, #NUM!), and error readers.
 */
import { installCustomFunctionsShim, isCustomFunctionsError } from "../../harness/customFunctionsShim";
import { isFormulaError, type FormulaError } from "../../../src/functions/errors";
import type { Outcome } from "../../../src/functions/invoke";

installCustomFunctionsShim();

type Fn = (...args: unknown[]) => unknown;
/** The exports of src/functions/functions.ts, as Excel calls them. */
export const fx = require("../../../src/functions/functions") as Record<string, Fn>;
export { invoke } from "../../../src/functions/invoke";

/** `{ code, message }` of an error result (from functions.ts or invoke), or null for a value. */
export function errorOf(value: unknown): { code: string; message: string } | null {
  if (isCustomFunctionsError(value)) return { code: value.code, message: value.message ?? "" };
  if (isFormulaError(value)) return { code: (value as FormulaError).code, message: value.message };
  return null;
}

/** The value of a successful outcome; fails the test with the error message otherwise. */
export function valueOf(outcome: Outcome | unknown): unknown {
  const err = errorOf(outcome);
  if (err) throw new Error(`expected a value, got ${err.code} ${err.message}`);
  return outcome;
}

/** Sums amounts written out in a test, rounding away floating-point dust at 1e-9. */
export function sum(...amounts: number[]): number {
  return Math.round(amounts.reduce((a, b) => a + b, 0) * 1e9) / 1e9;
}

import { FACT_COLUMNS, factsToRows, type Fact } from "../../../src/model";

/** A fact for hand-made tables: the fields a test names, plausible defaults for the rest. */
export function makeFact(partial: Partial<Fact> & Pick<Fact, "id" | "kind" | "from" | "to">): Fact {
  return {
    amountUsdBn: null,
    amountBasis: null,
    pct: null,
    unit: "USD bn",
    date: "2026-01-15",
    termYears: null,
    status: "signed",
    description: `test fact ${partial.id}`,
    source: { title: "Test source", publisher: "Test", url: null, date: "2026-01-15" },
    verified: true,
    estimate: false,
    supersedes: [],
    claims: [],
    provenance: "press",
    fundedUsdBn: null,
    conditionalUsdBn: null,
    periodMonths: null,
    periodEnd: null,
    ...partial,
  };
}

/** A facts range as the workbook holds it: header row, then one row per fact. */
export function factTable(facts: readonly Fact[]): (string | number | boolean | null)[][] {
  return [[...FACT_COLUMNS], ...factsToRows(facts)];
}
