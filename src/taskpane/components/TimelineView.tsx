import { Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useMemo, useRef, useState, type KeyboardEvent } from "react";
import { isEngineError } from "../../engine";
import type { EngineError, EntityId, Fact, HistoryPoint, HistorySeries, PaneData } from "../lowerLayers";
import { formatUsdBn } from "../format";
import { useViewStrings } from "../viewStrings";
import { FactItem } from "./FactItem";

/** The measures the timeline draws, all in USD bn so they share one axis. */
export const TIMELINE_MEASURES = ["funding_out", "contracts_in", "self_funded"] as const;
/** One of {@link TIMELINE_MEASURES}. */
export type TimelineMeasure = (typeof TIMELINE_MEASURES)[number];

/**
 * How each series is drawn: a palette colour (themes adapt) and a dash pattern, so the lines stay apart in
 * forced-colours mode, where every stroke becomes the same system colour, and for colour-blind readers.
 */
const SERIES_STYLE: Record<TimelineMeasure, { colour: string; dash: string; width: number }> = {
  funding_out: { colour: tokens.colorPaletteBlueBorderActive, dash: "6 3", width: 1.75 },
  contracts_in: { colour: tokens.colorPaletteGreenBorderActive, dash: "2 2", width: 1.75 },
  self_funded: { colour: tokens.colorPaletteRedBorderActive, dash: "", width: 2.5 },
};

/** A date on which at least one drawn series changed, with what changed and the facts behind it. */
export interface TimelineEvent {
  date: string;
  changes: { measure: TimelineMeasure; before: number; after: number }[];
  entered: string[];
  superseded: string[];
}

const num = (p: HistoryPoint | undefined): number => (p === undefined || isEngineError(p.value) ? 0 : p.value);

/**
 * Merges the series' change points into one event per date (dates ascending). Each series is a "facts"
 * step series: its first point is the start, every later point a date its value moved.
 */
export function timelineEvents(series: Readonly<Record<TimelineMeasure, HistorySeries>>): TimelineEvent[] {
  const byDate = new Map<string, TimelineEvent>();
  for (const measure of TIMELINE_MEASURES) {
    const points = series[measure].points;
    for (let i = 1; i < points.length; i++) {
      const p = points[i];
      let event = byDate.get(p.date);
      if (!event) byDate.set(p.date, (event = { date: p.date, changes: [], entered: [], superseded: [] }));
      event.changes.push({ measure, before: num(points[i - 1]), after: num(p) });
      for (const id of p.entered) if (!event.entered.includes(id)) event.entered.push(id);
      for (const id of p.superseded) if (!event.superseded.includes(id)) event.superseded.push(id);
    }
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** The value of a facts-step series on `date`: its last point on or before it. */
function valueOn(points: readonly HistoryPoint[], date: string): number {
  let v = 0;
  for (const p of points) if (p.date <= date) v = num(p);
  return v;
}

const FORCED = "@media (forced-colors: active)";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  h: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  svg: { width: "100%", height: "auto", display: "block", overflow: "visible" },
  // SVG fill and stroke are not forced in forced-colours mode (Windows high contrast): each rule names the
  // system colour to use there, so nothing drawn in the theme's colours vanishes against the user's background.
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1, [FORCED]: { stroke: "CanvasText" } },
  grid: { stroke: tokens.colorNeutralStroke3, strokeWidth: 1, [FORCED]: { stroke: "GrayText" } },
  label: { fill: tokens.colorNeutralForeground3, [FORCED]: { fill: "CanvasText" } },
  guide: { stroke: tokens.colorNeutralForeground2, strokeWidth: 1, strokeDasharray: "3 3", [FORCED]: { stroke: "CanvasText" } },
  marker: { cursor: "pointer", outlineStyle: "none" },
  markerShape: { fill: tokens.colorNeutralBackground1, stroke: tokens.colorNeutralForeground2, strokeWidth: 1.5, [FORCED]: { fill: "Canvas", stroke: "CanvasText" } },
  markerSelected: { fill: tokens.colorBrandForeground1, stroke: tokens.colorBrandForeground1, [FORCED]: { fill: "Highlight", stroke: "Highlight" } },
  focusRing: { fill: "none", stroke: tokens.colorStrokeFocus2, strokeWidth: 2, [FORCED]: { stroke: "Highlight" } },
  fundingOutLine: { stroke: SERIES_STYLE.funding_out.colour, [FORCED]: { stroke: "CanvasText" } },
  contractsInLine: { stroke: SERIES_STYLE.contracts_in.colour, [FORCED]: { stroke: "CanvasText" } },
  selfFundedLine: { stroke: SERIES_STYLE.self_funded.colour, [FORCED]: { stroke: "Highlight" } },
  fundingOutDot: { fill: SERIES_STYLE.funding_out.colour, [FORCED]: { fill: "CanvasText" } },
  contractsInDot: { fill: SERIES_STYLE.contracts_in.colour, [FORCED]: { fill: "CanvasText" } },
  selfFundedDot: { fill: SERIES_STYLE.self_funded.colour, [FORCED]: { fill: "Highlight" } },
  legend: { display: "flex", flexWrap: "wrap", gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`, fontSize: tokens.fontSizeBase200 },
  legendItem: { display: "inline-flex", alignItems: "center", gap: "4px" },
  summary: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  detail: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  detailDate: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  changes: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  sub: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalXS} 0 0` },
});

