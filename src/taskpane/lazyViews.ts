/**
 * The views the pane does not show on first render, each in its own chunk loaded when its tab is opened
 * (React.lazy): the overview opens first, so Flows, Timeline, Stress, Sources and Workbook, and the Fluent
 * components only they use (slider, spin button, dialog, dropdown...), stay out of the JavaScript the pane
 * page loads at start-up. `preloadViews()` loads them all (tests, which then render them without suspending).
 */
import { createElement, lazy, use, type ComponentType } from "react";
import { hostReady } from "./deferredHost";
import type { WorkbookViewProps } from "./components/WorkbookView";
import { preloadEntityPicker } from "./components/EntityPicker";
import { preloadCardInfo } from "./components/OverviewView";

/** A lazily loaded component that renders at once (no Suspense fallback) once its chunk has loaded. */
function lazyView<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const loadChunk = (): Promise<ComponentType<P>> =>
    (pending ??= load().then((c) => {
      loaded = c;
      return c;
    }));
  // React.lazy resolves synchronously when the thenable calls back at once: a loaded chunk never suspends.
  const component = lazy<ComponentType<P>>(() =>
    loaded
      ? ({ then: (ok: (m: { default: ComponentType<P> }) => void) => ok({ default: loaded as ComponentType<P> }) } as unknown as Promise<{ default: ComponentType<P> }>)
      : loadChunk().then((c) => ({ default: c })),
  );
  return Object.assign(component, { preload: (): Promise<unknown> => loadChunk() });
}

export const FlowsView = lazyView(() => import("./components/FlowsView").then((m) => m.FlowsView));
export const Timeline = lazyView(() => import("./components/TimelineView").then((m) => m.Timeline));
export const StressView = lazyView(() => import("./components/StressView").then((m) => m.StressView));
export const SourcesView = lazyView(() => import("./components/SourcesView").then((m) => m.SourcesView));
// The Workbook tab also waits for the office layer behind a deferred host (deferredHost.ts) before it renders.
export const WorkbookView = lazyView<WorkbookViewProps>(() =>
  import("./components/WorkbookView").then(({ WorkbookView: View }) => {
    function WorkbookTab(props: WorkbookViewProps) {
      const ready = hostReady(props.host);
      if (ready) use(ready);
      return createElement(View, props);
    }
    return WorkbookTab;
  }),
);

/** Loads every lazy view's chunk, the searchable company picker's (components/EntityPicker.tsx) and the cards' info popover's (OverviewView). */
export function preloadViews(): Promise<unknown> {
  return Promise.all([...[FlowsView, Timeline, StressView, SourcesView, WorkbookView].map((v) => v.preload()), preloadEntityPicker(), preloadCardInfo()]);
}
