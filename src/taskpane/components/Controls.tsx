import { Field, Input, Radio, RadioGroup, makeStyles, tokens } from "@fluentui/react-components";
import type { PaneRegistry } from "../contracts";
import { useStrings } from "../i18n";
import type { PaneState } from "../usePaneState";
import { EntityPicker } from "./EntityPicker";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "flex-end", flexWrap: "wrap" },
  date: { flex: "1 1 140px", minWidth: 0 },
  basis: { flex: "1 1 auto" },
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
    <section className={styles.root} aria-label="Selection">
      <EntityPicker registry={registry} value={state.entity} onChange={state.setEntity} label={s.entityLabel} />
      <div className={styles.row}>
        <Field label={s.asOfLabel} hint={s.asOfHint(minDate, maxDate)} className={styles.date}>
          <Input type="date" value={state.asOf} min={minDate} max={maxDate} onChange={(_, d) => state.setAsOf(d.value)} />
        </Field>
        <Field label={s.basisLabel} className={styles.basis}>
          <RadioGroup
            layout="horizontal"
            value={state.includeRumoured ? "rumoured" : "confirmed"}
            onChange={(_, d) => state.setIncludeRumoured(d.value === "rumoured")}
            title={s.basisHint}
          >
            <Radio value="confirmed" label={s.basisConfirmed} />
            <Radio value="rumoured" label={s.basisRumoured} />
          </RadioGroup>
        </Field>
      </div>
    </section>
  );
}
