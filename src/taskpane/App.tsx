import { Tab, TabList, Text, makeStyles, tokens, type SelectTabData } from "@fluentui/react-components";
import { ArrowSwap20Regular, ArrowTrendingDown20Regular, BookOpen20Regular, DocumentTable20Regular, Grid20Regular, Timeline20Regular } from "@fluentui/react-icons";
import type { ReactElement } from "react";
import { Suspense, useCallback, useMemo, useState } from "react";
import { clampIsoDate, earliestFactDate } from "../model";
import { OverviewView, summaryCards } from "./components/OverviewView";
import { Controls } from "./components/Controls";
import { LanguagePicker } from "./components/LanguagePicker";
import { EmptyState, LoadingState, ViewBoundary } from "./components/States";
// Loaded when their tab opens (own chunks): the overview is the first render.
import { FlowsView, SourcesView, StressView, Timeline, WorkbookView } from "./lazyViews";
import type { EntityId, PaneData, StressOptions, WorkbookHost } from "./lowerLayers";
import { useStrings } from "./i18n";
import { usePaneState } from "./usePaneState";

/** The pane's tabs. */
export const TABS = ["overview", "flows", "timeline", "stress", "sources", "workbook"] as const;
/** One of {@link TABS}. */
export type TabId = (typeof TABS)[number];

/** Each tab's icon, drawn above its label (a `Record`, so a new tab without an icon does not compile). */
const TAB_ICONS: Readonly<Record<TabId, ReactElement>> = {
  overview: <Grid20Regular />,
  flows: <ArrowSwap20Regular />,
  timeline: <Timeline20Regular />,
  stress: <ArrowTrendingDown20Regular />,
  sources: <BookOpen20Regular />,
  workbook: <DocumentTable20Regular />,
};

