import { Button, Dropdown, Field, Input, Option, Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ChevronLeft16Regular, ChevronRight16Regular, Search16Regular } from "@fluentui/react-icons";
import { useDeferredValue, useMemo, useState } from "react";
import { FACT_KINDS, FACT_STATUSES, normaliseName } from "../../model";
import type { EntityId, Fact, FactKind, FactStatus, PaneEngine } from "../lowerLayers";
import type { Strings } from "../strings";
import { useViewStrings } from "../viewStrings";
import { FactItem } from "./FactItem";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  filters: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalS },
  full: { gridColumn: "1 / -1" },
  dropdown: { minWidth: 0, width: "100%" },
  pager: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  count: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** Page size: ~20 fact blocks render instantly; 200 facts are ten pages. */
export const SOURCES_PAGE_SIZE = 20;

/** Props of {@link SourcesView}. */
export interface SourcesViewProps {
  /** The facts in force in the current view (as-of date and basis). */
  facts: readonly Fact[];
  /** Every fact in the dataset, superseded, later and rumoured ones included; offers a switch when given. */
  allFacts?: readonly Fact[];
  entity: EntityId;
  entityName: string;
  /** The engine's "facts naming this entity" filter (the pane does not match parties itself). */
  factsAbout: PaneEngine["factsAbout"];
}

/** The text a search matches: the fact's fields, its kind and status both as codes and in the pane's words. */
function haystack(f: Fact, s: Strings): string {
  return normaliseName(
    [f.id, f.kind, s.factKind[f.kind], f.from, f.to, f.status, s.factStatus[f.status], f.description, f.unit, f.date, f.source.title, f.source.publisher, f.claims.join(" ")].join(" "),
  );
}

/** Every fact in the view with its citation, filtered by text, kind, status and company, paged. */
export function SourcesView({ facts: viewFacts, allFacts, entity, entityName, factsAbout }: SourcesViewProps) {
  const s = useViewStrings();
  const styles = useStyles();
  const [text, setText] = useState("");
  const [kind, setKind] = useState<string>("");
  const [status, setStatus] = useState<string>("");
  const [onlyEntity, setOnlyEntity] = useState(false);
  const [page, setPage] = useState(0);
  const [everything, setEverything] = useState(false);
  const facts = everything && allFacts ? allFacts : viewFacts;
  const scoped = useMemo(() => (onlyEntity ? factsAbout(facts, entity) : facts), [facts, onlyEntity, factsAbout, entity]);
  const deferredText = useDeferredValue(text);
  const indexed = useMemo(() => scoped.map((f) => ({ fact: f, hay: haystack(f, s) })), [scoped, s]);
  const filtered = useMemo(() => {
    const q = normaliseName(deferredText);
    return indexed
      .filter(({ fact, hay }) =>
        (q === "" || hay.includes(q)) &&
        (kind === "" || fact.kind === kind) &&
        (status === "" || fact.status === status),
      )
      .map(({ fact }) => fact);
  }, [indexed, deferredText, kind, status]);
  const pages = Math.max(1, Math.ceil(filtered.length / SOURCES_PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const shown = filtered.slice(current * SOURCES_PAGE_SIZE, (current + 1) * SOURCES_PAGE_SIZE);
  const reset = () => setPage(0);

  return (
    <div className={styles.root}>
      <div className={styles.filters}>
        <Field label={s.sourcesSearch} className={styles.full}>
          <Input
            type="search"
            contentBefore={<Search16Regular />}
            placeholder={s.sourcesSearchPlaceholder}
            value={text}
            onChange={(_, d) => {
              setText(d.value);
              reset();
            }}
          />
        </Field>
        <Field label={s.sourcesKind}>
          <Dropdown
            className={styles.dropdown}
            value={kind === "" ? s.sourcesAll : s.factKind[kind as FactKind]}
            selectedOptions={[kind]}
            onOptionSelect={(_, d) => {
              setKind(d.optionValue ?? "");
              reset();
            }}
          >
            <Option value="">{s.sourcesAll}</Option>
            {FACT_KINDS.map((k) => (
              <Option key={k} value={k}>{s.factKind[k]}</Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={s.sourcesStatus}>
          <Dropdown
            className={styles.dropdown}
            value={status === "" ? s.sourcesAll : s.factStatus[status as FactStatus]}
            selectedOptions={[status]}
            onOptionSelect={(_, d) => {
              setStatus(d.optionValue ?? "");
              reset();
            }}
          >
            <Option value="">{s.sourcesAll}</Option>
            {FACT_STATUSES.map((k) => (
              <Option key={k} value={k}>{s.factStatus[k]}</Option>
            ))}
          </Dropdown>
        </Field>
        <Switch
          className={styles.full}
          checked={onlyEntity}
          onChange={(_, d) => {
            setOnlyEntity(d.checked);
            reset();
          }}
          label={`${s.sourcesScope} (${entityName})`}
        />
        {allFacts && (
          <Switch
            className={styles.full}
            checked={everything}
            onChange={(_, d) => {
              setEverything(d.checked);
              reset();
            }}
            label={s.sourcesEverything}
          />
        )}
      </div>
      <Text className={styles.count} role="status" aria-live="polite">
        {s.sourcesCount(filtered.length, facts.length)}
      </Text>
      {filtered.length === 0 ? (
        <Text>{s.sourcesNone}</Text>
      ) : (
        <div>
          {shown.map((f) => (
            <FactItem key={f.id} fact={f} />
          ))}
        </div>
      )}
      {pages > 1 && (
        <nav className={styles.pager} aria-label={s.pagesLabel}>
          <Button size="small" icon={<ChevronLeft16Regular />} disabled={current === 0} onClick={() => setPage(current - 1)} aria-label={s.prevPage} />
          <Text size={200}>{s.sourcesPage(current + 1, pages)}</Text>
          <Button size="small" icon={<ChevronRight16Regular />} disabled={current >= pages - 1} onClick={() => setPage(current + 1)} aria-label={s.nextPage} />
        </nav>
      )}
    </div>
  );
}
