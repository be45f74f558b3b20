import { Field, Input, Label, Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { PaneRegistry } from "../lowerLayers";
import { useStrings } from "../i18n";
import type { PaneState } from "../usePaneState";
import { EntityPicker } from "./EntityPicker";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "flex-start", flexWrap: "wrap" },
  date: { flex: "1 1 126px", minWidth: 0 },
  basis: { flex: "0 0 auto", display: "flex", flexDirection: "column" },
  basisLabel: { paddingBottom: tokens.spacingVerticalXXS },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, paddingLeft: tokens.spacingHorizontalS },
});

/** Props of {@link Controls}. */
export interface ControlsProps {
  registry: PaneRegistry;
  state: PaneState;
  minDate: string;
  maxDate: string;
}

/** The selection every view shares: company, as-of date and basis. */
export function Controls({ registry, state, minDate, maxDate }: ControlsProps) {
  const s = useStrings();
  const styles = useStyles();
  return (
    <section className={styles.root} aria-label={s.selectionLabel}>
      <EntityPicker registry={registry} value={state.entity} onChange={state.setEntity} label={s.entityLabel} />
      <div className={styles.row}>
        <Field label={s.asOfLabel} hint={s.asOfHint(minDate, maxDate)} className={styles.date}>
          <Input type="date" value={state.asOf} min={minDate} max={maxDate} onChange={(_, d) => state.setAsOf(d.value)} />
        </Field>
        {/* Not a Field: a Field would name the switch "Basis" and hide which way it turns. */}
        <div className={styles.basis} role="group" aria-labelledby="aifin-basis-label">
          <Label id="aifin-basis-label" className={styles.basisLabel}>{s.basisLabel}</Label>
          <Switch
            checked={state.includeRumoured}
            onChange={(_, d) => state.setIncludeRumoured(d.checked)}
            label={s.basisRumoured}
            title={s.basisHint}
          />
          <Text className={styles.hint}>{state.includeRumoured ? s.basisRumouredHint : s.basisConfirmedHint}</Text>
        </div>
      </div>
    </section>
  );
}
