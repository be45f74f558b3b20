import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Info16Regular } from "@fluentui/react-icons";
import { useRef, useState, type ComponentType } from "react";
import type { EntityMetrics, ExposureRow, Fact, PaneRegistry } from "../lowerLayers";
import { shortName } from "../entitySearch";
import { formatBnShort, formatPct, formatRatio, formatUsdBn } from "../format";
import { useStrings } from "../i18n";
import { FigureTable } from "./FigureTable";
import type { CardInfoProps } from "./CardInfo";
import type { ViewStrings } from "../strings.views";

/** The keys of the cards' definitions (views' strings: only the info popover shows them). */
export type DefinitionKey = Extract<keyof ViewStrings, `card${string}Def`>;

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
  h: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}` },
});

/** One summary figure with its definition and the facts behind it. */
export interface SummaryCard {
  key: string;
  label: string;
  value: string;
  note: string | null;
  /** The key of its definition in the views' strings (the info popover, which loads with them, shows it). */
  definition: DefinitionKey;
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

/** "Includes our estimate E02: without it USD 2.0 bn" where the engine found the figure rests on estimates. */
export function estimateNote(
  metrics: EntityMetrics,
  key: "selfFunded" | "fundedBacklog" | "share",
  format: (value: number | null) => string,
  s: ReturnType<typeof useStrings>,
): string | null {
  const r = metrics.restsOnEstimates?.[key];
  return r === undefined ? null : s.cardEstimate(r.estimateIds.join(", "), format(r.without).replace(/ /g, "\u00a0"));
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
      note: joinNotes(basisNote(metrics, (m) => m.selfFunded, formatUsdBn, s), estimateNote(metrics, "selfFunded", formatUsdBn, s)),
      definition: "cardSelfFundedDef",
      facts: factsFor("selfFunded"),
    },
    {
      key: "fundedBacklog",
      label: s.cardBacklog,
      value: formatUsdBn(metrics.fundedBacklog),
      note: joinNotes(basisNote(metrics, (m) => m.fundedBacklog, formatUsdBn, s), estimateNote(metrics, "fundedBacklog", formatUsdBn, s)),
      definition: "cardBacklogDef",
      facts: factsFor("fundedBacklog"),
    },
    {
      key: "share",
      label: s.cardShare,
      value: formatPct(metrics.share),
      note: metrics.share === null ? s.cardShareNone : joinNotes(basisNote(metrics, (m) => m.share, formatPct, s), estimateNote(metrics, "share", formatPct, s)),
      definition: "cardShareDef",
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
      definition: "cardCapexDef",
      facts: factsFor(metrics.capexOffsetRatio === null ? "capexOffset" : "capexOffsetRatio"),
    },
    {
      key: "marketValue",
      label: s.cardMarket,
      value: formatUsdBn(metrics.marketValue),
      note: metrics.marketValue === null ? s.cardMarketNone : null,
      definition: "cardMarketDef",
      facts: factsFor("marketValue"),
    },
  ];
}

// The info popover (Fluent's Popover with its positioning layer) is its own chunk, loaded when an info button is
// first hovered, focused or clicked, not with the page (issue 13's start-up budget).
let loadedInfo: ComponentType<CardInfoProps> | null = null;
let pendingInfo: Promise<ComponentType<CardInfoProps>> | null = null;

/** Loads the cards' info popover chunk (once); tests call it so the popover opens at once. */
export function preloadCardInfo(): Promise<ComponentType<CardInfoProps>> {
  return (pendingInfo ??= import("./CardInfo").then((m) => (loadedInfo = m.CardInfo)));
}

/** The card's info button: the real popover once its chunk is in, else a stand-in with the same name and look. */
function InfoButton({ card }: { card: SummaryCard }) {
  const s = useStrings();
  const button = useRef<HTMLButtonElement>(null);
  const [real, setReal] = useState<{ Info: ComponentType<CardInfoProps>; open: boolean; focus: boolean } | null>(() =>
    loadedInfo ? { Info: loadedInfo, open: false, focus: false } : null,
  );
  const load = (open: boolean) => {
    void preloadCardInfo().then((Info) =>
      setReal((was) => was ?? { Info, open, focus: button.current !== null && button.current === button.current.ownerDocument.activeElement }),
    );
  };
  if (real) return <real.Info key={String(real.open)} card={card} open={real.open} focus={real.focus} />;
  return (
    <Button
      ref={button}
      appearance="subtle"
      size="small"
      icon={<Info16Regular />}
      aria-label={s.aboutFigure(card.label)}
      aria-haspopup="dialog"
      onPointerEnter={() => load(false)}
      onFocus={() => load(false)}
      // A click before the chunk is in opens the popover as soon as it is (replacing a hover's closed one).
      onClick={() => void preloadCardInfo().then((Info) => setReal((was) => (was?.open ? was : { Info, open: true, focus: false })))}
    />
  );
}

function Card({ card }: { card: SummaryCard }) {
  const styles = useStyles();
  return (
    <div className={styles.card} data-testid={`card-${card.key}`} role="group" aria-label={card.label}>
      <div className={styles.cardHead}>
        <Text className={styles.label}>{card.label}</Text>
        <InfoButton card={card} />
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
