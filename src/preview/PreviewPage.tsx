/**
 * Layout of the preview: the task pane (taskpane.html in a frame, at task-pane width) on the left, the
 * workbook on the right, with a line saying what this is. `?theme=dark|light` and `?lang=` are passed to the
 * pane; the frame gets the query so screenshots can ask for a tab or an entity too.
 */
import type { ReactElement } from "react";
import { WorkbookView } from "./WorkbookView";
import type { PreviewWorkbook } from "./excel/workbook";
import { PREVIEW_CSS } from "./styles";

export interface PreviewPageProps {
  book: PreviewWorkbook;
  search: string;
}

export const PANE_WIDTH = 350;

/** The banner in the languages the pane speaks (`?lang=`; Hant/HK/MO read as zh-TW, other zh as zh-CN). */
const BANNER = {
  en: ["AIFIN workbook preview", "No Excel needed: the real task pane on the left; the workbook on the right is computed by a formula engine in your browser."],
  "zh-TW": ["AIFIN 活頁簿預覽", "不需 Excel：左側是真正的工作窗格，右側的活頁簿由瀏覽器內的公式引擎計算。"],
  "zh-CN": ["AIFIN 工作簿预览", "无需 Excel：左侧是真正的任务窗格，右侧的工作簿由浏览器内的公式引擎计算。"],
} as const;

function bannerLanguage(lang: string): keyof typeof BANNER {
  const tag = lang.toLowerCase();
  if (!tag.startsWith("zh")) return "en";
  return /^zh-(tw|hk|mo|hant)/.test(tag) ? "zh-TW" : "zh-CN";
}

/**
 * office.js, finding itself in a frame with no Office host around it, navigates the frame to about:blank
 * unless the page defines `OsfOptOut`. The frame's window is created with the element and kept when it
 * navigates to the same-origin taskpane.html, so setting the flag at once reaches office.js.
 */
function optOut(frame: HTMLIFrameElement | null): void {
  const w = frame?.contentWindow as (Window & { OsfOptOut?: boolean }) | null | undefined;
  if (w) w.OsfOptOut = true;
}

export function PreviewPage({ book, search }: PreviewPageProps): ReactElement {
  const params = new URLSearchParams(search);
  const dark = params.get("theme") === "dark" || (params.get("theme") === null && typeof window.matchMedia === "function" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  const [title, subtitle] = BANNER[bannerLanguage(params.get("lang") ?? "")];
  const paneQuery = new URLSearchParams(params);
  if (!paneQuery.has("theme")) paneQuery.set("theme", dark ? "dark" : "light");
  return (
    <div className={dark ? "page dark" : "page"}>
      <style>{PREVIEW_CSS}</style>
      <iframe className="pane" title="AIFIN task pane" ref={optOut} src={`taskpane.html?${paneQuery.toString()}`} style={{ width: PANE_WIDTH }} />
      <main className="book">
        <header className="banner">
          <b>{title}</b>
          <span>{subtitle}</span>
        </header>
        <WorkbookView book={book} dark={dark} />
      </main>
    </div>
  );
}
