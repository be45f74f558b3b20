/**
 * The Claims sheet spec (issue 9): each claim of the source article (S1–S15, src/model/data/claims.ts), the
 * article's figure, the live AIFIN formula that recomputes it over the Exposure sheet's as-of date and model
 * handle, the formula's text, the gap, and a note. Claims that are opinions or carry no figure say so in the
 * note instead of a formula. Pure, like every spec: the writer copies it, the HyperFormula harness evaluates it.
 */
import { CLAIM_FIGURES, type Claim, type EntityId } from "../model";

type ClaimId = Claim["id"];
import { rangeAddress, sheetRef } from "./a1";
import { PCT_FORMAT, USD_FORMAT, type SheetSpec, type SpecCell } from "./templateSpec";
import { sheetLabels, type ClaimRowKey, type SheetLabels } from "./sheetLabels";

/** Header row of the claims table; the claim rows follow. */
export const CLAIMS_HEADER_ROW = 4;

/** Options of the Claims sheet. */
export interface ClaimsSheetOptions {
  name: string;
  /** This build's Exposure sheet (B2 as-of, F2 model handle). */
  exposureSheet: string;
  /** This build's Stress sheet (B4: the multiple the S14 row uses; empty = sourced defaults). */
  stressSheet: string;
  /** The entities with the S14 role (the hyperscalers), in sheet order. */
  hyperscalers: readonly EntityId[];
  /** The words the sheet shows, in the build's language (English when left out). */
  labels?: SheetLabels;
}

/** One row of the sheet: a claim's figure and how AIFIN recomputes it (null formula: a note only). */
export interface ClaimRow {
  claim: ClaimId;
  /** The row's label and note in sheetLabels.ts. */
  key: ClaimRowKey;
  label: string;
  /** The article's figure (USD bn, or a fraction when `pct`); null when the claim states none. */
  figure: number | null;
  /** Formula body after "=" with {asOf} and {model} placeholders; null for a qualitative claim. */
  formula: string | null;
  pct?: boolean;
  note: string;
}

/** The rows, in article order; every claim S1–S15 appears at least once (the test checks). */
export function claimRows(hyperscalers: readonly EntityId[], multipleRef: string, labels: SheetLabels = sheetLabels()): ClaimRow[] {
  // S2 is "may invest": non-binding intent, all conditional, so it reproduces on the committed basis (review 2, finding 6).
  const fund = (from: string): string => `AIFIN.FUNDING("${from}","OPENAI","equity",{asOf},{model},"committed")`;
  const s14 = CLAIM_FIGURES.S14;
  const s14Sum = hyperscalers
    .flatMap((h) => ["market_value", "investor_loss"].map((m) => `AIFIN.STRESS("${h}","${s14.shocked}",1,"${m}",${multipleRef},{asOf},{model})`))
    .join("+");
  const rows: Array<Omit<ClaimRow, "label" | "note">> = [
    { claim: "S1", key: "S1.valuation", figure: 730, formula: `AIFIN.FACT("C139","amount",{model})` },
    { claim: "S1", key: "S1.round", figure: 100, formula: `AIFIN.FACT("A01","amount",{model})` },
    { claim: "S2", key: "S2.NVDA", figure: 30, formula: fund("NVDA") },
    { claim: "S2", key: "S2.AMZN", figure: 20, formula: fund("AMZN") },
    { claim: "S2", key: "S2.SFTBY", figure: 30, formula: fund("SFTBY") },
    { claim: "S2", key: "S2.MSFT", figure: 10, formula: fund("MSFT") },
    { claim: "S3", key: "S3", figure: null, formula: null },
    { claim: "S4", key: "S4", figure: null, formula: null },
    { claim: "S5", key: "S5", figure: null, formula: null },
    { claim: "S6", key: "S6", figure: null, formula: null },
    { claim: "S7", key: "S7", figure: null, formula: null },
    { claim: "S8", key: "S8", figure: 0.27, pct: true, formula: `AIFIN.STAKE("MSFT","OPENAI","pct",{asOf},{model})` },
    { claim: "S8", key: "S8.azure", figure: 250, formula: `AIFIN.CONTRACT_VALUE("OPENAI","MSFT",{asOf},{model})` },
    { claim: "S9", key: "S9", figure: 38, formula: `AIFIN.CONTRACT_VALUE("OPENAI","AMZN",{asOf},{model})` },
    { claim: "S10", key: "S10", figure: null, formula: `AIFIN.CIRCULAR_EXPOSURE("NVDA","self_funded",{asOf},{model})` },
    { claim: "S11", key: "S11", figure: null, formula: null },
    { claim: "S12", key: "S12", figure: null, formula: `AIFIN.CAPEX_OFFSET("MSFT","ratio",{asOf},{model})` },
    { claim: "S13", key: "S13", figure: null, formula: null },
    { claim: "S14", key: "S14", figure: s14.usdBn, formula: s14Sum || "0" },
    { claim: "S15", key: "S15", figure: 8, formula: `AIFIN.FACT("C045","amount",{model})` },
    { claim: "S15", key: "S15.xai", figure: 9.5, formula: `AIFIN.FACT("C136","amount",{model})` },
  ];
  return rows.map((r) => ({ ...r, ...labels.claimRow[r.key] }));
}

/** Builds the Claims sheet. */
export function claimsSheetSpec(opts: ClaimsSheetOptions): SheetSpec & { claimRows: Array<ClaimRow & { row: number }> } {
  const asOf = sheetRef(opts.exposureSheet, "$B$2");
  const model = sheetRef(opts.exposureSheet, "$F$2");
  const multiple = sheetRef(opts.stressSheet, "$B$4");
  const L = opts.labels ?? sheetLabels();
  const lines = claimRows(opts.hyperscalers, multiple, L);
  const header = [L.claim, L.claimText, L.articleFigure, L.aifinLive, L.gap, L.formula, L.note];
  const rows: SpecCell[][] = [
    [L.claimsTitle, null, null, null, null, null, null],
    [L.claimsAsOfNote(opts.exposureSheet), null, null, null, null, null, null],
    [L.claimsUnitNote, null, null, null, null, null, null],
    header,
  ];
  const placed = lines.map((l, i) => ({ ...l, row: CLAIMS_HEADER_ROW + 1 + i }));
  for (const l of placed) {
    const formula = l.formula === null ? null : `=${l.formula.replace(/\{asOf\}/g, asOf).replace(/\{model\}/g, model)}`;
    rows.push([
      l.claim,
      l.label,
      l.figure,
      formula,
      formula !== null && l.figure !== null ? `=D${l.row}-C${l.row}` : null,
      formula !== null ? `=FORMULATEXT(D${l.row})` : null,
      l.note,
    ]);
  }
  const last = CLAIMS_HEADER_ROW + placed.length;
  return {
    role: "claims",
    name: opts.name,
    rows,
    numberFormats: [
      { range: rangeAddress(CLAIMS_HEADER_ROW + 1, 3, last, 5), format: USD_FORMAT },
      ...placed.filter((l) => l.pct).map((l) => ({ range: rangeAddress(l.row, 3, l.row, 5), format: PCT_FORMAT })),
    ],
    columnWidths: [8, 44, 14, 14, 16, 40, 60],
    freezeRows: CLAIMS_HEADER_ROW,
    emphasis: [
      { range: "A1", style: "title" },
      { range: "A2:A3", style: "note" },
      { range: rangeAddress(CLAIMS_HEADER_ROW, 1, CLAIMS_HEADER_ROW, header.length), style: "header" },
    ],
    claimRows: placed,
  };
}
