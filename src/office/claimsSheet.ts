/**
 * The Claims sheet spec (issue 9): each claim of the source article (S1–S15, src/model/data/claims.ts), the
 * article's figure, the live AIFIN formula that recomputes it over the Exposure sheet's as-of date and model
 * handle, the formula's text, the gap, and a note. Claims that are opinions or carry no figure say so in the
 * note instead of a formula. Pure, like every spec: the writer copies it, the HyperFormula harness evaluates it.
 */
import { CLAIMS, CLAIM_FIGURES, type Claim, type EntityId } from "../model";

type ClaimId = Claim["id"];
import { rangeAddress, sheetRef } from "./a1";
import { PCT_FORMAT, USD_FORMAT, type SheetSpec, type SpecCell } from "./templateSpec";

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
}

/** One row of the sheet: a claim's figure and how AIFIN recomputes it (null formula: a note only). */
export interface ClaimRow {
  claim: ClaimId;
  label: string;
  /** The article's figure (USD bn, or a fraction when `pct`); null when the claim states none. */
  figure: number | null;
  /** Formula body after "=" with {asOf} and {model} placeholders; null for a qualitative claim. */
  formula: string | null;
  pct?: boolean;
  note: string;
}

/** The rows, in article order; every claim S1–S15 appears at least once (the test checks). */
export function claimRows(hyperscalers: readonly EntityId[], multipleRef: string): ClaimRow[] {
  const opinion = (id: ClaimId): string => CLAIMS.find((c) => c.id === id)?.opinion ?? "";
  const fund = (from: string): string => `AIFIN.FUNDING("${from}","OPENAI","equity",{asOf},{model})`;
  const s14 = CLAIM_FIGURES.S14;
  const s14Sum = hyperscalers
    .flatMap((h) => ["market_value", "investor_loss"].map((m) => `AIFIN.STRESS("${h}","${s14.shocked}",1,"${m}",${multipleRef},{asOf},{model})`))
    .join("+");
  return [
    { claim: "S1", label: "OpenAI valuation (USD bn)", figure: 730, formula: `AIFIN.FACT("C139","amount",{model})`, note: "The valuation fact the article reported (C139); later rounds are separate facts." },
    { claim: "S1", label: "Round size, up to (USD bn)", figure: 100, formula: `AIFIN.FACT("A01","amount",{model})`, note: "An 'up to' figure (A01)." },
    { claim: "S2", label: "Nvidia → OpenAI investment", figure: 30, formula: fund("NVDA"), note: "All Nvidia equity in OpenAI in the view (A02 in the article view)." },
    { claim: "S2", label: "Amazon → OpenAI investment", figure: 20, formula: fund("AMZN"), note: "Article view: C138 20; announced: C002 50." },
    { claim: "S2", label: "SoftBank → OpenAI investment", figure: 30, formula: fund("SFTBY"), note: "Includes SoftBank's earlier rounds: the gap is money the article did not count." },
    { claim: "S2", label: "Microsoft → OpenAI investment", figure: 10, formula: fund("MSFT"), note: "Includes the 13 committed before (C097b): the gap." },
    { claim: "S3", label: "Partners borrow, OpenAI does not", figure: null, formula: null, note: "Qualitative: see the loans to ORCL, CRWV and Vantage vehicles (C013, C015, C022, C051)." },
    { claim: "S4", label: "Lenders limit, Oracle spreads near junk", figure: null, formula: null, note: "Qualitative: market evidence C116, C118 (docs/methodology.md §7.6)." },
    { claim: "S5", label: "Oracle sells stock", figure: null, formula: null, note: "Qualitative: C016, D028." },
    { claim: "S6", label: "Banks securitise Oracle DC loans", figure: null, formula: null, note: "Qualitative: C116, D031." },
    { claim: "S7", label: "Build stops if partners cannot borrow", figure: null, formula: null, note: opinion("S7") },
    { claim: "S8", label: "Microsoft's stake in OpenAI", figure: 0.27, pct: true, formula: `AIFIN.STAKE("MSFT","OPENAI","pct",{asOf},{model})`, note: "C028." },
    { claim: "S8", label: "OpenAI's Azure commitment (USD bn)", figure: 250, formula: `AIFIN.CONTRACT_VALUE("OPENAI","MSFT",{asOf},{model})`, note: "C029; later Azure contracts add to it." },
    { claim: "S9", label: "OpenAI's contract with Amazon (USD bn)", figure: 38, formula: `AIFIN.CONTRACT_VALUE("OPENAI","AMZN",{asOf},{model})`, note: "C032; later contracts add to it." },
    { claim: "S10", label: "Nvidia's money back as GPU purchases", figure: null, formula: `AIFIN.CIRCULAR_EXPOSURE("NVDA","self_funded",{asOf},{model})`, note: "No figure in the article: Nvidia's self-funded exposure (min of funding out and purchases back)." },
    { claim: "S11", label: "Giants' cash buys time", figure: null, formula: null, note: opinion("S11") },
    { claim: "S12", label: "Investments are not capex", figure: null, formula: `AIFIN.CAPEX_OFFSET("MSFT","ratio",{asOf},{model})`, note: "No figure in the article: Microsoft's capex offset ratio (C135; docs/methodology.md)." },
    { claim: "S13", label: "Big-tech value −50% to −80%", figure: null, formula: null, note: `${opinion("S13")} Range ${CLAIM_FIGURES.S13.low * 100}–${CLAIM_FIGURES.S13.high * 100}%; docs/methodology.md §7.5.` },
    { claim: "S14", label: "Hyperscalers' value lost if OpenAI cuts all (USD bn)", figure: s14.usdBn, formula: s14Sum || "0", note: "Market value at risk + investor loss of the hyperscalers, OpenAI cutting 100%, at the Stress sheet's multiple (B4)." },
    { claim: "S15", label: "SpaceX 2025 EBITDA (USD bn)", figure: 8, formula: `AIFIN.FACT("C045","amount",{model})`, note: "C045." },
    { claim: "S15", label: "xAI burn, first nine months 2025 (USD bn)", figure: 9.5, formula: `AIFIN.FACT("C136","amount",{model})`, note: "C136." },
  ];
}

/** Builds the Claims sheet. */
export function claimsSheetSpec(opts: ClaimsSheetOptions): SheetSpec & { claimRows: Array<ClaimRow & { row: number }> } {
  const asOf = sheetRef(opts.exposureSheet, "$B$2");
  const model = sheetRef(opts.exposureSheet, "$F$2");
  const multiple = sheetRef(opts.stressSheet, "$B$4");
  const lines = claimRows(opts.hyperscalers, multiple);
  const header = ["Claim", "What the article says", "Article figure", "AIFIN (live)", "Gap (AIFIN − article)", "Formula", "Note"];
  const rows: SpecCell[][] = [
    ["AIFIN claims: the source article (5 Feb 2026) recomputed from the model", null, null, null, null, null, null],
    [`As of and model: ${opts.exposureSheet} (B2, F2). Set B2 to 2026-02-05 and D2 to TRUE there for the article's own view.`, null, null, null, null, null, null],
    ["USD bn unless a percentage. A claim without a formula is qualitative or an opinion: the note says why.", null, null, null, null, null, null],
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
