import { Combobox, Option, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import type { EntityId, PaneRegistry } from "../lowerLayers";
import { entityLabel, searchEntities } from "../entitySearch";
import { useViewStrings } from "../viewStrings";

const useStyles = makeStyles({
  combo: { minWidth: 0, width: "100%" },
  option: { display: "flex", flexDirection: "column" },
  aliases: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
});

/** Props of {@link EntityCombobox}. */
export interface EntityComboboxProps {
  registry: PaneRegistry;
  value: EntityId;
  onChange(id: EntityId): void;
  /** Text the user typed into the light box (EntityPicker) before this chunk loaded: kept, list opened. */
  initialQuery?: string;
  /** Take the focus on mount (the light box had it), caret at the end. */
  focus?: boolean;
  /** Open the list on mount (the light box was clicked). */
  open?: boolean;
}

/**
 * A searchable company picker: typing any alias (ticker, English or Chinese name, other listings such as
 * 9984.T) narrows the list, matched the way the registry resolves names. Rendered inside EntityPicker's Field,
 * which names it; its own chunk (Combobox and its positioning load when the picker is first used).
 */
export function EntityCombobox({ registry, value, onChange, initialQuery, focus, open }: EntityComboboxProps) {
  const s = useViewStrings();
  const styles = useStyles();
  const current = registry.get(value);
  const currentLabel = current ? entityLabel(current, s.chineseScript) : value;
  // While the user types, the box shows their text; otherwise it shows the chosen entity.
  const [query, setQuery] = useState(initialQuery ?? "");
  const [typing, setTyping] = useState(initialQuery !== undefined);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const el = input.current;
    if (!focus || !el) return;
    el.focus();
    // As focusing a text box by keyboard does: what was typed continues, else the text is selected to replace.
    if (initialQuery !== undefined) el.setSelectionRange(el.value.length, el.value.length);
    else el.select();
    // Mount-only: hand the focus over once, when the light box is replaced.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const matches = useMemo(() => searchEntities(registry, typing ? query : ""), [registry, query, typing]);
  const suggestions = useMemo(() => {
    if (!typing || matches.length > 0 || query.trim() === "") return [];
    const r = registry.resolve(query);
    return r.ok ? [] : r.suggestions;
  }, [registry, matches, typing, query]);

  return (
    <Combobox
      ref={input}
      defaultOpen={open === true || initialQuery !== undefined}
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
  );
}
