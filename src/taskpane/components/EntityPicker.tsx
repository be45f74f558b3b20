import { Field, Input, makeStyles } from "@fluentui/react-components";
import { ChevronDownRegular } from "@fluentui/react-icons";
import { useRef, useState, type ComponentType } from "react";
import type { EntityId, PaneRegistry } from "../lowerLayers";
import { entityLabel } from "../entitySearch";
import { useStrings } from "../i18n";
import type { EntityComboboxProps } from "./EntityCombobox";

const useStyles = makeStyles({
  light: { minWidth: 0, width: "100%" },
});

/** Props of {@link EntityPicker}. */
export interface EntityPickerProps {
  registry: PaneRegistry;
  value: EntityId;
  onChange(id: EntityId): void;
  label: string;
  className?: string;
}

// The searchable picker (Fluent's Combobox with its positioning layer, ~20 KB gzipped) is its own chunk, loaded
// when a picker is first hovered, focused or typed into, not with the page (issue 13's start-up budget).
let loaded: ComponentType<EntityComboboxProps> | null = null;
let pending: Promise<ComponentType<EntityComboboxProps>> | null = null;

/** Loads the searchable picker's chunk (once); tests call it so the picker renders at once. */
export function preloadEntityPicker(): Promise<ComponentType<EntityComboboxProps>> {
  return (pending ??= import("./EntityCombobox").then((m) => (loaded = m.EntityCombobox)));
}

/**
 * A searchable company picker: typing any alias (ticker, English or Chinese name, other listings such as
 * 9984.T) narrows the list, matched the way the registry resolves names. Until its chunk is in, a light box
 * with the same role, name and text stands in; what is typed there carries over, and so does the focus.
 */
export function EntityPicker({ registry, value, onChange, label, className }: EntityPickerProps) {
  const s = useStrings();
  const styles = useStyles();
  const box = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState<string | undefined>(undefined);
  // A click on the light box opens the real picker's list, as a click on the picker does.
  const clicked = useRef(false);
  const [real, setReal] = useState<{ Combobox: ComponentType<EntityComboboxProps>; focus: boolean; open: boolean } | null>(() =>
    loaded ? { Combobox: loaded, focus: false, open: false } : null,
  );
  const load = () => {
    void preloadEntityPicker().then((Combobox) =>
      setReal(
        (was) =>
          was ?? { Combobox, focus: box.current !== null && box.current === box.current.ownerDocument.activeElement, open: clicked.current },
      ),
    );
  };
  const current = registry.get(value);
  return (
    <Field label={label} className={className}>
      {real ? (
        <real.Combobox registry={registry} value={value} onChange={onChange} initialQuery={draft} focus={real.focus} open={real.open} />
      ) : (
        <Input
          ref={box}
          className={styles.light}
          role="combobox"
          aria-expanded={false}
          aria-autocomplete="list"
          value={draft ?? (current ? entityLabel(current, s.chineseScript) : value)}
          placeholder={s.entityPlaceholder}
          contentAfter={<ChevronDownRegular aria-hidden />}
          onPointerEnter={load}
          onFocus={load}
          onClick={() => {
            clicked.current = true;
            load();
          }}
          onChange={(_, d) => {
            setDraft(d.value);
            load();
          }}
        />
      )}
    </Field>
  );
}
