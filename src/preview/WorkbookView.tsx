/**
 * The workbook side of the preview: sheet tabs, a formula bar showing the selected cell's formula (or the
 * formula a spilled cell comes from), a grid of computed values in their number formats, and the charts
 * AIFIN added, drawn from their source ranges. Cells are edited through the formula bar (type, Enter);
 * typing on a selected cell starts an edit, Delete empties it. Every edit goes into the formula engine and
 * recalculates its dependents, as in Excel.
 */
import { DetailedCellError } from "hyperformula";
import { useCallback, useEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactElement } from "react";
import { PreviewWorkbook, addressOf, boxOf, type ChartMeta, type SheetMeta } from "./excel/workbook";
import { formatNumber } from "./format";

const ROW_HEIGHT = 22;
const HEADER_HEIGHT = 22;
const ROW_HEADER_WIDTH = 44;
const DEFAULT_COL_WIDTH = 72;
const POINTS_TO_PX = 96 / 72;
const MAX_COL_WIDTH = 420;
/** Rows drawn beyond the used range, and the most drawn at all (the grid is not virtualised). */
const SPARE_ROWS = 12;
const MAX_ROWS = 1500;

export interface WorkbookViewProps {
  book: PreviewWorkbook;
  dark: boolean;
}

interface Selection {
  row: number;
  col: number;
}

function useBookVersion(book: PreviewWorkbook): number {
  const [version, setVersion] = useState(0);
  useEffect(() => book.onChange(() => setVersion((v) => v + 1)), [book]);
  return version;
}

function colWidth(sheet: SheetMeta, col: number): number {
  const pts = sheet.columnWidths.get(col);
  return pts === undefined ? DEFAULT_COL_WIDTH : Math.min(MAX_COL_WIDTH, Math.max(24, Math.round(pts * POINTS_TO_PX)));
}

/** Text and class of one cell as the grid shows it. */
function display(book: PreviewWorkbook, sheet: SheetMeta, row: number, col: number): { text: string; kind: "num" | "text" | "bool" | "error" | "empty"; title?: string } {
  const v = book.cellValue(sheet, row, col);
  if (v === null || v === undefined || v === "") return { text: "", kind: "empty" };
  if (v instanceof DetailedCellError) return { text: v.value, kind: "error", title: v.message || v.value };
  if (typeof v === "number") return { text: formatNumber(v, book.format(sheet, row, col).numberFormat ?? "General"), kind: "num" };
  if (typeof v === "boolean") return { text: v ? "TRUE" : "FALSE", kind: "bool" };
  return { text: String(v), kind: "text" };
}

