/**
 * The AIFIN model layer: the bundled, cited dataset, point-in-time views, the entity registry, the
 * workbook table layout and dataset validation. Pure: no Office, DOM or network.
 */
export * from "./types";
export { moneyOf } from "./money";
export { bundledDataset, latestFactDate, earliestFactDate, type Dataset } from "./dataset";
export { createModel, getBundledModel, CONFIRMED_BASIS, type Model } from "./model";
export { createRegistry, normaliseName, editDistance, type EntityRegistry, type ResolveResult } from "./registry";
export {
  FACT_COLUMNS,
  ENTITY_COLUMNS,
  factsToRows,
  entitiesToRows,
  factsFromRows,
  entitiesFromRows,
  missingColumns,
  FACT_REQUIRED_COLUMNS,
  MAX_AMOUNT_USD_BN,
  upperCase,
  type CellValue,
  type FactsReadOptions,
  type TableIssue,
} from "./table";
export { validateDataset, sameLinks, sameLinkFields, type ValidateOptions, CURATION_ONLY_CODES, entitySchema, factSchema, sourceSchema, type DatasetIssue, type FieldCheck } from "./validate";
export { buildView, countsUnder, supersessionClosure, supersessionGraph } from "./view";
export { isIsoDate, excelSerialToIso, isoToExcelSerial, parseDateCell, clampIsoDate, monthEndIso, addMonthsIso, MAX_EXCEL_SERIAL, PHANTOM_LEAP_DAY_SERIAL } from "./dates";
export { CLAIMS, CLAIM_FIGURES, type Claim } from "./data/claims";
export {
  ASSUMPTIONS,
  ASSUMPTION_DEFAULTS,
  DEFAULT_SHOCKED,
  VALUATION_METHODS,
  LEASE_TREATMENTS,
  type AssumptionRow,
  type ValuationMethod,
  type LeaseTreatment,
} from "./data/assumptions";
export { ARTICLE_SOURCE } from "./data/facts";
export { CellHash64, Fnv1a64, fnv1a64, fnv1a32Feed, FNV1A32_OFFSET_BASIS, FNV1A32_PRIME, type CellDigest } from "./hash";
export { normaliseCell, isBlankRow } from "./cells";
export { LruCache, ViewMemo, memoActive, setMemoisation } from "./memo";
export { ENTITY_NAMES_ZH_CN } from "./data/entityNamesZhCN";
export { isWebUrl } from "./urls";
