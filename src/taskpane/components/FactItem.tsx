import { Badge, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Open12Regular } from "@fluentui/react-icons";
import { isWebUrl } from "../../model";
import type { Fact } from "../lowerLayers";
import { formatPct, formatUsdBn } from "../format";
import { useViewStrings } from "../viewStrings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  head: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: "2px" },
  amount: { fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  desc: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, overflowWrap: "anywhere" },
  link: { fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  icon: { verticalAlign: "middle", marginLeft: "2px" },
});

/** Props of {@link FactItem}. */
export interface FactItemProps {
  fact: Fact;
}

/**
 * One cited fact: amount, parties, date, status, flags (estimate, rumoured, unverified), its provenance,
 * the paid and conditional parts of its amount where known, and its source,
 * with the link opening in a new tab (the pane itself never navigates away).
 */
export function FactItem({ fact }: FactItemProps) {
  const s = useViewStrings();
  const styles = useStyles();
  const amount =
    fact.amountUsdBn !== null ? formatUsdBn(fact.amountUsdBn) : fact.pct !== null ? formatPct(fact.pct) : fact.unit || s.unknown;
  const parties = fact.from === fact.to ? fact.from : `${fact.from} → ${fact.to}`;
  return (
    <div className={styles.root} data-testid={`fact-${fact.id}`}>
      <div className={styles.head}>
        <Text className={styles.amount}>{amount}</Text>
        <Text size={200}>{parties}</Text>
        <Badge appearance="tint" color="informative" size="small">{s.factKind[fact.kind]}</Badge>
        <Badge appearance={fact.status === "rumoured" ? "filled" : "outline"} color={fact.status === "rumoured" ? "warning" : "informative"} size="small">
          {s.factStatus[fact.status]}
        </Badge>
        {fact.estimate && <Badge appearance="filled" color="warning" size="small">{s.flagEstimate}</Badge>}
        {!fact.verified && <Badge appearance="tint" color="severe" size="small">{s.flagUnverified}</Badge>}
        <Badge
          appearance="outline"
          color={fact.provenance === "primary" || fact.provenance === "press" ? "informative" : "subtle"}
          size="small"
          data-testid={`provenance-${fact.id}`}
        >
          {s.provenance[fact.provenance]}
        </Badge>
      </div>
      {(fact.conditionalUsdBn ?? 0) > 0 || fact.fundedUsdBn !== null ? (
        <Text className={styles.meta}>
          {[
            fact.fundedUsdBn !== null ? s.factFunded(formatUsdBn(fact.fundedUsdBn)) : null,
            (fact.conditionalUsdBn ?? 0) > 0 ? s.factConditional(formatUsdBn(fact.conditionalUsdBn as number)) : null,
          ]
            .filter((x) => x !== null)
            .join(" · ")}
        </Text>
      ) : null}
      <Text className={styles.desc}>{fact.description}</Text>
      <Text className={styles.meta}>
        {fact.id} · {fact.date} · {fact.source.publisher}, {fact.source.date}
      </Text>
      {/* Links only for http(s): a javascript: or data: URL in a workbook's facts is shown as nothing clickable. */}
      {isWebUrl(fact.source.url) ? (
        <Link className={styles.link} href={fact.source.url} target="_blank" rel="noopener noreferrer" title={fact.source.url}>
          {fact.source.title}
          <Open12Regular className={styles.icon} aria-label={s.openSource} />
        </Link>
      ) : (
        <Text className={styles.meta}>
          {fact.source.title} ({s.noUrl})
        </Text>
      )}
    </div>
  );
}