export function WorkbookView({ book, dark }: WorkbookViewProps): ReactElement {
  const version = useBookVersion(book);
  const [sheetId, setSheetId] = useState<string | null>(book.activeSheetId);
  const [sel, setSel] = useState<Selection>({ row: 0, col: 0 });
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const lastActive = useRef<string | null>(book.activeSheetId);

  // Follow worksheet.activate() from the add-in (a build shows the Exposure sheet, a freeze its copy).
  useEffect(() => {
    if (book.activeSheetId !== lastActive.current) {
      lastActive.current = book.activeSheetId;
      setSheetId(book.activeSheetId);
      setSel({ row: 0, col: 0 });
      setDraft(null);
    }
  }, [book, version]);

  const sheet = (sheetId ? book.sheetById(sheetId) : undefined) ?? book.sheets[0];
  // The workbook is mutable: these are read on every render (each change bumps `version`).
  const used = sheet ? book.usedBox(sheet) : null;
  const rows = Math.min(MAX_ROWS, Math.max(30, (used?.bottom ?? 0) + 1 + SPARE_ROWS));
  const cols = Math.max(10, (used?.right ?? 0) + 3);
  const widths = sheet ? Array.from({ length: cols }, (_, c) => colWidth(sheet, c)) : [];

  const selectedAddress = addressOf({ top: sel.row, left: sel.col, bottom: sel.row, right: sel.col });
  const bar = sheet ? book.formulaBar(sheet, sel.row, sel.col) : { text: "", spillFrom: null };

  const commit = useCallback(
    (text: string, move: number) => {
      if (!sheet) return;
      try {
        book.write(sheet, { top: sel.row, left: sel.col, bottom: sel.row, right: sel.col }, [[text]], "formulas");
        setError(null);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
      setDraft(null);
      setSel((s) => ({ row: Math.max(0, s.row + move), col: s.col }));
      gridRef.current?.focus();
    },
    [book, sheet, sel],
  );

  const onGridKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!sheet) return;
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Enter: [1, 0], Tab: [0, 1] };
    if (moves[e.key]) {
      e.preventDefault();
      const [dr, dc] = moves[e.key];
      setSel((s) => ({ row: Math.max(0, s.row + dr), col: Math.max(0, s.col + dc) }));
    } else if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      commit("", 0);
    } else if (e.key === "F2") {
      e.preventDefault();
      setDraft(bar.spillFrom ? "" : bar.text);
      inputRef.current?.focus();
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      setDraft(e.key);
      inputRef.current?.focus();
    }
  };

  if (!sheet) {
    return (
      <div className="wb-empty" data-testid="workbook-empty">
        <p>The workbook is empty. Use <b>Build workbook</b> on the pane&apos;s Workbook tab: AIFIN writes its sheets here, with live formulas.</p>
      </div>
    );
  }

  const frozen = sheet.frozenRows;
  const charts = book.charts.filter((c) => c.sheetId === sheet.id);
  const colLeft = (c: number) => ROW_HEADER_WIDTH + widths.slice(0, c).reduce((a, b) => a + b, 0);

  // Each cell is read once per render (the overflow rule looks at the right-hand neighbour).
  const shown = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => display(book, sheet, r, c)));
  const cells: ReactElement[] = [];
  for (let r = 0; r < rows; r++) {
    const rowCells: ReactElement[] = [];
    for (let c = 0; c < cols; c++) {
      const d = shown[r][c];
      const f = book.format(sheet, r, c);
      const spilled = book.isSpilled(sheet, r, c);
      const style: CSSProperties = {
        width: widths[c],
        minWidth: widths[c],
        maxWidth: widths[c],
        fontWeight: f.bold ? 600 : undefined,
        fontStyle: f.italic ? "italic" : undefined,
        color: d.kind === "error" ? undefined : f.fontColor && !dark ? f.fontColor : f.fontColor === "#FFFFFF" ? "#FFFFFF" : undefined,
        background: f.fill ? (dark ? darken(f.fill) : f.fill) : undefined,
        fontSize: f.fontSize ? `${Math.round(f.fontSize * POINTS_TO_PX)}px` : undefined,
        borderTop: f.borderTop ? "1.5px solid currentColor" : undefined,
        whiteSpace: f.wrap ? "normal" : "nowrap",
      };
      // Text runs into empty cells to its right, as in Excel.
      if (d.kind === "text" && !f.wrap && c + 1 < cols && shown[r][c + 1].kind === "empty") {
        style.overflow = "visible";
        style.textOverflow = "clip";
        style.position = "relative";
        style.zIndex = 1;
      }
      const selected = r === sel.row && c === sel.col;
      rowCells.push(
        <td
          key={c}
          data-cell={addressOf({ top: r, left: c, bottom: r, right: c })}
          className={`c ${d.kind}${selected ? " sel" : ""}${spilled ? " spill" : ""}`}
          style={style}
          title={d.title}
          onMouseDown={() => {
            setSel({ row: r, col: c });
            setDraft(null);
          }}
          onDoubleClick={() => {
            setDraft(bar.spillFrom ? "" : String(book.formulaBar(sheet, r, c).text));
            inputRef.current?.focus();
          }}
        >
          {d.text}
        </td>,
      );
    }
    const sticky: CSSProperties | undefined = r < frozen ? { position: "sticky", top: HEADER_HEIGHT + r * ROW_HEIGHT, zIndex: 2 } : undefined;
    cells.push(
      <tr key={r} style={sticky} className={r < frozen ? "frozen" : undefined}>
        <th className="rh">{r + 1}</th>
        {rowCells}
      </tr>,
    );
  }

  return (
    <div className="wb">
      <div className="fbar">
        <span className="addr" data-testid="cell-address">
          {selectedAddress}
        </span>
        <span className="fx">fx</span>
        <input
          ref={inputRef}
          aria-label="Formula bar"
          className="formula"
          value={draft ?? (bar.spillFrom ? `${bar.text}` : bar.text)}
          placeholder={bar.spillFrom ? "" : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onFocus={() => setDraft((d) => d ?? (bar.spillFrom ? "" : bar.text))}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              commit(draft ?? bar.text, 1);
            } else if (e.key === "Escape") {
              e.preventDefault();
              setDraft(null);
              gridRef.current?.focus();
            }
          }}
          readOnly={bar.spillFrom !== null && draft === null}
        />
        {bar.spillFrom ? (
          <span className="spillnote" data-testid="spill-note">
            spilled from {bar.spillFrom}
          </span>
        ) : null}
      </div>
      {error ? (
        <div className="editerror" role="alert">
          {error}
        </div>
      ) : null}
      <div className="grid" ref={gridRef} tabIndex={0} onKeyDown={onGridKey} aria-label={`Sheet ${sheet.name}`} data-testid="grid">
        <table style={{ position: "relative" }}>
          <thead>
            <tr>
              <th className="corner" />
              {widths.map((w, c) => (
                <th key={c} className="ch" style={{ width: w, minWidth: w, maxWidth: w }}>
                  {PreviewWorkbook.columnName(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{cells}</tbody>
        </table>
        {charts.map((chart) => (
          <ChartView key={chart.id} book={book} chart={chart} sheet={sheet} left={chart.from ? colLeft(boxOf(chart.from).left) : colLeft(cols)} top={HEADER_HEIGHT + (chart.from ? boxOf(chart.from).top : 0) * ROW_HEIGHT} widthTo={chart.to ? colLeft(boxOf(chart.to).left + 1) : undefined} heightRows={chart.to && chart.from ? boxOf(chart.to).top - boxOf(chart.from).top + 1 : 18} />
        ))}
      </div>
      <div className="tabs" role="tablist" aria-label="Sheets">
        {book.sheets.map((s) => (
          <button
            key={s.id}
            role="tab"
            aria-selected={s.id === sheet.id}
            className={s.id === sheet.id ? "tab active" : "tab"}
            style={s.tabColor ? { borderBottomColor: s.tabColor } : undefined}
            onClick={() => {
              setSheetId(s.id);
              setSel({ row: 0, col: 0 });
              setDraft(null);
            }}
          >
            {s.name}
          </button>
        ))}
      </div>
    </div>
  );
}

/** Fills meant for a white sheet, toned down on a dark one. */
function darken(color: string): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!m) return color;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16));
  const light = (r + g + b) / 3 > 160;
  return light ? `rgba(${r}, ${g}, ${b}, 0.18)` : color;
}

