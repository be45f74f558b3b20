// jsdom lacks the layout APIs that Fluent UI and its charts call; give them inert answers.
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
const g = globalThis as unknown as Record<string, unknown>;
if (!g.ResizeObserver) g.ResizeObserver = ResizeObserverStub;
if (typeof window !== "undefined") {
  const svgProto = (window as unknown as { SVGElement: { prototype: Record<string, unknown> } }).SVGElement.prototype;
  svgProto.getComputedTextLength = () => 40;
  svgProto.getBBox = () => ({ x: 0, y: 0, width: 40, height: 12 });
  (window.HTMLCanvasElement.prototype as unknown as Record<string, unknown>).getContext = () => null;
  if (!window.matchMedia) {
    (window as unknown as Record<string, unknown>).matchMedia = (q: string) => ({
      matches: false, media: q, onchange: null,
      addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false,
    });
  }
}

// Fluent's portals and tabster make full-pane interactions in jsdom take seconds, not milliseconds.
jest.setTimeout(30000);

// The views behind the tabs load on demand in the pane (src/taskpane/lazyViews.ts); load them before the tests
// render them, so a view renders at once as it does once its chunk is in.
void import("../../../src/taskpane/lazyViews").then((m) => m.preloadViews());
// Likewise the Chinese catalogues (their own chunks in the pane): compiled here, not inside a test's time limit.
void import("../../../src/taskpane/i18n").then((m) => Promise.all((["zh-TW", "zh-CN"] as const).map((l) => m.loadStrings(l))));
// And the dark and high-contrast themes (their own chunk: environment.ts, loadTheme).
void import("../../../src/taskpane/environment").then((m) => m.loadTheme("dark"));
