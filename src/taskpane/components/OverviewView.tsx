import {
  Button,
  Popover,
  PopoverSurface,
  PopoverTrigger,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Info16Regular } from "@fluentui/react-icons";
import type { EntityMetrics, ExposureRow, Fact, PaneRegistry } from "../lowerLayers";
import { shortName } from "../entitySearch";
import { formatBnShort, formatPct, formatRatio, formatUsdBn } from "../format";
import { useStrings } from "../i18n";
import { FigureTable } from "./FigureTable";
import { FactItem } from "./FactItem";

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(146px, 1fr))", gap: tokens.spacingHorizontalS },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow2,
    minWidth: 0,
  },
  cardHead: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalXS },
  label: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  value: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold, whiteSpace: "nowrap" },
  note: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase200 },
  surface: { maxWidth: "min(310px, calc(100vw - 24px))", overflowY: "auto", boxSizing: "border-box" },
  def: { display: "block", marginBottom: tokens.spacingVerticalS },
  h: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}` },
});

/** One summary figure with its definition and the facts behind it. */
export interface SummaryCard {
  key: string;
  label: string;
  value: string;
  note: string | null;
  definition: string;
  facts: Fact[];
}

/** Figures closer than this (USD bn, or a fraction for shares) are the same figure for the reader. */
const SAME = 5e-4;

/**
 * The other money bases' figures where they differ from the one shown: "Committed: USD 50 bn" (the whole
 * commitment), "Paid: USD 11.6 bn" (what the data record as paid). Null when every basis agrees.
 */
export function basisNote(
  metrics: EntityMetrics,
  pick: (figures: EntityMetrics["byBasis"][keyof EntityMetrics["byBasis"]]) => number | null,
  format: (value: number | null) => string,
  s: ReturnType<typeof useStrings>,
): string | null {
  const shown = pick(metrics.byBasis[metrics.money]);
  const parts: string[] = [];
  const committed = pick(metrics.byBasis.committed);
  const paid = pick(metrics.byBasis.funded);
  const differs = (x: number | null) => x !== null && (shown === null || Math.abs(x - shown) > SAME);
  // No break inside a figure ("1.7 %", "USD 18.0 bn"): a note wraps between its parts, not within one.
  const keep = (x: number | null) => format(x).replace(/ /g, "\u00a0");
  if (metrics.money !== "committed" && differs(committed)) parts.push(s.cardCommitted(keep(committed)));
  if (metrics.money !== "funded" && differs(paid) && (committed === null || paid === null || Math.abs(paid - committed) > SAME)) parts.push(s.cardPaid(keep(paid)));
  return parts.length === 0 ? null : parts.join(" · ");
}

function joinNotes(...notes: (string | null)[]): string | null {
  const kept = notes.filter((n): n is string => n !== null);
  return kept.length === 0 ? null : kept.join(" · ");
}

/** Builds the five summary cards from the engine's metrics; unknown values become "—" with the reason. */
export function summaryCards(
  metrics: EntityMetrics,
  factsFor: (key: string) => Fact[],
  s: ReturnType<typeof useStrings>,
): SummaryCard[] {
  return [
    {
      key: "selfFunded",
      label: s.cardSelfFunded,
      value: formatUsdBn(metrics.selfFunded),
      note: basisNote(metrics, (m) => m.selfFunded, formatUsdBn, s),
      definition: s.cardSelfFundedDef,
      facts: factsFor("selfFunded"),
    },
    {
      key: "fundedBacklog",
      label: s.cardBacklog,
      value: formatUsdBn(metrics.fundedBacklog),
      note: basisNote(metrics, (m) => m.fundedBacklog, formatUsdBn, s),
      definition: s.cardBacklogDef,
      facts: factsFor("fundedBacklog"),
    },
    {
      key: "share",
      label: s.cardShare,
      value: formatPct(metrics.share),
      note: metrics.share === null ? s.cardShareNone : basisNote(metrics, (m) => m.share, formatPct, s),
      definition: s.cardShareDef,
      facts: factsFor("share"),
    },
    {
      key: "capexOffset",
      label: s.cardCapex,
      value: formatUsdBn(metrics.capexOffset),
      note: joinNotes(
        metrics.capexOffsetRatio === null ? s.cardCapexNoRatio : s.cardCapexRatio(formatPct(metrics.capexOffsetRatio)),
        basisNote(metrics, (m) => m.capexOffset, formatUsdBn, s),
      ),
      definition: s.cardCapexDef,
      facts: factsFor(metrics.capexOffsetRatio === null ? "capexOffset" : "capexOffsetRatio"),
    },
    {
      key: "marketValue",
      label: s.cardMarket,
      value: formatUsdBn(metrics.marketValue),
      note: metrics.marketValue === null ? s.cardMarketNone : null,
      definition: s.cardMarketDef,
      facts: factsFor("marketValue"),
    },
  ];
}

const MAX_FACTS_IN_POPOVER = 8;

function Card({ card }: { card: SummaryCard }) {
  const s = useStrings();
  const styles = useStyles();
  const shown = card.facts.slice(0, MAX_FACTS_IN_POPOVER);
  return (
    <div className={styles.card} data-testid={`card-${card.key}`} role="group" aria-label={card.label}>
      <div className={styles.cardHead}>
        <Text className={styles.label}>{card.label}</Text>
        <Popover withArrow trapFocus positioning={{ position: "below", align: "end", autoSize: "height", overflowBoundaryPadding: 8 }}>
          <PopoverTrigger disableButtonEnhancement>
            <Button appearance="subtle" size="small" icon={<Info16Regular />} aria-label={s.aboutFigure(card.label)} />
          </PopoverTrigger>
          <PopoverSurface className={styles.surface} aria-label={s.aboutFigure(card.label)}>
            <Text weight="semibold">{s.definition}</Text>
            <Text className={styles.def} size={200}>{card.definition}</Text>
            <Text weight="semibold">{s.factsBehind}</Text>
            {card.facts.length === 0 ? (
              <Text as="p" size={200}>{s.noFactsBehind}</Text>
            ) : (
              shown.map((f) => <FactItem key={f.id} fact={f} />)
            )}
            {card.facts.length > shown.length && (
              <Text size={200}>{s.moreInSources(card.facts.length - shown.length)}</Text>
            )}
          </PopoverSurface>
        </Popover>
      </div>
      <Text className={styles.value}>{card.value}</Text>
      {card.note && <Text className={styles.note}>{card.note}</Text>}
    </div>
  );
}

/** Props of {@link OverviewView}. */
export interface OverviewViewProps {
  cards: SummaryCard[];
  exposure: ExposureRow[];
  registry: PaneRegistry;
}

/** Summary cards plus the counterparty table behind them. */
export function OverviewView({ cards, exposure, registry }: OverviewViewProps) {
  const s = useStrings();
  const styles = useStyles();
  const rows = exposure.filter((r) => r.fundingOut > 0 || r.contractsIn > 0 || r.fundingOutCommitted > 0);
  const differs = rows.some((r) => Math.abs(r.fundingOutCommitted - r.fundingOut) > SAME);
  const contingent = exposure.filter((r) => r.contingentOut > 0);
  return (
    <div>
      <div className={styles.grid}>
        {cards.map((c) => (
          <Card key={c.key} card={c} />
        ))}
      </div>
      {rows.length > 0 && (
        <>
          <h3 className={styles.h}>{s.counterpartiesTitle} (USD bn)</h3>
          <FigureTable
            label={s.counterpartiesTitle}
            headers={[s.colCounterparty, s.colFundingOut, s.colContractsIn, s.colRoundTrip]}
            nameWidth="34%"
            rows={rows.map((r) => ({
              key: r.counterparty,
              name: shortName(registry, r.counterparty),
              title: registry.get(r.counterparty)?.name ?? r.counterparty,
              figures: [
                Math.abs(r.fundingOutCommitted - r.fundingOut) > SAME ? `${formatBnShort(r.fundingOut)} (${formatBnShort(r.fundingOutCommitted)})` : formatBnShort(r.fundingOut),
                formatBnShort(r.contractsIn),
                formatRatio(r.roundTripRatio),
              ],
            }))}
          />
          {differs && <Text as="p" className={styles.note} data-testid="money-note">{s.moneyNote}</Text>}
        </>
      )}
      {contingent.length > 0 && (
        <Text as="p" className={styles.note} data-testid="contingent-note">
          {s.contingentNote(contingent.map((r) => `${shortName(registry, r.counterparty)} ${formatBnShort(r.contingentOut)}`).join(", "))}
        </Text>
      )}
    </div>
  );
}
