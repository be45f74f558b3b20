import { Text, makeStyles, tokens } from "@fluentui/react-components";
import type { MoneyCycle, PaneRegistry } from "../lowerLayers";
import { shortName } from "../entitySearch";
import type { Flow, FlowKind } from "../lowerLayers";
import { formatUsdBn } from "../format";
import { useViewStrings } from "../viewStrings";

/** Colour of each kind of money flow (palette tokens, so dark and high-contrast themes adapt). */
export const FLOW_COLOURS: Record<FlowKind | "other", string> = {
  equity: tokens.colorPaletteBlueBorderActive,
  debt: tokens.colorPaletteDarkOrangeBorderActive,
  backstop: tokens.colorPalettePurpleBorderActive,
  vendor_financing: tokens.colorPaletteMagentaBorderActive,
  contract: tokens.colorPaletteGreenBorderActive,
  other: tokens.colorNeutralStroke1,
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  svg: { width: "100%", height: "auto", display: "block", overflow: "visible" },
  legend: { display: "flex", flexWrap: "wrap", gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`, fontSize: tokens.fontSizeBase200 },
  swatch: { display: "inline-block", width: "10px", height: "10px", borderRadius: "2px", marginRight: "4px", verticalAlign: "-1px", forcedColorAdjust: "none" },
  h: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalS} 0 0` },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  chips: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, listStyleType: "none", padding: 0, margin: 0 },
  chip: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  path: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  bottleneck: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100, whiteSpace: "nowrap" },
  list: { margin: 0, paddingLeft: 0, listStyleType: "none", fontSize: tokens.fontSizeBase200 },
  listItem: { display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalS, paddingBlock: "2px", borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  amount: { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  flowName: { minWidth: 0, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  cols: { display: "grid", gridTemplateColumns: "1fr", gap: tokens.spacingVerticalS },
  textFill: { fill: tokens.colorNeutralForeground1 },
  textDim: { fill: tokens.colorNeutralForeground3 },
  centre: { fill: tokens.colorNeutralForeground2 },
});

interface Row {
  label: string;
  title: string;
  amount: number;
  kind: FlowKind | "other";
}

const MAX_ROWS = 7;

/** Cuts a label to `max` characters so the fixed label columns never spill past the pane's edge. */
function fit(label: string, max = 12): string {
  return label.length <= max ? label : `${label.slice(0, max - 1)}…`;
}

function rowsFor(flows: Flow[], registry: PaneRegistry, othersLabel: (n: number) => string): Row[] {
  const rows: Row[] = flows.slice(0, MAX_ROWS).map((f) => ({
    label: fit(shortName(registry, f.counterparty, 12)),
    title: registry.get(f.counterparty)?.name ?? f.counterparty,
    amount: f.amount,
    kind: f.kind,
  }));
  const rest = flows.slice(MAX_ROWS);
  if (rest.length > 0) {
    const amount = rest.reduce((a, f) => a + f.amount, 0);
    rows.push({ label: othersLabel(rest.length), title: rest.map((f) => f.counterparty).join(", "), amount, kind: "other" });
  }
  return rows;
}

/** Props of {@link FlowDiagram}. */
export interface FlowDiagramProps {
  entityName: string;
  inflows: Flow[];
  outflows: Flow[];
  registry: PaneRegistry;
}

// Geometry in viewBox units; the SVG scales to the pane width, so 340 units ≈ the narrowest pane in px.
const W = 340;
const LABEL_W = 94;
const NODE_W = 6;
const SLOT = 34;
const TOP = 30;
const LEFT_X = LABEL_W + 4;
const RIGHT_X = W - LABEL_W - 4 - NODE_W;
const CENTRE_W = 12;
const CENTRE_X = W / 2 - CENTRE_W / 2;

/**
 * A two-sided flow picture: money reaching the entity on the left, money leaving it on the right, band
 * widths proportional to USD amounts (one scale for both sides). Fixed label columns keep it legible at
 * 320–350 px where a layered Sankey overlaps; the long tail folds into "N others".
 */
export function FlowDiagram({ entityName, inflows, outflows, registry }: FlowDiagramProps) {
  const s = useViewStrings();
  const styles = useStyles();
  const left = rowsFor(inflows, registry, s.flowOthers);
  const right = rowsFor(outflows, registry, s.flowOthers);
  const n = Math.max(left.length, right.length, 1);
  const innerH = n * SLOT;
  const H = TOP + innerH + 8;
  const sumL = left.reduce((a, r) => a + r.amount, 0);
  const sumR = right.reduce((a, r) => a + r.amount, 0);
  const maxRow = Math.max(...left.map((r) => r.amount), ...right.map((r) => r.amount), 1e-9);
  const k = Math.min((SLOT - 8) / maxRow, (innerH - 4) / Math.max(sumL, 1e-9), (innerH - 4) / Math.max(sumR, 1e-9));
  const thick = (amount: number) => Math.max(1.5, amount * k);
  const centreH = Math.max(left.reduce((a, r) => a + thick(r.amount), 0), right.reduce((a, r) => a + thick(r.amount), 0), 24);
  const centreTop = TOP + (innerH - centreH) / 2;

  const side = (rows: Row[], isLeft: boolean) => {
    const total = rows.reduce((a, r) => a + thick(r.amount), 0);
    let stack = centreTop + (centreH - total) / 2;
    return rows.map((r, i) => {
      const t = thick(r.amount);
      const cy = TOP + i * SLOT + SLOT / 2;
      const nodeTop = cy - t / 2;
      const cTop = stack;
      stack += t;
      const x0 = isLeft ? LEFT_X + NODE_W : CENTRE_X + CENTRE_W;
      const x1 = isLeft ? CENTRE_X : RIGHT_X;
      const [y0a, y1a] = isLeft ? [nodeTop, cTop] : [cTop, nodeTop];
      const mx = (x0 + x1) / 2;
      const d =
        `M${x0},${y0a} C${mx},${y0a} ${mx},${y1a} ${x1},${y1a} ` +
        `L${x1},${y1a + t} C${mx},${y1a + t} ${mx},${y0a + t} ${x0},${y0a + t} Z`;
      const colour = FLOW_COLOURS[r.kind];
      const labelX = isLeft ? LABEL_W : RIGHT_X + NODE_W + 4;
      const anchor = isLeft ? "end" : "start";
      return (
        <g key={`${isLeft ? "l" : "r"}${i}`}>
          <title>{`${r.title}: ${formatUsdBn(r.amount)} (${r.kind})`}</title>
          <path d={d} style={{ fill: colour, opacity: 0.45 }} />
          <rect x={isLeft ? LEFT_X : RIGHT_X} y={nodeTop} width={NODE_W} height={t} style={{ fill: colour }} />
          <text x={labelX} y={cy - 2} textAnchor={anchor} fontSize={11} fontWeight={600} className={styles.textFill}>
            {r.label}
          </text>
          <text x={labelX} y={cy + 10} textAnchor={anchor} fontSize={10} className={styles.textDim}>
            {formatUsdBn(r.amount).replace("USD ", "")}
          </text>
        </g>
      );
    });
  };

  return (
    <svg viewBox={`0 0 ${W} ${H}`} className={styles.svg} role="img" aria-label={s.flowsChartLabel(entityName)}>
      <text x={0} y={12} fontSize={11} fontWeight={600} className={styles.textDim}>
        {s.flowsLegendIn}
      </text>
      <text x={W} y={12} fontSize={11} fontWeight={600} textAnchor="end" className={styles.textDim}>
        {s.flowsLegendOut}
      </text>
      <text x={W / 2} y={12} fontSize={12} fontWeight={700} textAnchor="middle" className={styles.textFill}>
        {entityName}
      </text>
      {side(left, true)}
      {side(right, false)}
      <rect x={CENTRE_X} y={centreTop} width={CENTRE_W} height={centreH} rx={2} className={styles.centre} />
    </svg>
  );
}

/** Props of {@link FlowsView}. */
export interface FlowsViewProps {
  entityId: string;
  entityName: string;
  flows: Flow[];
  cycles: MoneyCycle[];
  registry: PaneRegistry;
}

const MAX_CYCLES = 12;

/** The flow picture, a plain list of the same flows (screen readers, exact figures) and the entity's money cycles. */
export function FlowsView({ entityName, flows, cycles, registry }: FlowsViewProps) {
  const s = useViewStrings();
  const styles = useStyles();
  const inflows = flows.filter((f) => f.direction === "in");
  const outflows = flows.filter((f) => f.direction === "out");
  const kindName: Record<FlowKind, string> = {
    equity: s.flowKindEquity,
    debt: s.flowKindDebt,
    backstop: s.flowKindBackstop,
    vendor_financing: s.flowKindVendor,
    contract: s.flowKindContract,
  };
  const list = (title: string, items: Flow[]) =>
    items.length > 0 && (
      <div>
        <h4 className={styles.h}>{title}</h4>
        <ul className={styles.list} aria-label={title}>
          {items.map((f) => (
            <li key={`${f.direction}${f.counterparty}${f.kind}`} className={styles.listItem}>
              <span className={styles.flowName} title={registry.get(f.counterparty)?.name ?? f.counterparty}>
                <span className={styles.swatch} style={{ backgroundColor: FLOW_COLOURS[f.kind] }} aria-hidden />
                {registry.get(f.counterparty)?.name ?? f.counterparty} · {kindName[f.kind]}
              </span>
              <span className={styles.amount}>{formatUsdBn(f.amount)}</span>
            </li>
          ))}
        </ul>
      </div>
    );
  const shownCycles = cycles.slice(0, MAX_CYCLES);
  return (
    <div className={styles.root}>
      <h3 className={styles.h}>{s.flowsTitle(entityName)}</h3>
      {flows.length === 0 ? (
        <Text>{s.flowsNone}</Text>
      ) : (
        <>
          <FlowDiagram entityName={entityName} inflows={inflows} outflows={outflows} registry={registry} />
          <div className={styles.legend} aria-hidden>
            {(Object.keys(kindName) as FlowKind[]).map((k) => (
              <span key={k}>
                <span className={styles.swatch} style={{ backgroundColor: FLOW_COLOURS[k] }} />
                {kindName[k]}
              </span>
            ))}
          </div>
          <div className={styles.cols}>
            {list(s.flowInLabel, inflows)}
            {list(s.flowOutLabel, outflows)}
          </div>
        </>
      )}
      <div>
        <h3 className={styles.h}>{s.cyclesTitle}</h3>
        <Text className={styles.hint}>{s.cyclesHint}</Text>
      </div>
      {cycles.length === 0 ? (
        <Text>{s.cyclesNone}</Text>
      ) : (
        <ul className={styles.chips} aria-label={s.cyclesTitle}>
          {shownCycles.map((c) => (
            <li key={c.path.join(">")} className={styles.chip}>
              <span className={styles.path}>{c.path.join(" → ")}</span>
              <span className={styles.bottleneck}>{s.cycleBottleneck(formatUsdBn(c.bottleneck))}</span>
            </li>
          ))}
          {cycles.length > shownCycles.length && <li className={styles.hint}>{s.more(cycles.length - shownCycles.length)}</li>}
        </ul>
      )}
    </div>
  );
}
