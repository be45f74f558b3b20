/**
 * What the pane loads on demand instead of at start-up (the page's JavaScript budget, issue 13): the office
 * layer behind a deferred host (deferredHost.ts) and the Chinese catalogues (i18n.tsx). The host's layer is
 * made only when something asks for it; the Workbook tab waits for it (Suspense) before it asks for
 * capabilities; a catalogue is English until its chunk is in.
 */
import { act, fireEvent, render, screen } from "@testing-library/react";
import { Suspense } from "react";
import { App } from "../../../src/taskpane/App";
import { deferredHost, hostReady } from "../../../src/taskpane/deferredHost";
import { loadStrings, StringsProvider, stringsFor } from "../../../src/taskpane/i18n";
import { zhTWViews } from "../../../src/taskpane/strings.zh-TW.views";
import { loadViewStrings, useViewStrings, viewStringsOf } from "../../../src/taskpane/viewStrings";
import { en } from "../../../src/taskpane/strings";
import { zhCN } from "../../../src/taskpane/strings.zh-CN";
import type { WorkbookHost } from "../../../src/taskpane/lowerLayers";
import { fakeHost, fixtureData } from "./fixtures";
import { renderPane } from "./render";

const OPTIONS = { entity: "MSFT", asOf: null, includeRumoured: false, onClash: "ask" } as const;

describe("deferred host", () => {
  it("makes the real host only when asked, once, and then answers through it", async () => {
    const real = fakeHost({ caps: { excelApi: "1.9" } });
    let made = 0;
    const host = deferredHost(async () => {
      made++;
      return real;
    });
    expect(made).toBe(0);
    expect(() => host.capabilities()).toThrow(/loading/);
    const ready = hostReady(host);
    expect(ready).not.toBeNull();
    expect(hostReady(host)).toBe(ready);
    await ready;
    expect(host.capabilities().excelApi).toBe("1.9");
    await expect(host.build(OPTIONS)).resolves.toMatchObject({ kind: "built" });
    expect(real.build).toHaveBeenCalledWith(OPTIONS);
    expect(made).toBe(1);
  });

  it("loads on a build asked before anything else", async () => {
    const real = fakeHost();
    const host = deferredHost(async () => real);
    await expect(host.refresh()).resolves.toMatchObject({ kind: "refreshed" });
    expect(real.refresh).toHaveBeenCalledTimes(1);
  });

  it("is not needed for a host that is ready now", () => {
    expect(hostReady(fakeHost())).toBeNull();
  });

  it("keeps the Workbook tab on a spinner until the office layer is in, then shows it", async () => {
    let arrive: (h: WorkbookHost) => void = () => undefined;
    const host = deferredHost(() => new Promise<WorkbookHost>((ok) => (arrive = ok)));
    renderPane(<App data={fixtureData()} host={host} />);
    expect(await screen.findByRole("tab", { name: "Overview" })).toBeTruthy();
    // Awaited act: the tab suspends on the host (React's use) while the click is handled.
    await act(async () => fireEvent.click(screen.getByRole("tab", { name: "Workbook" })));
    expect(await screen.findByText(en.loading)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Build workbook" })).toBeNull();
    arrive(fakeHost());
    const build = await screen.findByRole("button", { name: "Build workbook" });
    expect(build).toHaveProperty("disabled", false);
  });
});

describe("catalogues on demand", () => {
  it("is English until a catalogue's chunk is loaded, then that catalogue", async () => {
    // A fresh copy of the module: the test setup preloads the shared one.
    await jest.isolateModulesAsync(async () => {
      const i18n = await import("../../../src/taskpane/i18n");
      const { en: english } = await import("../../../src/taskpane/strings");
      expect(i18n.stringsFor("en-US")).toBe(english);
      const pending = i18n.loadStrings("zh-CN");
      expect(i18n.stringsFor("zh-CN")).toBe(english);
      const zh = await pending;
      expect(zh.tabOverview).toBe(zhCN.tabOverview);
      expect(i18n.stringsFor("zh-CN")).toBe(zh);
    });
    expect(await loadStrings("zh-CN")).toBe(zhCN);
    expect(stringsFor("zh-CN")).toBe(zhCN);
  });
});

describe("views' strings on demand", () => {
  function StressTotal() {
    return <p>{useViewStrings().stressTotal}</p>;
  }

  it("a view under a Chinese first part waits (Suspense) for that language's views' part, then shows its text, without a React error", async () => {
    const first = await loadStrings("zh-TW");
    expect("stressTotal" in first).toBe(false);
    const errors = jest.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect(viewStringsOf(first)).toBeNull(); // this language's views' part is not loaded yet
      await act(async () => {
        render(
          <StringsProvider value={first}>
            <Suspense fallback={<p>waiting</p>}>
              <StressTotal />
            </Suspense>
          </StringsProvider>,
        );
      });
      await act(() => loadViewStrings("zh-TW"));
      expect(screen.getByText(zhTWViews.stressTotal)).toBeTruthy();
      expect(errors.mock.calls.map((c) => String(c[0]).slice(0, 200))).toEqual([]);
    } finally {
      errors.mockRestore();
    }
  });

  it("English's views' part is always in: no suspension", () => {
    render(
      <Suspense fallback={<p>waiting</p>}>
        <StressTotal />
      </Suspense>,
    );
    expect(screen.getByText("Total market value at risk")).toBeTruthy();
  });
});
