/**
 * Every user-visible string of the pane's first screen (English), and the shape of a whole catalogue.
 *
 * A catalogue is two parts so wording stays consistent and a second language is one more object: these strings,
 * which the pane page needs at start-up, and the strings of the views behind the other tabs, the info popover, the
 * company picker and the fact cards (strings.views.ts), which load with those views (useViewStrings) and stay out
 * of the JavaScript the page loads first. A translation (strings.zh-TW.ts, strings.zh-CN.ts) provides both parts in
 * one object, typed `Strings`. Templated strings are functions.
 */
import type { ViewStrings } from "./strings.views";

export const en = {
  productName: "AIFIN",
  productTagline: "Circular financing in AI",
  loading: "Loading the bundled model…",
  loadErrorTitle: "The pane could not load its data",
  loadErrorBody: (message: string) =>
    `${message} Close and reopen the pane. If it happens again, reinstall the add-in or report the message above.`,
  retry: "Try again",
  viewFailedTitle: "This view failed",
  viewFailedBody: (message: string) => `${message}. Try another company, date or basis; if it keeps failing, report this message.`,
  selectionLabel: "Selection",

  entityLabel: "Company",
  entityPlaceholder: "Search by ticker or name, e.g. MSFT, 微軟",
  asOfLabel: "As of",
  asOfHint: (min: string, max: string) => `${min} to ${max}`,
  basisLabel: "Basis",
  basisConfirmed: "Confirmed",
  basisRumoured: "Incl. rumoured",
  basisConfirmedHint: "Confirmed facts only",
  basisRumouredHint: "Rumours counted",
  basisHint: "Confirmed counts announced, signed, closed and reported facts; rumoured adds press reports.",

  tabsLabel: "Views",
  tabOverview: "Overview",
  tabFlows: "Flows",
  tabTimeline: "Timeline",
  tabStress: "Stress",
  tabSources: "Sources",
  tabWorkbook: "Workbook",

  emptyTitle: (name: string, date: string) => `No facts about ${name} on or before ${date}`,
  emptyBody: "The model has nothing on this company at that date under this basis. Pick a later date, include rumoured facts, or choose another company.",
  emptyJumpLatest: "Go to the latest date",
  emptyIncludeRumoured: "Include rumoured facts",
  cardSelfFunded: "Self-funded exposure",
  cardBacklog: "Funded backlog",
  cardShare: "Circular share",
  cardShareNone: "No modelled customer contracts, so there is no share to compute.",
  cardCapex: "Capex offset",
  cardCapexRatio: (pct: string) => `${pct} of that year’s capex (money dated in the year)`,
  cardCommitted: (value: string) => `Committed: ${value}`,
  cardPaid: (value: string) => `Paid: ${value}`,
  cardEstimate: (ids: string, value: string) => `Includes our estimate ${ids}: without it ${value}`,
  moneyNote: "Firm money; in brackets the whole commitment where it differs (“up to”, milestones, letters of intent).",
  contingentNote: (list: string) => `Guarantees and backstops (contingent, not counted): ${list}.`,
  cardCapexNoRatio: "No annual capex figure in the model, so no ratio.",
  cardMarket: "Market value",
  cardMarketNone: "No market value or valuation recorded for this company at this date.",
  aboutFigure: (label: string) => `About ${label}`,
  counterpartiesTitle: "Counterparties",
  colCounterparty: "Counterparty",
  colFundingOut: "Firm out",
  colContractsIn: "Contracts in",
  colRoundTrip: "Round trip",

  helpLink: "Help",
  helpLinkTitle: "Function reference, methodology and data sources (opens in the browser)",
  languageLabel: "Language",
  /** Which script Chinese entity names are shown in (data, not prose: Traditional except in zh-CN). */
  chineseScript: "Hant" as "Hant" | "Hans",
  languageAuto: "Auto (Office)",
  wbSettings: (entity: string, asOf: string, basis: string) => `For ${entity}, as of ${asOf}, ${basis.toLowerCase()}.`,
};

/** The strings of the pane's first screen: what `useStrings()` gives (English, or a whole translation). */
export type PaneStrings = typeof en;

/** A whole catalogue; a translation must provide every key of both parts. */
export type Strings = PaneStrings & ViewStrings;
