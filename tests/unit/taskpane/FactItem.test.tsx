/** The fact card's provenance badge and money-certainty line, in English, Traditional and Simplified Chinese. */
import { render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { FactItem } from "../../../src/taskpane/components/FactItem";
import { StringsProvider } from "../../../src/taskpane/i18n";
// The whole English catalogue: the first screen's strings (strings.ts) and the on-demand views' (strings.views.ts).
import { enAll as en } from "../../../src/taskpane/strings.views";
import { zhTW } from "./wholeCatalogues";
import { zhCN } from "./wholeCatalogues";
import { PROVENANCES } from "../../../src/model";
import { FACTS } from "./fixtures";

const base = FACTS[0];

describe("FactItem", () => {
  it("shows the provenance of the fact as a badge", () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <StringsProvider value={en}>
          <FactItem fact={{ ...base, provenance: "secondary" }} />
        </StringsProvider>
      </FluentProvider>,
    );
    expect(screen.getByTestId(`provenance-${base.id}`).textContent).toBe("secondary source");
  });

  it("says how much was paid and how much is conditional where the sources say", () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <StringsProvider value={en}>
          <FactItem fact={{ ...base, amountUsdBn: 50, fundedUsdBn: 15, conditionalUsdBn: 35 }} />
        </StringsProvider>
      </FluentProvider>,
    );
    const card = within(screen.getByTestId(`fact-${base.id}`));
    expect(card.getByText(/15.*paid.*35.*conditional/)).toBeTruthy();
  });

  it.each([
    ["en", en, "investment", "closed"],
    ["zh-TW", zhTW, "投資", "已完成"],
    ["zh-CN", zhCN, "投资", "已完成"],
  ] as const)("names the kind and status in the pane's language (%s)", (_lang, strings, kind, status) => {
    render(
      <FluentProvider theme={webLightTheme}>
        <StringsProvider value={strings}>
          <FactItem fact={{ ...base, kind: "investment", status: "closed" }} />
        </StringsProvider>
      </FluentProvider>,
    );
    const card = within(screen.getByTestId(`fact-${base.id}`));
    expect(card.getByText(kind)).toBeTruthy();
    expect(card.getByText(status)).toBeTruthy();
  });

  it("has a label for every provenance in English, Traditional and Simplified Chinese", () => {
    for (const p of PROVENANCES) {
      expect(en.provenance[p].length).toBeGreaterThan(0);
      expect(zhTW.provenance[p].length).toBeGreaterThan(0);
      expect(zhTW.provenance[p]).not.toBe(en.provenance[p]);
      expect(zhCN.provenance[p].length).toBeGreaterThan(0);
    }
  });
});
