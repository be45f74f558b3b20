/**
 * The English strings of the views the pane loads on demand (Flows, Timeline, Stress, Sources, Workbook, the cards'
 * info popover, the searchable company picker, the fact cards). Only those views import this module (through
 * useViewStrings in viewStrings.ts), so it loads with them and not with the page; strings.ts has the first
 * screen's strings and explains the split.
 */
import type { CapabilityGap, HostError, HostErrorCode, HostOperation, RefreshCounts } from "../office";
import { en, type Strings } from "./strings";
import type { FactKind, FactStatus, Provenance } from "./lowerLayers";

/** An office-layer error in words: the reason, what was and was not changed, and Excel's own code. */
type HostErrorText = Record<HostErrorCode, (e: HostError, action: string) => string>;

export const enViews = {
  // The cards' definitions: shown in the info popover only, which loads with these strings.
  cardSelfFundedDef:
    "The company’s own money that comes back as its revenue: for each counterparty, the smaller of what the company invested in or lent to it and what that counterparty contracted to buy from the company, summed. Firm money only: a commitment less what depends on milestones, an “up to” or a letter of intent; guarantees are contingent and never counted.",
  cardBacklogDef: "Contracted purchases from the company by customers it has itself funded: revenue that depends on its own financing.",
  cardShareDef: "Self-funded exposure as a share of the company’s contracted revenue: the larger of the contracts the model lists and its latest reported backlog (RPO).",
  cardCapexDef:
    "Equity the company put into its own customers (firm money): spending that returns as revenue without appearing in its capex (article claim S12). The ratio takes only the money dated within the capex year containing the date shown (else the latest year that ended) over that year’s capex, finance leases included where the data give them.",
  cardMarketDef: "Latest market capitalisation (listed) or last funding-round valuation (private) in the model.",
  pagesLabel: "Pages",
  moreInSources: (n: number) => `+ ${n} more in the Sources tab`,
  more: (n: number) => `+ ${n} more`,
  entityNoMatch: (q: string) => `No company matches “${q}”.`,
  entityDidYouMean: "Did you mean",

  unknown: "—",
  definition: "Definition",
  factsBehind: "Facts behind this figure",
  noFactsBehind: "No facts contribute: the figure is zero at this date.",
  colSelfFunded: "Self-funded",

  flowsTitle: (name: string) => `Money around ${name}`,
  flowsLegendIn: "Money in",
  flowsLegendOut: "Money out",
  flowsNone: "No money flows recorded for this company at this date.",
  flowKindEquity: "Equity",
  flowKindDebt: "Debt",
  flowKindBackstop: "Backstop",
  flowKindVendor: "Vendor financing",
  flowKindContract: "Contract",
  flowInLabel: "Funded by / buys from it",
  flowOutLabel: "It funds / buys from",
  flowsChartLabel: (name: string) => `Diagram of money flowing into and out of ${name}; the same flows are listed below.`,
  flowOthers: (n: number) => `${n} others`,
  cyclesTitle: "Money cycles",
  cyclesHint: "Closed loops of money through the company; the bottleneck is the smallest link.",
  cyclesNone: "No closed money loop through this company at this date.",
  cycleBottleneck: (amount: string) => `bottleneck ${amount}`,
  timelineTitle: (name: string) => `How ${name}’s exposure built up`,
  timelineIntro: "Each figure on the date of every view from the first fact to the as-of date; it changes only when a fact enters the model or replaces an earlier one.",
  timelineChartLabel: (name: string, from: string, to: string) =>
    `Step chart of ${name}’s funding out, contracts in and self-funded exposure from ${from} to ${to}. Markers below the chart are the dates facts moved them: use the arrow keys to move between them.`,
  timelineFundingOut: "Funding out",
  timelineContractsIn: "Contracts in",
  timelineSelfFunded: "Self-funded",
  timelineSummary: (measure: string, from: string, before: string, to: string, after: string, steps: number) =>
    `${measure}: ${before} on ${from}, ${after} on ${to}, after ${steps === 1 ? "1 step" : `${steps} steps`}.`,
  timelineNone: "No funding or contracts recorded for this company up to this date, so nothing moves over time.",
  timelineMarker: (date: string, changes: string) => `${date}: ${changes}`,
  timelineChange: (measure: string, before: string, after: string) => `${measure} ${before} → ${after}`,
  timelineSummaryLabel: "Each figure at the start and end of the chart",
  timelineChangesLabel: (date: string) => `What changed on ${date}`,
  timelineUnit: "USD bn",
  timelineMarkersHint: "Select a marker (click, or arrow keys then Enter) to see the facts that moved the figures on that date.",
  timelineMovedBy: "Facts that moved it",
  timelineSuperseded: "Replaced on this date",
  timelineNoFacts: "No single fact: figures read through facts replaced on this date.",
  timelineError: (message: string) => `The timeline could not be computed: ${message}`,
  stressShocked: "Shocked company",
  stressCut: "Commitment cut",
  stressMultiple: "EV / revenue multiple",
  stressMultipleHint: "Empty: lost annual revenue × each company’s contribution margin × its EV/EBITDA multiple (sourced defaults, methodology §7). A number replaces that with lost revenue × this EV/revenue multiple.",
  stressMultipleAuto: "model",
  stressTotal: "Total market value at risk",
  stressClaim: (amount: string, ratio: string) => `Hyperscalers lose ${amount}: ${ratio} of the article’s USD 1 trillion claim (S14); every claim S1–S15 is recomputed on the workbook’s AIFIN Claims sheet`,
  stressLenderTotal: (amount: string, defaults: number) =>
    `Lenders lose ${amount} as the cut passes down to borrowers (${defaults === 1 ? "1 borrower defaults" : `${defaults} borrowers default`})`,
  stressChartLabel: "Market value at risk by company",
  stressTableLabel: "Stress results by company",
  colEntity: "Company",
  colRevenueLost: "Revenue lost",
  colLenderLoss: "Lender loss",
  colMvAtRisk: "Value at risk",
  stressNone: "Nobody loses revenue under this scenario: the shocked company has no commitments in the model at this date.",
  stressError: (message: string) => `The stress test could not run: ${message}`,
  totalRow: "Total",
  stressAssumptions: "Assumptions",
  stressMultipleUsed: (name: string, multiple: string, source: string) => `${name}: ${multiple} EV/revenue (${source})`,
  stressMultipleDefault: "default",
  stressMultipleOverride: "your override",
  stressMultipleAssumptions: (keys: string[]) => `margin × multiple: ${keys.join(", ")}`,
  stressMultipleFacts: (ids: string[]) => `facts ${ids.join(", ")}`,
  stressNewDefaults: (names: string[]) => `Default because of the cut: ${names.join(", ")}.`,
  stressCapped: (names: string[]) => `Value at risk capped at the whole market value: ${names.join(", ")}.`,

  sourcesSearch: "Search facts",
  sourcesSearchPlaceholder: "Text, id, publisher…",
  sourcesKind: "Kind",
  sourcesStatus: "Status",
  sourcesScope: "Only this company",
  sourcesEverything: "Whole dataset (also superseded, later and rumoured facts)",
  sourcesAll: "All",
  sourcesCount: (shown: number, total: number) => `${shown} of ${total} facts`,
  sourcesNone: "No fact matches these filters. Clear the search or widen the filters.",
  sourcesPage: (page: number, pages: number) => `Page ${page} of ${pages}`,
  prevPage: "Previous page",
  nextPage: "Next page",
  openSource: "Open source",
  noUrl: "no URL on record",
  flagEstimate: "estimate",
  flagRumoured: "rumoured",
  flagUnverified: "unverified",
  /** The fact's provenance badge (weakest to strongest; docs/data.md "The provenance scale"). */
  /** Fact kinds and statuses as the Sources tab and fact cards name them (the codes stay in formulas and sheets). */
  factKind: {
    stake: "stake",
    investment: "investment",
    contract: "contract",
    loan: "loan",
    backstop: "backstop",
    capex: "capex",
    market_cap: "market cap",
    valuation: "valuation",
    revenue: "revenue",
    burn: "cash burn",
    other: "other",
    guarantee: "guarantee",
    warrant: "warrant",
    acquisition: "acquisition",
    debt: "debt",
    backlog: "backlog",
    rating: "rating",
    price: "price",
    spread: "spread",
  } satisfies Record<FactKind, string> as Record<FactKind, string>,
  factStatus: {
    rumoured: "rumoured",
    announced: "announced",
    signed: "signed",
    closed: "closed",
    reported: "reported",
  } satisfies Record<FactStatus, string> as Record<FactStatus, string>,
  provenance: {
    estimate: "our estimate",
    secondary: "secondary source",
    article: "article figure",
    press: "press report",
    primary: "filing / release",
  } as Record<Provenance, string>,
  /** Money-certainty note on a fact: the part of its amount that is conditional, and what was paid. */
  factConditional: (amount: string) => `${amount} conditional`,
  factFunded: (amount: string) => `${amount} paid`,

  wbBuild: "Build workbook",
  wbBuildHint: "Writes AIFIN sheets (Facts, Entities, Exposure, Stress, Cycles, History, Claims, Sources) with live formulas into this workbook.",
  wbRefresh: "Refresh data",
  wbRefreshHint: "Updates the Facts table from the bundled data, keeping rows you edited or added.",
  wbFreeze: "Freeze to values",
  wbFreezeHint: "Makes a static copy of the AIFIN sheets, safe to send to someone without the add-in.",
  wbWorking: "Working…",
  wbBuilt: (sheets: string[], facts: number) => `Built ${sheets.length} sheets (${sheets.join(", ")}) with ${facts} facts.`,
  wbFrozen: (sheet: string) => `Static copy written to “${sheet}”.`,
  wbError: (message: string) => `${message}`,
  wbAction: { build: "build the workbook", refresh: "refresh the data", freeze: "freeze the workbook to values" } as Record<HostOperation, string>,
  wbErrors: {
    notInExcel: () => "Open AIFIN in Excel to build, refresh or freeze the workbook.",
    unsupported: (_e, a) => `This version of Excel cannot keep AIFIN's record of the sheets it created, so AIFIN will not ${a}, to protect your sheets. Update Office or use Excel on the web.`,
    badAsOf: (e) => `The as-of date "${e.items?.[0] ?? ""}" is not a date like 2026-02-05: pick a date in the pane and build again.`,
    noWorkbook: () => "There is no AIFIN workbook here yet: use Build workbook first.",
    recordUnreadable: () => "AIFIN's record of its sheets in this workbook cannot be read, so it will not change any table. Build a new workbook alongside instead.",
    tablesGone: () => "The AIFIN Facts and Entities tables are gone (deleted, renamed or converted to ranges), so there is nothing to refresh. Use Build workbook to create them again.",
    tableMoved: (e) => `The table ${e.subject ?? ""} is no longer on the sheet AIFIN created, so AIFIN will not change it.`,
    tableMissing: (e) => `The table on “${e.subject ?? ""}” was renamed or converted to a range, so AIFIN will not clear or rewrite that sheet. Rename the table back, or choose Create alongside.`,
    buildUnfinished: (e) =>
      `The AIFIN sheets ${(e.items ?? []).map((n) => `“${n}”`).join(", ")} are left from a build that did not finish: their tables were never created, so running it again cannot complete it. If you typed nothing on them, delete them and build again; otherwise choose Create alongside.`,
    columnMissing: (e) => `${e.subject ?? "The table"} has no ${(e.items ?? []).map((c) => `"${c}"`).join(", ")} column, so AIFIN cannot tell which rows changed. Restore the column, or build a new workbook alongside.`,
    cellsInTheWay: (e) => `You typed in ${(e.items ?? []).slice(0, 5).join(", ")} on “${e.subject ?? ""}”, where the new layout needs room. Move those cells, or choose Create alongside.`,
    cellEditMode: (_e, a) => `Excel is editing a cell, so AIFIN could not ${a}. Press Enter or Esc to finish editing, then try again.`,
    accessDenied: (_e, a) => `Excel refused to let AIFIN ${a}: the workbook or a sheet may be protected or read-only. Unprotect it (Review > Unprotect Sheet) or save an editable copy, then try again.`,
    tooLarge: (_e, a) => `The change was larger than Excel accepts in one request, so AIFIN could not ${a}. Excel on the web limits each request to about 5 MB: remove unused rows from the AIFIN Facts table, or use Excel on the desktop, then try again.`,
    nameTaken: () => "A sheet or table with one of AIFIN's names appeared while AIFIN was working. Try again: AIFIN will pick a free name and leave the other one alone.",
    itemGone: (_e, a) => `A sheet or table AIFIN was working on was renamed or deleted meanwhile, so AIFIN could not ${a}. Try again.`,
    featureMissing: (_e, a) => `This version of Excel lacks a feature AIFIN needs to ${a}. Update Office, or open the workbook in Excel on the web.`,
    blocked: (_e, a) => `Something on the sheet (a filter, merged cells, a PivotTable or a co-author's edit) blocked the change, so AIFIN could not ${a}. Clear it or wait a moment, then try again.`,
    officeFailure: (_e, a) => `AIFIN could not ${a}. Try again; if it keeps failing, save the workbook and reopen it.`,
  } satisfies HostErrorText as HostErrorText,
  wbChangedNothing: "Nothing in the workbook was changed.",
  wbChangedPartial: (sheets: string[]) =>
    `Nothing you typed was changed. AIFIN changed only its own sheets${sheets.length > 0 ? ` (${sheets.join(", ")})` : ""} and did not finish: run it again to complete it.`,
  wbChangedUnfinished: (sheets: string[], unfinished: string[]) =>
    `Nothing you typed was changed. AIFIN changed only its own sheets${sheets.length > 0 ? ` (${sheets.join(", ")})` : ""} and did not finish. Before trying again, look at ${unfinished.map((n) => `“${n}”`).join(" and ")}: if ${unfinished.length > 1 ? "they have" : "it has"} no table, running it again cannot complete it; if you typed nothing on ${unfinished.length > 1 ? "them" : "it"}, delete ${unfinished.length > 1 ? "them" : "it"} and build again, or choose Create alongside.`,
  wbOfficeCode: (code: string) => `(Excel error ${code})`,
  wbRefreshedCounts: (c: RefreshCounts) =>
    `Added ${c.added}, updated ${c.updated}, removed ${c.removed} no longer in the data; kept ${c.keptEdited} rows you edited and ${c.keptAdded} rows you added; ${c.unchanged} unchanged.`,
  wbErrorTitle: "That did not work",
  /** Capability gaps (office/capabilities.ts), one sentence each. */
  capabilityGap: {
    noExcel: "Excel is not available here: open AIFIN in Excel to build, refresh or freeze the workbook.",
    tables: "Excel tables are not supported by this version of Excel: AIFIN cannot build its workbook here.",
    ownership: "This version of Excel cannot keep AIFIN's record of the sheets it created (ExcelApi 1.5), so building, refreshing and freezing are turned off to protect your sheets. Update Office or use Excel on the web.",
    charts: "Charts are not available: the Exposure sheet is built without its chart.",
    freezePanes: "Frozen header rows are not available: headers scroll with the data.",
    columnWidths: "Column widths cannot be set: columns keep Excel's default width.",
    dynamicArrays: "Dynamic arrays are not available: the Cycles list shows only its first cell.",
  } satisfies Record<CapabilityGap, string> as Record<CapabilityGap, string>,
  wbMissingTitle: "Some features are not available in this Excel",
  wbPreviewTitle: "Preview outside Excel",
  wbNotInExcel: "Open AIFIN inside Excel to build a workbook; this preview can only explore the data.",
  clashTitle: "Sheets with these names already exist",
  clashBody: (names: string[]) =>
    `This workbook already has: ${names.join(", ")}. Choose what to do; nothing is overwritten unless you say so.`,
  clashForeign: (names: string[]) => `Not created by AIFIN, so never written to: ${names.join(", ")}.`,
  clashUpdate: "Update AIFIN’s sheets",
  clashUpdateHint: "Rewrite the sheets AIFIN created earlier. Rows you added to the Facts table are kept.",
  clashAlongside: "Create alongside",
  clashAlongsideHint: "Leave the existing sheets untouched and write new ones with a numbered name.",
  cancel: "Cancel",
};

/** The catalogue's second part (see strings.ts). */
export type ViewStrings = typeof enViews;

/** The whole English catalogue, both parts. */
export const enAll: Strings = { ...en, ...enViews };
