import { FluentProvider, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import { App, type TabId } from "./App";
import { ErrorState, LoadingState } from "./components/States";
import type { EntityId, PaneData, WorkbookHost } from "./contracts";
import { fluentTheme, type PaneEnvironment } from "./environment";
import { StringsProvider } from "./i18n";
import { en, type Strings } from "./strings";

/** What the loader hands the pane once Office and the data are ready. */
export interface Loaded {
  data: PaneData;
  host: WorkbookHost;
  env: PaneEnvironment;
}

/** Props of {@link Root}. */
export interface RootProps {
  /** Theme to use while loading, before Office reports its own. */
  initialTheme: PaneEnvironment["themeName"];
  load(): Promise<Loaded>;
  strings?: Strings;
  initialEntity?: EntityId;
  initialTab?: TabId;
}

const useStyles = makeStyles({
  provider: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground2 },
  pad: { padding: tokens.spacingHorizontalM },
});

type LoadState = { kind: "loading" } | { kind: "ready"; loaded: Loaded } | { kind: "error"; message: string };

/**
 * The pane's root: FluentProvider with the Office theme, the string catalogue, and the loading and error
 * states around the app. `load` never blocks rendering: the spinner shows until it settles.
 */
export function Root({ initialTheme, load, strings = en, initialEntity, initialTab }: RootProps) {
  const styles = useStyles();
  const [state, setState] = useState<LoadState>({ kind: "loading" });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (loaded) => live && setState({ kind: "ready", loaded }),
      (e: unknown) => live && setState({ kind: "error", message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [load, attempt]);
  const retry = useCallback(() => {
    setState({ kind: "loading" });
    setAttempt((a) => a + 1);
  }, []);
  const theme = fluentTheme(state.kind === "ready" ? state.loaded.env.themeName : initialTheme);
  return (
    <FluentProvider theme={theme} className={styles.provider}>
      <StringsProvider value={strings}>
        {state.kind === "loading" && <LoadingState />}
        {state.kind === "error" && (
          <div className={styles.pad}>
            <ErrorState title={strings.loadErrorTitle} message={strings.loadErrorBody(state.message)} onRetry={retry} />
          </div>
        )}
        {state.kind === "ready" && (
          <App data={state.loaded.data} host={state.loaded.host} initialEntity={initialEntity} initialTab={initialTab} />
        )}
      </StringsProvider>
    </FluentProvider>
  );
}