// Geometry in viewBox units; the SVG scales to the pane width (340 units ≈ the narrowest pane in px).
const W = 340;
const PLOT_LEFT = 36;
const PLOT_RIGHT = W - 8;
const PLOT_TOP = 20;
const PLOT_BOTTOM = 150;
const MARKER_Y = PLOT_BOTTOM + 14;
const H = MARKER_Y + 26;
const DAY_MS = 86_400_000;
const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/** A round axis maximum and step (1, 2, 2.5 or 5 × 10^k) giving at most five intervals. */
export function niceScale(max: number): { top: number; step: number } {
  if (!(max > 0)) return { top: 1, step: 0.25 };
  const raw = max / 5;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? 10 * pow;
  return { top: Math.ceil(max / step - 1e-9) * step, step };
}

const short = (v: number): string => (v >= 1000 ? `${(v / 1000).toFixed(v % 1000 === 0 ? 0 : 1)}k` : String(Math.round(v * 10) / 10));

/** Props of {@link TimelineView}. */
export interface TimelineViewProps {
  entityName: string;
  from: string;
  to: string;
  /** "facts"-step series of each measure, or the engine error that stopped one. */
  series: Readonly<Record<TimelineMeasure, HistorySeries | EngineError>>;
  fact: (id: string) => Fact | undefined;
}

/**
 * The chosen company's funding out, contracts in and self-funded exposure over time, as step lines (a
 * figure moves only when a fact enters the model), with one marker per date on which facts moved them.
 * Markers form one tab stop: arrow keys, Home and End move between dates and select; the facts behind the
 * selected date, with their sources, show below the chart. Hand-drawn SVG like the flows diagram.
 */
