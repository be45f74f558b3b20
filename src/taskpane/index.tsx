/**
 * Task-pane entry. Renders at once (spinner), loads the bundled model while waiting for Office, and picks
 * the Excel host, or the preview host outside Excel. The pane must also work in a plain browser, where
 * office.js may be missing or Office.onReady may never fire: after a short wait it shows the preview,
 * and switches to the Excel host if Office answers later (a slow Excel start).
 */
import { createRoot } from "react-dom/client";
import { TABS, type TabId } from "./App";
import { detectLanguage, detectTheme, waitForOffice, type PaneEnvironment } from "./environment";
import { Root, type Loaded } from "./Root";

const params = new URLSearchParams(window.location.search);
const media = typeof window.matchMedia === "function" ? window.matchMedia.bind(window) : undefined;
const tabParam = params.get("tab");
const initialTab = (TABS as readonly string[]).includes(tabParam ?? "") ? (tabParam as TabId) : undefined;

function environment(inExcel: boolean): PaneEnvironment {
  return { inExcel, themeName: detectTheme(window.location.search, media), language: detectLanguage(window.location.search) };
}

async function load(): Promise<Loaded> {
  const modules = Promise.all([import("./data"), import("../office")]);
  const office = await waitForOffice();
  const [{ loadPaneData }, hosts] = await modules;
  const data = loadPaneData();
  if (!office.timedOut) {
    return { data, host: office.inExcel ? hosts.createExcelHost() : hosts.createPreviewHost(), env: environment(office.inExcel) };
  }
  const later = office.ready.then(({ inExcel }) => (inExcel ? { host: hosts.createExcelHost(), env: environment(true) } : null));
  return { data, host: hosts.createPreviewHost(), env: environment(false), later };
}

const el = document.getElementById("root");
if (el) {
  createRoot(el).render(
    <Root
      initialTheme={detectTheme(window.location.search, media)}
      load={load}
      initialEntity={params.get("entity") ?? undefined}
      initialTab={initialTab}
      initialAsOf={params.get("asOf") ?? undefined}
    />,
  );
}