interface ChartViewProps {
  book: PreviewWorkbook;
  chart: ChartMeta;
  sheet: SheetMeta;
  left: number;
  top: number;
  widthTo?: number;
  heightRows: number;
}

const SERIES_COLORS = ["#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47"];

/**
 * A chart from its source range (first row: series names; first column: categories, shown in their cells'
 * number formats): "Line" types as lines in row order, others as horizontal bars (largest on top when the
 * category axis is reversed, as AIFIN sets it).
 */
function ChartView({ book, chart, sheet, left, top, widthTo, heightRows }: ChartViewProps): ReactElement {
  const bang = chart.source.lastIndexOf("!");
  const srcSheet = bang > 0 ? (book.sheetByName(chart.source.slice(0, bang).replace(/^'|'$/g, "")) ?? sheet) : sheet;
  const box = boxOf(bang > 0 ? chart.source.slice(bang + 1) : chart.source);
  const values = book.readValues(srcSheet, box);
  const series = values[0].slice(1).map((name, i) => ({ name: String(name), color: SERIES_COLORS[i % SERIES_COLORS.length] }));
  const catFormat = book.format(srcSheet, box.top + 1, box.left).numberFormat ?? "General";
  const label = (v: unknown): string => (typeof v === "number" ? formatNumber(v, catFormat) : String(v));
  const cats = values.slice(1).filter((r) => String(r[0]) !== "");
  if (/line/i.test(chart.type)) return <LineChart chart={chart} series={series} cats={cats} label={label} left={left} top={top} width={Math.max(360, (widthTo ?? left + 520) - left)} height={Math.max(220, heightRows * ROW_HEIGHT)} />;
  const width = Math.max(320, (widthTo ?? left + 480) - left);
  const height = Math.max(200, heightRows * ROW_HEIGHT);
  const labelW = 120;
  const plotTop = 34;
  const legendH = chart.legendPosition === "None" ? 0 : 22;
  const plotH = height - plotTop - legendH - 8;
  const nums = cats.flatMap((r) => r.slice(1).map((v) => (typeof v === "number" ? v : 0)));
  const max = Math.max(1e-9, ...nums);
  const band = plotH / Math.max(1, cats.length);
  const barH = Math.max(2, (band * 0.7) / Math.max(1, series.length));
  const order = chart.reversePlotOrder ? cats : [...cats].reverse();
  return (
    <svg className="chart" data-testid={`chart-${chart.name}`} role="img" aria-label={chart.title || chart.name} style={{ position: "absolute", left, top }} width={width} height={height}>
      <rect x={0} y={0} width={width} height={height} className="chartbg" />
      <text x={width / 2} y={20} textAnchor="middle" className="charttitle">
        {chart.title}
      </text>
      {order.map((r, i) => (
        <g key={i} transform={`translate(0, ${plotTop + i * band})`}>
          <text x={labelW - 6} y={band / 2 + 4} textAnchor="end" className="chartlabel">
            {label(r[0]).slice(0, 18)}
          </text>
          {series.map((s, j) => {
            const v = typeof r[j + 1] === "number" ? (r[j + 1] as number) : 0;
            const w = Math.max(0, (v / max) * (width - labelW - 16));
            return <rect key={j} x={labelW} y={band * 0.15 + j * barH} width={w} height={barH} fill={s.color} />;
          })}
        </g>
      ))}
      {legendH > 0
        ? series.map((s, j) => (
            <g key={j} transform={`translate(${labelW + j * 200}, ${height - legendH})`}>
              <rect width={10} height={10} y={2} fill={s.color} />
              <text x={14} y={11} className="chartlabel">
                {s.name.slice(0, 30)}
              </text>
            </g>
          ))
        : null}
    </svg>
  );
}

