/** The preview page's styles (one string: the preview has no CSS pipeline). */
export const PREVIEW_CSS = `
.page { display: flex; height: 100vh; background: #f3f3f3; color: #242424; --grid-line: #d6d6d6; --head: #f0f0f0; --sel: #217346; --cell: #ffffff; --muted: #616161; --spill: rgba(33, 115, 70, 0.07); }
.page.dark { background: #1f1f1f; color: #e6e6e6; --grid-line: #3d3d3d; --head: #2b2b2b; --sel: #5fb585; --cell: #1b1b1b; --muted: #a8a8a8; --spill: rgba(95, 181, 133, 0.12); }
.pane { border: 0; border-right: 1px solid var(--grid-line); height: 100vh; flex: none; background: #fff; }
.page.dark .pane { background: #292929; }
.book { flex: 1; display: flex; flex-direction: column; min-width: 0; }
.banner { display: flex; gap: 12px; align-items: baseline; padding: 8px 12px; border-bottom: 1px solid var(--grid-line); font-size: 12px; }
.banner span { color: var(--muted); }
.wb { flex: 1; display: flex; flex-direction: column; min-height: 0; }
.wb-empty { padding: 24px; color: var(--muted); max-width: 520px; }
.fbar { display: flex; align-items: center; gap: 6px; padding: 4px 8px; border-bottom: 1px solid var(--grid-line); background: var(--cell); }
.addr { width: 64px; font-family: ui-monospace, Consolas, monospace; border-right: 1px solid var(--grid-line); }
.fx { color: var(--muted); font-style: italic; }
.formula { flex: 1; border: 0; outline: none; font: 12px ui-monospace, Consolas, monospace; background: transparent; color: inherit; padding: 4px; }
.spillnote { color: var(--muted); font-size: 11px; white-space: nowrap; }
.editerror { background: #fde7e9; color: #a4262c; padding: 4px 8px; }
.grid { flex: 1; overflow: auto; position: relative; background: var(--cell); outline: none; }
.grid table { border-collapse: separate; border-spacing: 0; table-layout: fixed; font-size: 12px; }
.grid th { background: var(--head); color: var(--muted); font-weight: 400; border-right: 1px solid var(--grid-line); border-bottom: 1px solid var(--grid-line); height: 21px; padding: 0 4px; }
.grid thead th { position: sticky; top: 0; z-index: 3; }
.grid th.rh { position: sticky; left: 0; z-index: 1; width: 36px; min-width: 36px; text-align: right; }
.grid th.corner { position: sticky; left: 0; z-index: 4; width: 36px; min-width: 36px; }
.grid tr.frozen td { background: var(--cell); }
.grid tr.frozen:last-of-type td { border-bottom-color: var(--muted); }
.c { height: 21px; padding: 0 4px; border-right: 1px solid var(--grid-line); border-bottom: 1px solid var(--grid-line); overflow: hidden; text-overflow: ellipsis; vertical-align: top; line-height: 21px; cursor: cell; }
.c.num, .c.bool, .c.error { text-align: right; font-variant-numeric: tabular-nums; }
.c.error { color: #c50f1f; }
.page.dark .c.error { color: #ff99a4; }
.c.spill { background: var(--spill); }
.c.sel { outline: 2px solid var(--sel); outline-offset: -2px; }
.tabs { display: flex; gap: 2px; padding: 0 8px; border-top: 1px solid var(--grid-line); background: var(--head); overflow-x: auto; flex: none; }
.tab { border: 0; border-bottom: 3px solid transparent; background: transparent; color: inherit; padding: 6px 10px; font: inherit; cursor: pointer; white-space: nowrap; }
.tab.active { background: var(--cell); font-weight: 600; color: var(--sel); }
.chart { pointer-events: none; z-index: 1; }
.chartbg { fill: var(--cell); stroke: var(--grid-line); }
.charttitle { font-size: 13px; font-weight: 600; fill: currentColor; }
.chartlabel { font-size: 11px; fill: currentColor; }
`;