/** Each tab's label key in the string catalogues. */
const TAB_LABELS = {
  overview: "tabOverview",
  flows: "tabFlows",
  timeline: "tabTimeline",
  stress: "tabStress",
  sources: "tabSources",
  workbook: "tabWorkbook",
} as const satisfies Record<TabId, string>;

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    boxSizing: "border-box",
  },
  header: {
    display: "flex",
    alignItems: "baseline",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightBold, margin: 0, letterSpacing: "0.04em" },
  tagline: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForegroundOnBrand },
  help: {
    marginLeft: "auto",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForegroundOnBrand,
    ":hover": { color: tokens.colorNeutralForegroundOnBrand },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralForegroundOnBrand}`, outlineOffset: "2px" },
  },
  controls: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, backgroundColor: tokens.colorNeutralBackground1 },
  tabs: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingInline: tokens.spacingHorizontalXXS,
    overflowX: "auto",
  },
  main: { padding: tokens.spacingHorizontalM, flex: "1 1 auto", minWidth: 0 },
  // Six tabs in one row at 320–350 px in every language: each tab an icon above a short label (the pattern of
  // a phone's tab bar), each column as wide as its label at least and the rest shared, so no label wraps onto
  // a second line or hides behind a menu (tests/e2e/screenshot.ts checks both widths in all three languages).
  tabList: { display: "grid", gridTemplateColumns: `repeat(${TABS.length}, minmax(min-content, 1fr))`, width: "100%" },
  tab: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    justifyContent: "center",
    rowGap: "2px",
    minWidth: 0,
    paddingLeft: "1px",
    paddingRight: "1px",
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
  },
  tabLabel: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    whiteSpace: "nowrap",
    paddingLeft: 0,
    paddingRight: 0,
  },
});

/** Props of {@link App}. */
export interface AppProps {
  data: PaneData;
  host: WorkbookHost;
  initialEntity?: EntityId;
  initialTab?: TabId;
  /** ISO date to open on (clamped to the data's range); the latest date when absent or malformed. */
  initialAsOf?: string;
}

/**
 * The pane: header, the shared selection (company, as-of date, basis) and six tabs. Data is derived from
 * the model view with useMemo; the workbook is reached only through `host`.
 */
export function App({ data, host, initialEntity = "MSFT", initialTab = "overview", initialAsOf }: AppProps) {
  const s = useStrings();
  const styles = useStyles();
  const { model, engine } = data;
  const maxDate = model.latestDate;
  const minDate = useMemo(() => earliestFactDate(model.dataset.facts) ?? maxDate, [model, maxDate]);
  const startEntity = model.registry.get(initialEntity) ? initialEntity : (model.registry.all()[0]?.id ?? initialEntity);
  const startAsOf = (initialAsOf && clampIsoDate(initialAsOf, minDate, maxDate)) ?? maxDate;
  const state = usePaneState({ entity: startEntity, asOf: startAsOf, includeRumoured: false }, { min: minDate, max: maxDate });
  const [tab, setTab] = useState<TabId>(initialTab);

  const view = useMemo(() => model.view(state.asOf, { includeRumoured: state.includeRumoured }), [model, state.asOf, state.includeRumoured]);
  const entity = model.registry.get(state.entity);
  const entityName = entity?.name ?? state.entity;
  const empty = !engine.hasFactsAbout(view, state.entity);
  const runStress = useCallback((o: StressOptions) => engine.stress(view, o), [engine, view]);
  const selectionKey = `${state.entity}|${state.asOf}|${state.includeRumoured}`;

  const needsEntity = tab === "overview" || tab === "flows" || tab === "timeline";

  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <h1 className={styles.title}>{s.productName}</h1>
        <Text className={styles.tagline}>{s.productTagline}</Text>
        {/* The reference shipped with the add-in (dist/help/), opened outside the pane. */}
        <a className={styles.help} href="help/functions.html" target="_blank" rel="noopener noreferrer" title={s.helpLinkTitle}>
          {s.helpLink}
        </a>
        <LanguagePicker />
      </header>
      <div className={styles.controls}>
        <Controls registry={model.registry} state={state} minDate={minDate} maxDate={maxDate} />
      </div>
      <div className={styles.tabs}>
        <TabList className={styles.tabList} size="small" selectedValue={tab} onTabSelect={(_, d: SelectTabData) => setTab(d.value as TabId)} aria-label={s.tabsLabel}>
          {TABS.map((id) => (
            <Tab key={id} className={styles.tab} value={id} icon={TAB_ICONS[id]} content={{ className: styles.tabLabel }} data-testid={`tab-${id}`}>
              {s[TAB_LABELS[id]]}
            </Tab>
          ))}
        </TabList>
      </div>
      <main className={styles.main} aria-label={s[TAB_LABELS[tab]]}>
        {needsEntity && empty ? (
          <EmptyState
            entityName={entityName}
            asOf={state.asOf}
            canJumpLatest={state.asOf !== maxDate}
            canIncludeRumoured={!state.includeRumoured}
            onJumpLatest={() => state.setAsOf(maxDate)}
            onIncludeRumoured={() => state.setIncludeRumoured(true)}
          />
        ) : (
          <ViewBoundary key={`${tab}|${selectionKey}`} title={s.viewFailedTitle} describe={s.viewFailedBody}>
            <Suspense fallback={<LoadingState />}>
            {tab === "overview" && <Overview data={data} view={view} id={state.entity} />}
            {tab === "flows" && (
              <FlowsView
                entityId={state.entity}
                entityName={entityName}
                flows={engine.flowsAround(view, state.entity)}
                cycles={engine.cyclesThrough(view, state.entity)}
                registry={model.registry}
              />
            )}
            {tab === "timeline" && (
              <Timeline data={data} id={state.entity} entityName={entityName} from={minDate} to={state.asOf} includeRumoured={state.includeRumoured} />
            )}
            {tab === "stress" && <StressView registry={model.registry} run={runStress} />}
            {tab === "sources" && <SourcesView facts={view.facts} allFacts={model.dataset.facts} entity={state.entity} entityName={entityName} factsAbout={engine.factsAbout} />}
            {tab === "workbook" && (
              <WorkbookView
                host={host}
                selection={{ entity: state.entity, asOf: state.asOf, includeRumoured: state.includeRumoured }}
                selectionText={s.wbSettings(entityName, state.asOf, state.includeRumoured ? s.basisRumoured : s.basisConfirmed)}
              />
            )}
            </Suspense>
          </ViewBoundary>
        )}
      </main>
    </div>
  );
}

function Overview({ data, view, id }: { data: PaneData; view: ReturnType<PaneData["model"]["view"]>; id: EntityId }) {
  const s = useStrings();
  const { model, engine } = data;
  // The same date and basis without our estimates, so the engine can say which figures rest on them (review 2, finding 8).
  const bare = useMemo(() => (view.basis.includeEstimates === false ? undefined : model.view(view.asOf, { ...view.basis, includeEstimates: false })), [model, view]);
  const metrics = useMemo(() => engine.entityMetrics(view, id, undefined, bare), [engine, view, id, bare]);
  const exposure = useMemo(() => engine.exposureTable(view, id), [engine, view, id]);
  const cards = useMemo(
    () =>
      summaryCards(
        metrics,
        (key) => (metrics.factIds[key] ?? []).map((fid) => model.fact(fid)).filter((f): f is NonNullable<typeof f> => f !== undefined),
        s,
      ),
    [metrics, model, s],
  );
  return <OverviewView cards={cards} exposure={exposure} registry={model.registry} />;
}