interface LineChartProps {
  chart: ChartMeta;
  series: Array<{ name: string; color: string }>;
  cats: unknown[][];
  label: (v: unknown) => string;
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Series as lines over the categories in row order, with the first and last category labelled. */
function LineChart({ chart, series, cats, label, left, top, width, height }: LineChartProps): ReactElement {
  const pad = { l: 48, r: 16, t: 34, b: 44 };
  const nums = cats.flatMap((r) => r.slice(1).filter((v): v is number => typeof v === "number"));
  const max = Math.max(1e-9, ...nums);
  const min = Math.min(0, ...nums);
  const x = (i: number) => pad.l + (cats.length <= 1 ? 0 : (i / (cats.length - 1)) * (width - pad.l - pad.r));
  const y = (v: number) => pad.t + (1 - (v - min) / (max - min || 1)) * (height - pad.t - pad.b);
  return (
    <svg className="chart" data-testid={`chart-${chart.name}`} role="img" aria-label={chart.title || chart.name} style={{ position: "absolute", left, top }} width={width} height={height}>
      <rect x={0} y={0} width={width} height={height} className="chartbg" />
      <text x={width / 2} y={20} textAnchor="middle" className="charttitle">
        {chart.title}
      </text>
      <line x1={pad.l} x2={width - pad.r} y1={y(0)} y2={y(0)} stroke="currentColor" strokeOpacity={0.3} />
      <text x={pad.l - 4} y={y(max) + 4} textAnchor="end" className="chartlabel">
        {formatNumber(max, "#,##0")}
      </text>
      <text x={pad.l - 4} y={y(0) + 4} textAnchor="end" className="chartlabel">
        0
      </text>
      {series.map((s, j) => (
        <polyline
          key={j}
          fill="none"
          stroke={s.color}
          strokeWidth={2}
          points={cats.map((r, i) => `${x(i)},${y(typeof r[j + 1] === "number" ? (r[j + 1] as number) : 0)}`).join(" ")}
        />
      ))}
      {cats.length > 0 ? (
        <>
          <text x={x(0)} y={height - pad.b + 14} className="chartlabel">
            {label(cats[0][0])}
          </text>
          <text x={x(cats.length - 1)} y={height - pad.b + 14} textAnchor="end" className="chartlabel">
            {label(cats[cats.length - 1][0])}
          </text>
        </>
      ) : null}
      {series.map((s, j) => (
        <g key={j} transform={`translate(${pad.l + j * 140}, ${height - 18})`}>
          <rect width={10} height={10} y={2} fill={s.color} />
          <text x={14} y={11} className="chartlabel">
            {s.name.slice(0, 20)}
          </text>
        </g>
      ))}
    </svg>
  );
}
