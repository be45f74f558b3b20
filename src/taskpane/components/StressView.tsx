import {
  Field,
  Slider,
  SpinButton,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { isEngineError } from "../../engine";
import type { EngineError, EntityId, PaneRegistry, StressOptions, StressResult } from "../lowerLayers";
import { shortName } from "../entitySearch";
import { formatBnShort, formatPct, formatRatio, formatUsdBn } from "../format";
import { useViewStrings } from "../viewStrings";
import { FigureTable } from "./FigureTable";
import { EntityPicker } from "./EntityPicker";
import { ErrorState } from "./States";
import { CLAIM_FIGURES } from "../../model";

/** The article's figure (claim S14): hyperscalers would lose about USD 1 trillion of market value (declared with the claims). */
export const ARTICLE_CLAIM_USD_BN = CLAIM_FIGURES.S14.usdBn;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "flex-end", flexWrap: "wrap" },
  cut: { flex: "1 1 180px", minWidth: 0 },
  slider: { width: "100%" },
  spin: { width: "84px" },
  multipleSpin: { width: "96px", flexShrink: 0 },
  total: {
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  totalValue: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500 },
  bars: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "6px" },
  bar: { display: "grid", gridTemplateColumns: "72px 1fr 64px", alignItems: "center", gap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase200 },
  barLabel: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  track: { height: "12px", backgroundColor: tokens.colorNeutralBackground4, borderRadius: "2px", overflow: "hidden" },
  fill: { height: "100%", backgroundColor: tokens.colorPaletteRedBorderActive, forcedColorAdjust: "none" },
  barValue: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  h: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  notes: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

/** Props of {@link StressView}. */
export interface StressViewProps {
  registry: PaneRegistry;
  run(options: StressOptions): StressResult | EngineError;
  defaultShocked?: EntityId;
}

/**
 * The stress panel: a company cuts its commitments by a share; per-company revenue lost, lender losses and
 * market value at risk, as bars and a table, and the total against the article's USD 1 trillion claim.
 */