export function TimelineView({ entityName, from, to, series, fact }: TimelineViewProps) {
  const s = useViewStrings();
  const styles = useStyles();
  const failed = TIMELINE_MEASURES.map((m) => series[m]).find(isEngineError);
  const ok = failed ? null : (series as Record<TimelineMeasure, HistorySeries>);
  const events = useMemo(() => (ok ? timelineEvents(ok) : []), [ok]);
  const [selected, setSelected] = useState<number>(-1);
  const [focused, setFocused] = useState<number>(-1);
  const markers = useRef<(SVGGElement | null)[]>([]);
  const current = selected >= 0 && selected < events.length ? selected : events.length - 1;
  const lineClass: Record<TimelineMeasure, string> = { funding_out: styles.fundingOutLine, contracts_in: styles.contractsInLine, self_funded: styles.selfFundedLine };
  const dotClass: Record<TimelineMeasure, string> = { funding_out: styles.fundingOutDot, contracts_in: styles.contractsInDot, self_funded: styles.selfFundedDot };
  const label: Record<TimelineMeasure, string> = {
    funding_out: s.timelineFundingOut,
    contracts_in: s.timelineContractsIn,
    self_funded: s.timelineSelfFunded,
  };

  if (failed) return <Text>{s.timelineError(failed.message)}</Text>;
  if (!ok || events.length === 0) {
    return (
      <div className={styles.root}>
        <h3 className={styles.h}>{s.timelineTitle(entityName)}</h3>
        <Text>{s.timelineNone}</Text>
      </div>
    );
  }

  const x0 = dayOf(from);
  const span = Math.max(1, dayOf(to) - x0);
  const x = (iso: string): number => PLOT_LEFT + ((dayOf(iso) - x0) / span) * (PLOT_RIGHT - PLOT_LEFT);
  const max = Math.max(...TIMELINE_MEASURES.flatMap((m) => ok[m].points.map(num)));
  const { top, step } = niceScale(max);
  const y = (v: number): number => PLOT_BOTTOM - (v / top) * (PLOT_BOTTOM - PLOT_TOP);
  const ticks: number[] = [];
  for (let v = 0; v <= top + 1e-9; v += step) ticks.push(v);
  const years: string[] = [];
  for (let yr = Number(from.slice(0, 4)) + 1; `${yr}-01-01` <= to; yr++) years.push(`${yr}-01-01`);
  const halves = years.length < 3 ? [Number(from.slice(0, 4)), ...years.map((d) => Number(d.slice(0, 4)))].map((yr) => `${yr}-07-01`).filter((d) => d > from && d < to) : [];

  const path = (points: readonly HistoryPoint[]): string => {
    let d = `M${x(from).toFixed(1)},${y(num(points[0])).toFixed(1)}`;
    for (let i = 1; i < points.length; i++) d += ` H${x(points[i].date).toFixed(1)} V${y(num(points[i])).toFixed(1)}`;
    return `${d} H${x(to).toFixed(1)}`;
  };
  const describe = (e: TimelineEvent): string =>
    e.changes.map((c) => s.timelineChange(label[c.measure], formatUsdBn(c.before), formatUsdBn(c.after))).join("; ");

  const move = (to: number) => {
    const i = Math.max(0, Math.min(events.length - 1, to));
    setSelected(i);
    markers.current[i]?.focus();
  };
  const onKey = (e: KeyboardEvent<SVGGElement>, i: number) => {
    const keys: Record<string, number> = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: events.length - 1 };
    if (e.key in keys) {
      e.preventDefault();
      move(keys[e.key]);
    } else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      setSelected(i);
    }
  };

  const event = events[current];
  const entered = event.entered.map(fact).filter((f): f is Fact => f !== undefined);
  const superseded = event.superseded.map(fact).filter((f): f is Fact => f !== undefined);

  return (
    <div className={styles.root}>
      <h3 className={styles.h}>{s.timelineTitle(entityName)}</h3>
      <Text className={styles.hint}>{s.timelineIntro}</Text>
      <svg viewBox={`0 0 ${W} ${H}`} className={styles.svg} role="group" aria-label={s.timelineChartLabel(entityName, from, to)}>
        <g aria-hidden>
          {ticks.map((v) => (
            <g key={v}>
              <line x1={PLOT_LEFT} x2={PLOT_RIGHT} y1={y(v)} y2={y(v)} className={v === 0 ? styles.axis : styles.grid} />
              <text x={PLOT_LEFT - 4} y={y(v) + 3.5} fontSize={10} textAnchor="end" className={styles.label}>
                {short(v)}
              </text>
            </g>
          ))}
          <text x={0} y={10} fontSize={10} className={styles.label}>
            {s.timelineUnit}
          </text>
          {[...years, ...halves].map((d) => (
            <g key={d}>
              <line x1={x(d)} x2={x(d)} y1={PLOT_TOP} y2={PLOT_BOTTOM} className={styles.grid} />
              {/* A label near the right edge ends at the edge instead of running past it. */}
              <text x={x(d) > W - 24 ? W : x(d)} y={H - 2} fontSize={10} textAnchor={x(d) > W - 24 ? "end" : "middle"} className={styles.label}>
                {d.endsWith("-01-01") ? d.slice(0, 4) : `${d.slice(0, 4)}-07`}
              </text>
            </g>
          ))}
          <line x1={x(event.date)} x2={x(event.date)} y1={PLOT_TOP} y2={MARKER_Y} className={styles.guide} />
          {TIMELINE_MEASURES.map((m) => (
            <path
              key={m}
              d={path(ok[m].points)}
              fill="none"
              className={lineClass[m]}
              strokeWidth={SERIES_STYLE[m].width}
              strokeDasharray={SERIES_STYLE[m].dash || undefined}
              strokeLinejoin="round"
            />
          ))}
          {events.flatMap((e) =>
            e.changes.map((c) => <circle key={`${e.date}${c.measure}`} cx={x(e.date)} cy={y(c.after)} r={2.5} className={dotClass[c.measure]} />),
          )}
        </g>
        {events.map((e, i) => {
          const cx = x(e.date);
          const isSel = i === current;
          return (
            <g
              key={e.date}
              ref={(el) => {
                markers.current[i] = el;
              }}
              role="button"
              tabIndex={isSel ? 0 : -1}
              aria-pressed={isSel}
              aria-label={s.timelineMarker(e.date, describe(e))}
              className={styles.marker}
              onClick={() => setSelected(i)}
              onKeyDown={(ev) => onKey(ev, i)}
              onFocus={() => setFocused(i)}
              onBlur={() => setFocused(-1)}
            >
              <title>{s.timelineMarker(e.date, describe(e))}</title>
              {/* A 16-unit hit area around a 9-unit diamond. */}
              <rect x={cx - 8} y={MARKER_Y - 8} width={16} height={16} fill="transparent" />
              <path d={`M${cx},${MARKER_Y - 5} L${cx + 5},${MARKER_Y} L${cx},${MARKER_Y + 5} L${cx - 5},${MARKER_Y} Z`} className={mergeClasses(styles.markerShape, isSel && styles.markerSelected)} />
              {focused === i && <circle cx={cx} cy={MARKER_Y} r={8} className={styles.focusRing} />}
            </g>
          );
        })}
      </svg>
      <div className={styles.legend} aria-hidden>
        {TIMELINE_MEASURES.map((m) => (
          <span key={m} className={styles.legendItem}>
            <svg width="22" height="8" aria-hidden>
              <line x1="1" x2="21" y1="4" y2="4" className={lineClass[m]} strokeWidth={SERIES_STYLE[m].width} strokeDasharray={SERIES_STYLE[m].dash || undefined} />
            </svg>
            {label[m]}
          </span>
        ))}
      </div>
      <ul className={styles.summary} aria-label={s.timelineSummaryLabel}>
        {TIMELINE_MEASURES.map((m) => (
          <li key={m}>
            {s.timelineSummary(label[m], from, formatUsdBn(num(ok[m].points[0])), to, formatUsdBn(valueOn(ok[m].points, to)), ok[m].points.length - 1)}
          </li>
        ))}
      </ul>
      <Text className={styles.hint}>{s.timelineMarkersHint}</Text>
      <section className={styles.detail} aria-live="polite" aria-label={s.timelineMarker(event.date, describe(event))}>
        <h4 className={styles.detailDate}>{event.date}</h4>
        <ul className={styles.changes} aria-label={s.timelineChangesLabel(event.date)}>
          {event.changes.map((c) => (
            <li key={c.measure}>{s.timelineChange(label[c.measure], formatUsdBn(c.before), formatUsdBn(c.after))}</li>
          ))}
        </ul>
        {entered.length > 0 ? (
          <>
            <h5 className={styles.sub}>{s.timelineMovedBy}</h5>
            {entered.map((f) => (
              <FactItem key={f.id} fact={f} />
            ))}
          </>
        ) : (
          <Text className={styles.hint}>{s.timelineNoFacts}</Text>
        )}
        {superseded.length > 0 && (
          <>
            <h5 className={styles.sub}>{s.timelineSuperseded}</h5>
            {superseded.map((f) => (
              <FactItem key={f.id} fact={f} />
            ))}
          </>
        )}
      </section>
    </div>
  );
}

/** Props of {@link Timeline}. */
export interface TimelineProps {
  data: PaneData;
  id: EntityId;
  entityName: string;
  /** The model's earliest fact date: the chart starts the day before, so the first fact is a step too. */
  from: string;
  /** Last date: the pane's as-of date. */
  to: string;
  includeRumoured: boolean;
}

/** Computes the three "facts"-step series on the pane's basis and draws them. */
export function Timeline({ data, id, entityName, from, to, includeRumoured }: TimelineProps) {
  const { model, engine } = data;
  const start = useMemo(() => new Date(Date.parse(`${from}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10), [from]);
  const series = useMemo(() => {
    const basis = { includeRumoured };
    const out = {} as Record<TimelineMeasure, HistorySeries | EngineError>;
    for (const measure of TIMELINE_MEASURES) out[measure] = engine.history(model, id, { measure, step: "facts", from: start, to, basis });
    return out;
  }, [engine, model, id, start, to, includeRumoured]);
  return <TimelineView entityName={entityName} from={start} to={to} series={series} fact={model.fact} />;
}
