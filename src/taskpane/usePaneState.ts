import { useCallback, useState } from "react";
import { clampIsoDate } from "../model";
import type { EntityId } from "./lowerLayers";

/** The selection every view shares: which entity, as of when, and on which basis. */
export interface PaneSelection {
  entity: EntityId;
  asOf: string;
  includeRumoured: boolean;
}

/** The selection plus its setters; an invalid date input (empty while typing) keeps the last good date. */
export interface PaneState extends PaneSelection {
  setEntity(id: EntityId): void;
  setAsOf(date: string): void;
  setIncludeRumoured(value: boolean): void;
}

/** Holds entity, as-of date and basis for the whole pane. */
export function usePaneState(initial: PaneSelection, bounds: { min: string; max: string }): PaneState {
  const [selection, setSelection] = useState<PaneSelection>(initial);
  const setEntity = useCallback((entity: EntityId) => setSelection((s) => ({ ...s, entity })), []);
  const setAsOf = useCallback(
    (date: string) => {
      const clamped = clampIsoDate(date, bounds.min, bounds.max);
      if (clamped === null) return;
      setSelection((s) => ({ ...s, asOf: clamped }));
    },
    [bounds.min, bounds.max],
  );
  const setIncludeRumoured = useCallback((includeRumoured: boolean) => setSelection((s) => ({ ...s, includeRumoured })), []);
  return { ...selection, setEntity, setAsOf, setIncludeRumoured };
}
