/** Renders pane components inside the providers they need (Fluent theme, string catalogue). */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, type RenderResult } from "@testing-library/react";
import type { ReactElement } from "react";
import { StringsProvider } from "../../../src/taskpane/i18n";
import { en } from "../../../src/taskpane/strings";

/** render() wrapped in FluentProvider and the English catalogue. */
export function renderPane(ui: ReactElement): RenderResult {
  return render(
    <FluentProvider theme={webLightTheme}>
      <StringsProvider value={en}>{ui}</StringsProvider>
    </FluentProvider>,
  );
}
