/**
 * Task-pane entry. Renders at once (spinner), waits for Office with a timeout (the pane must also work
 * in a plain browser, where office.js may be missing or Office.onReady may never fire), then loads the
 * bundled model and picks the Excel host, or the preview host outside Excel.
 */
import { createRoot } from "react-dom/client";
import { TABS, type TabId } from "./App";
import { detectLanguage, detectTheme, waitForOffice } from "./environment";
import { Root, type Loaded } from "./Root";

const params = new URLSearchParams(window.location.search);
const media = typeof window.matchMedia === "function" ? window.matchMedia.bind(window) : undefined;
const tabParam = params.get("tab");
const initialTab = (TABS as readonly string[]).includes(tabParam ?? "") ? (tabParam as TabId) : undefined;

async function load(): Promise<Loaded> {
  const { inExcel } = await waitForOffice();
  const [{ loadPaneData }, office] = await Promise.all([import("./data"), import("../office")]);
  const data = loadPaneData();
  const host = inExcel ? office.createExcelHost() : office.createPreviewHost();
  return { data, host, env: { inExcel, themeName: detectTheme(window.location.search, media), language: detectLanguage() } };
}

const el = document.getElementById("root");
if (el) {
  createRoot(el).render(
    <Root initialTheme={detectTheme(window.location.search, media)} load={load} initialEntity={params.get("entity") ?? undefined} initialTab={initialTab} />,
  );
}
