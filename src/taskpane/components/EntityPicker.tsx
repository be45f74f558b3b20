import { Combobox, Field, Option, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { EntityId, PaneRegistry } from "../lowerLayers";
import { entityLabel, searchEntities } from "../entitySearch";
import { useStrings } from "../i18n";

const useStyles = makeStyles({
  combo: { minWidth: 0, width: "100%" },
  option: { display: "flex", flexDirection: "column" },
  aliases: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
});

/** Props of {@link EntityPicker}. */
export interface EntityPickerProps {
  registry: PaneRegistry;
  value: EntityId;
  onChange(id: EntityId): void;
  label: string;
  className?: string;
}

/**
 * A searchable company picker: typing any alias (ticker, English or Chinese name, other listings such as
 * 9984.T) narrows the list, matched the way the registry resolves names.
 */
export function EntityPicker({ registry, value, onChange, label, className }: EntityPickerProps) {
  const s = useStrings();
  const styles = useStyles();
  const current = registry.get(value);
  const currentLabel = current ? entityLabel(current, s.chineseScript) : value;
  // While the user types, the box shows their text; otherwise it shows the chosen entity.
  const [query, setQuery] = useState("");
  const [typing, setTyping] = useState(false);
  const matches = useMemo(() => searchEntities(registry, typing ? query : ""), [registry, query, typing]);
  const suggestions = useMemo(() => {
    if (!typing || matches.length > 0 || query.trim() === "") return [];
    const r = registry.resolve(query);
    return r.ok ? [] : r.suggestions;
  }, [registry, matches, typing, query]);

  return (
    <Field label={label} className={className}>
      <Combobox
        className={styles.combo}
        value={typing ? query : currentLabel}
        selectedOptions={[value]}
        placeholder={s.entityPlaceholder}
        onChange={(e) => {
          setQuery(e.target.value);
          setTyping(true);
        }}
        onOptionSelect={(_, data) => {
          if (data.optionValue && registry.get(data.optionValue)) {
            onChange(data.optionValue);
            setTyping(false);
          }
        }}
        onOpenChange={(_, data) => {
          if (!data.open) setTyping(false);
        }}
      >
        {matches.map((entity) => (
          <Option key={entity.id} value={entity.id} text={entityLabel(entity, s.chineseScript)}>
            <div className={styles.option}>
              <span>{entityLabel(entity, s.chineseScript)}</span>
              {entity.aliases.length > 0 && <span className={styles.aliases}>{entity.aliases.slice(0, 4).join(" · ")}</span>}
            </div>
          </Option>
        ))}
        {matches.length === 0 && (
          <Option key="__none" value="" text="" disabled>
            <Text>
              {s.entityNoMatch(query)}
              {suggestions.length > 0 && ` ${s.entityDidYouMean}: ${suggestions.slice(0, 3).join(", ")}?`}
            </Text>
          </Option>
        )}
      </Combobox>
    </Field>
  );
}