export function StressView({ registry, run, defaultShocked = "OPENAI" }: StressViewProps) {
  const s = useViewStrings();
  const styles = useStyles();
  const [shocked, setShocked] = useState<EntityId>(registry.get(defaultShocked) ? defaultShocked : (registry.all()[0]?.id ?? defaultShocked));
  const [cutPct, setCutPct] = useState(50);
  const [multiple, setMultiple] = useState<number | null>(null);
  const result = useMemo(
    () => run({ shocked, cut: cutPct / 100, ...(multiple !== null ? { multiple } : {}) }),
    [run, shocked, cutPct, multiple],
  );
  // Value at risk shown per company: the operating and investor channels (both market value); lender losses apart.
  const valueLost = (l: { marketValueAtRisk: number; investorLoss: number }) => l.marketValueAtRisk + l.investorLoss;
  const lines = isEngineError(result) ? [] : result.lines.filter((l) => l.revenueLost > 0 || l.lenderLoss > 0 || valueLost(l) > 0);
  const sorted = [...lines].sort((a, b) => valueLost(b) - valueLost(a) || b.revenueLost - a.revenueLost);
  const maxMv = Math.max(...sorted.map(valueLost), 1e-9);
  // S14 speaks of OpenAI cutting and the hyperscalers losing: compare only that scenario, only their losses.
  const s14 = CLAIM_FIGURES.S14;
  const claimLoss =
    isEngineError(result) || shocked !== s14.shocked
      ? null
      : result.lines.filter((l) => registry.get(l.id)?.roles.includes(s14.role)).reduce((sum, l) => sum + valueLost(l), 0);

  return (
    <div className={styles.root}>
      <EntityPicker registry={registry} value={shocked} onChange={setShocked} label={s.stressShocked} />
      <div className={styles.row}>
        <Field label={`${s.stressCut}: ${cutPct} %`} className={styles.cut}>
          <Slider className={styles.slider} min={0} max={100} step={5} value={cutPct} onChange={(_, d) => setCutPct(d.value)} aria-label={s.stressCut} />
        </Field>
        <SpinButton
          className={styles.spin}
          min={0}
          max={100}
          step={5}
          value={cutPct}
          aria-label={`${s.stressCut} (%)`}
          onChange={(_, d) => {
            const v = d.value ?? (d.displayValue !== undefined ? Number.parseFloat(d.displayValue) : NaN);
            if (Number.isFinite(v)) setCutPct(Math.min(100, Math.max(0, Math.round(v))));
          }}
        />
      </div>
      <Field label={s.stressMultiple} hint={s.stressMultipleHint}>
        <SpinButton
          className={styles.multipleSpin}
          min={0}
          max={100}
          step={0.5}
          value={multiple}
          placeholder={s.stressMultipleAuto}
          displayValue={multiple === null ? "" : undefined}
          onChange={(_, d) => {
            if (d.value !== undefined && d.value !== null) setMultiple(d.value);
            else if (d.displayValue !== undefined) {
              const v = Number.parseFloat(d.displayValue);
              setMultiple(Number.isFinite(v) && v >= 0 ? v : null);
            }
          }}
        />
      </Field>

      {isEngineError(result) ? (
        <ErrorState title={s.wbErrorTitle} message={s.stressError(result.message)} />
      ) : (
        <>
          <div className={styles.total} role="status" aria-live="polite">
            <Text size={200}>{s.stressTotal}</Text>
            <Text className={styles.totalValue}>{formatUsdBn(valueLost(result.total))}</Text>
            {claimLoss !== null && <Text size={200}>{s.stressClaim(formatUsdBn(claimLoss), formatPct(claimLoss / s14.usdBn))}</Text>}
            {result.total.lenderLoss > 0 && (
              <Text size={200}>{s.stressLenderTotal(formatUsdBn(result.total.lenderLoss), result.details.newDefaults.length)}</Text>
            )}
          </div>
          {sorted.length === 0 ? (
            <Text>{s.stressNone}</Text>
          ) : (
            <>
              <h3 className={styles.h}>{s.stressChartLabel} (USD bn)</h3>
              <ul className={styles.bars} aria-label={s.stressChartLabel}>
                {sorted.filter((l) => valueLost(l) > 0).map((l) => (
                  <li key={l.id} className={styles.bar}>
                    <span className={styles.barLabel} title={registry.get(l.id)?.name ?? l.id}>{shortName(registry, l.id, 10)}</span>
                    <span className={styles.track} aria-hidden>
                      <span className={styles.fill} style={{ display: "block", width: `${(100 * valueLost(l)) / maxMv}%` }} />
                    </span>
                    <span className={styles.barValue}>{formatBnShort(valueLost(l))}</span>
                  </li>
                ))}
              </ul>
              <FigureTable
                label={s.stressTableLabel}
                headers={[s.colEntity, s.colRevenueLost, s.colLenderLoss, s.colMvAtRisk]}
                nameWidth="28%"
                rows={sorted.map((l) => ({
                  key: l.id,
                  name: shortName(registry, l.id, 10),
                  title: registry.get(l.id)?.name ?? l.id,
                  figures: [formatBnShort(l.revenueLost), formatBnShort(l.lenderLoss), formatBnShort(valueLost(l))],
                }))}
                total={{
                  name: s.totalRow,
                  figures: [formatBnShort(result.total.revenueLost), formatBnShort(result.total.lenderLoss), formatBnShort(valueLost(result.total))],
                }}
              />
              <section aria-label={s.stressAssumptions}>
                <h3 className={styles.h}>{s.stressAssumptions}</h3>
                <ul className={styles.notes} aria-label={s.stressAssumptions}>
                  {sorted
                    .filter((l) => result.details.multiples[l.id] !== undefined)
                    .map((l) => {
                      const m = result.details.multiples[l.id];
                      const source =
                        m.source === "default" ? s.stressMultipleDefault : m.source === "override" ? s.stressMultipleOverride : s.stressMultipleAssumptions(m.source);
                      return <li key={l.id}>{s.stressMultipleUsed(shortName(registry, l.id), formatRatio(m.multiple), source)}</li>;
                    })}
                </ul>
                {result.details.newDefaults.length > 0 && (
                  <Text as="p" size={200}>{s.stressNewDefaults(result.details.newDefaults.map((id) => shortName(registry, id)))}</Text>
                )}
                {result.details.capped.length > 0 && (
                  <Text as="p" size={200}>{s.stressCapped(result.details.capped.map((id) => shortName(registry, id)))}</Text>
                )}
              </section>
            </>
          )}
        </>
      )}
    </div>
  );
}
