import { FluentProvider, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useState } from "react";
import { App, type TabId } from "./App";
import { ErrorState, LoadingState } from "./components/States";
import type { EntityId, PaneData, WorkbookHost } from "./lowerLayers";
import { fluentTheme, type PaneEnvironment } from "./environment";
import { LanguageProvider, paneLanguageOf, readChosenLanguage, storeChosenLanguage, StringsProvider, useCatalogue, type LanguageChoice, type PaneLanguage } from "./i18n";
import type { PaneStrings } from "./strings";

/** What the loader hands the pane once the data is ready. */
export interface Loaded {
  data: PaneData;
  host: WorkbookHost;
  env: PaneEnvironment;
  /**
   * When Office had not answered yet, the pane starts with the preview host; this settles with the Excel
   * host and the Office theme if Office answers later (a slow Excel start), or null if it never does.
   */
  later?: Promise<{ host: WorkbookHost; env: PaneEnvironment } | null>;
}

/** Props of {@link Root}. */
export interface RootProps {
  /** Theme to use while loading, before Office reports its own. */
  initialTheme: PaneEnvironment["themeName"];
  load(): Promise<Loaded>;
  /** Fixed catalogue; by default the one for the language Office reports (English while loading). */
  strings?: PaneStrings;
  initialEntity?: EntityId;
  initialTab?: TabId;
  initialAsOf?: string;
}

const useStyles = makeStyles({
  page: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground2 },
  pad: { padding: tokens.spacingHorizontalM },
});

type LoadState = { kind: "loading" } | { kind: "ready"; loaded: Loaded } | { kind: "error"; message: string };

/**
 * The pane's root: FluentProvider with the Office theme, the string catalogue, and the loading and error
 * states around the app. `load` never blocks rendering: the spinner shows until it settles.
 */
export function Root({ initialTheme, load, strings: fixedStrings, initialEntity, initialTab, initialAsOf }: RootProps) {
  const styles = useStyles();
  const [state, setState] = useState<LoadState>({ kind: "loading" });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (loaded) => {
        if (!live) return;
        setState({ kind: "ready", loaded });
        loaded.later?.then((upgrade) => {
          if (live && upgrade) setState({ kind: "ready", loaded: { ...loaded, ...upgrade, later: undefined } });
        });
      },
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
  // The analyst's pick (remembered across sessions) wins over Office's display language.
  const [chosen, setChosen] = useState<PaneLanguage | null>(() => readChosenLanguage());
  const officeLanguage = state.kind === "ready" ? paneLanguageOf(state.loaded.env.language) : null;
  const language = chosen ?? officeLanguage;
  const choice = useMemo<LanguageChoice>(
    () => ({
      language: language ?? "en-US",
      chosen,
      choose: (l) => {
        storeChosenLanguage(l);
        setChosen(l);
      },
    }),
    [language, chosen],
  );
  const catalogue = useCatalogue(language ?? "en-US");
  const strings = fixedStrings ?? catalogue;
  // Layout styles sit on an inner div: Fluent copies the provider's classes onto every portal's mount
  // node, so a full-height background on the provider itself would paint popovers over the whole pane.
  return (
    <FluentProvider theme={theme}>
      <LanguageProvider value={choice}>
      <StringsProvider value={strings}>
        <div className={styles.page}>
          {state.kind === "loading" && <LoadingState />}
          {state.kind === "error" && (
            <div className={styles.pad}>
              <ErrorState title={strings.loadErrorTitle} message={strings.loadErrorBody(state.message)} onRetry={retry} />
            </div>
          )}
          {state.kind === "ready" && (
            <App data={state.loaded.data} host={state.loaded.host} initialEntity={initialEntity} initialTab={initialTab} initialAsOf={initialAsOf} />
          )}
        </div>
      </StringsProvider>
      </LanguageProvider>
    </FluentProvider>
  );
}
