import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Root, type Loaded } from "../../../src/taskpane/Root";
import { fakeHost, fixtureData } from "./fixtures";

const env: Loaded["env"] = { inExcel: false, themeName: "dark", language: "en-US" };

describe("Root", () => {
  it("shows a spinner until the data is loaded, then the pane", async () => {
    let resolve!: (l: Loaded) => void;
    const load = () => new Promise<Loaded>((r) => (resolve = r));
    render(<Root initialTheme="light" load={load} />);
    expect(screen.getByText("Loading the bundled model…")).toBeTruthy();
    resolve({ data: fixtureData(), host: fakeHost(), env });
    expect(await screen.findByRole("heading", { level: 1, name: "AIFIN" })).toBeTruthy();
    expect(screen.queryByText("Loading the bundled model…")).toBeNull();
  });

  it("explains a load failure and retries on request", async () => {
    const user = userEvent.setup();
    const load = jest
      .fn<Promise<Loaded>, []>()
      .mockRejectedValueOnce(new Error("Dataset failed validation: 3 issues."))
      .mockResolvedValueOnce({ data: fixtureData(), host: fakeHost(), env });
    render(<Root initialTheme="light" load={load} />);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("The pane could not load its data");
    expect(alert.textContent).toContain("Dataset failed validation: 3 issues.");
    expect(alert.textContent).toContain("Close and reopen the pane");
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("heading", { level: 1, name: "AIFIN" })).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("switches from the preview host to Excel's when Office answers late", async () => {
    let upgrade!: (u: { host: ReturnType<typeof fakeHost>; env: Loaded["env"] }) => void;
    const later = new Promise<{ host: ReturnType<typeof fakeHost>; env: Loaded["env"] } | null>((r) => (upgrade = r));
    const preview = fakeHost({ caps: { excelApi: null, tables: false, missing: ["noExcel"] } });
    render(<Root initialTheme="light" load={async () => ({ data: fixtureData(), host: preview, env, later })} initialTab="workbook" />);
    expect(await screen.findByText(/Excel is not available here/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Build workbook" })).toHaveProperty("disabled", true);
    upgrade({ host: fakeHost(), env: { ...env, inExcel: true } });
    await waitFor(() => expect(screen.getByRole("button", { name: "Build workbook" })).toHaveProperty("disabled", false));
    expect(screen.queryByText(/Excel is not available here/)).toBeNull();
  });

  it("speaks Traditional Chinese when Office's display language is zh-TW", async () => {
    render(<Root initialTheme="light" load={async () => ({ data: fixtureData(), host: fakeHost(), env: { ...env, language: "zh-TW" } })} />);
    expect(await screen.findByRole("tab", { name: "總覽" })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "活頁簿" })).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "公司" })).toBeTruthy();
    // Same figure as in English (min(13, 250) for Microsoft), under the translated label.
    expect(screen.getByRole("group", { name: "自我融資曝險" }).textContent).toContain("USD 13.0 bn");
  });

  it("speaks Simplified Chinese when Office's display language is zh-CN", async () => {
    render(<Root initialTheme="light" load={async () => ({ data: fixtureData(), host: fakeHost(), env: { ...env, language: "zh-CN" } })} />);
    expect(await screen.findByRole("tab", { name: "总览" })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "工作簿" })).toBeTruthy();
    expect(screen.getByRole("group", { name: "自我融资敞口" }).textContent).toContain("USD 13.0 bn");
  });

  it("builds the workbook in the pane's language", async () => {
    const user = userEvent.setup();
    window.localStorage.clear();
    const host = fakeHost();
    render(<Root initialTheme="light" initialTab="workbook" load={async () => ({ data: fixtureData(), host, env: { ...env, inExcel: true, language: "zh-CN" } })} />);
    await user.click(await screen.findByRole("button", { name: "创建工作簿" }));
    await waitFor(() => expect(host.build).toHaveBeenCalledWith(expect.objectContaining({ onClash: "ask", language: "zh-CN" })));
  });

  it("lets the analyst override Office's language in the pane, remembers it, and can follow Office again", async () => {
    const user = userEvent.setup();
    window.localStorage.clear();
    const { unmount } = render(<Root initialTheme="light" load={async () => ({ data: fixtureData(), host: fakeHost(), env: { ...env, language: "zh-TW" } })} />);
    const picker = await screen.findByRole("combobox", { name: "語言" });
    await user.selectOptions(picker, "简体中文");
    expect(await screen.findByRole("tab", { name: "总览" })).toBeTruthy();
    unmount();
    // A new session in an English Office still opens in the language picked.
    render(<Root initialTheme="light" load={async () => ({ data: fixtureData(), host: fakeHost(), env })} />);
    expect(await screen.findByRole("tab", { name: "总览" })).toBeTruthy();
    await user.selectOptions(screen.getByRole("combobox", { name: "语言" }), "自动");
    expect(await screen.findByRole("tab", { name: "Overview" })).toBeTruthy();
    window.localStorage.clear();
  });

  it("opens on the entity and tab it is given", async () => {
    render(<Root initialTheme="light" load={async () => ({ data: fixtureData(), host: fakeHost(), env })} initialEntity="NVDA" initialTab="flows" />);
    expect(await screen.findByRole("heading", { name: "Money around Nvidia" })).toBeTruthy();
  });
});
