/**
 * Task-pane entry. Renders at once (spinner), loads the bundled model while waiting for Office, and picks
 * the Excel host, or the preview host outside Excel. The pane must also work in a plain browser, where
 * office.js may be missing or Office.onReady may never fire: after a short wait it shows the preview,
 * and switches to the Excel host if Office answers later (a slow Excel start).
 */
import { createRoot } from "react-dom/client";
import { TABS, type TabId } from "./App";
import { detectLanguage, detectTheme, loadTheme, waitForOffice, type PaneEnvironment } from "./environment";
import { Root, type Loaded } from "./Root";
import { deferredHost } from "./deferredHost";
import { loadStrings, readChosenLanguage } from "./i18n";

const params = new URLSearchParams(window.location.search);
const media = typeof window.matchMedia === "function" ? window.matchMedia.bind(window) : undefined;
const tabParam = params.get("tab");
const initialTab = (TABS as readonly string[]).includes(tabParam ?? "") ? (tabParam as TabId) : undefined;

function environment(inExcel: boolean): PaneEnvironment {
  return { inExcel, themeName: detectTheme(window.location.search, media), language: detectLanguage(window.location.search) };
}

// The office layer (its own chunk) loads when the Workbook tab first needs it, not before the first render.
const excelHost = () => deferredHost(() => import("../office").then((hosts) => hosts.createExcelHost()));
const previewHost = () => deferredHost(() => import("../office").then((hosts) => hosts.createPreviewHost()));

async function load(): Promise<Loaded> {
  const modules = import(/* webpackChunkName: "data" */ "./data");
  const office = await waitForOffice();
  const { loadPaneData } = await modules;
  // The catalogue of the language the pane opens in (its own chunk unless English), before the first render.
  await loadStrings(readChosenLanguage() ?? detectLanguage(window.location.search));
  const data = loadPaneData();
  if (!office.timedOut) {
    const env = environment(office.inExcel);
    await loadTheme(env.themeName);
    return { data, host: office.inExcel ? excelHost() : previewHost(), env };
  }
  const later = office.ready.then(async ({ inExcel }) => {
    if (!inExcel) return null;
    const env = environment(true);
    await loadTheme(env.themeName);
    return { host: excelHost(), env };
  });
  const env = environment(false);
  await loadTheme(env.themeName);
  return { data, host: previewHost(), env, later };
}

const el = document.getElementById("root");
const initialTheme = detectTheme(window.location.search, media);
// A dark or high-contrast pane waits for its theme's chunk (a few ms) rather than flash light first.
if (el) void loadTheme(initialTheme).then(() => render(el), () => render(el));

function render(root: HTMLElement) {
  createRoot(root).render(
    <Root
      initialTheme={initialTheme}
      load={load}
      initialEntity={params.get("entity") ?? undefined}
      initialTab={initialTab}
      initialAsOf={params.get("asOf") ?? undefined}
    />,
  );
}
