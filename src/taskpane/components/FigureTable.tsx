/**
 * A compact table of figures per company, as the Overview (counterparties) and Stress (losses) views show
 * it: a name column, right-aligned tabular numbers, an optional bold total row. Fixed layout so four
 * columns fit a 320 px pane; scrolls sideways rather than overflow when a font needs more.
 */
import { makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  wrap: { overflowX: "auto" },
  table: { tableLayout: "fixed", width: "100%" },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  total: { fontWeight: tokens.fontWeightSemibold },
});

/** One row: a name (with its full name as a tooltip) and the formatted figures. */
export interface FigureRow {
  key: string;
  name: string;
  title?: string;
  figures: string[];
}

/** Props of {@link FigureTable}. */
export interface FigureTableProps {
  /** Accessible name of the table. */
  label: string;
  /** Header of the name column, then one per figure column. */
  headers: [string, ...string[]];
  /** Width of the name column, e.g. "34%". */
  nameWidth: string;
  rows: FigureRow[];
  total?: { name: string; figures: string[] };
}

/** The table; rows and headers must have as many figures as there are figure headers. */
export function FigureTable({ label, headers, nameWidth, rows, total }: FigureTableProps) {
  const styles = useStyles();
  const [nameHeader, ...figureHeaders] = headers;
  return (
    <div className={styles.wrap}>
      <Table size="extra-small" className={styles.table} aria-label={label}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: nameWidth }}>{nameHeader}</TableHeaderCell>
            {figureHeaders.map((h) => (
              <TableHeaderCell key={h} className={styles.num}>{h}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.key}>
              <TableCell title={r.title}>{r.name}</TableCell>
              {r.figures.map((f, i) => (
                <TableCell key={figureHeaders[i]} className={styles.num}>{f}</TableCell>
              ))}
            </TableRow>
          ))}
          {total && (
            <TableRow className={styles.total}>
              <TableCell>{total.name}</TableCell>
              {total.figures.map((f, i) => (
                <TableCell key={figureHeaders[i]} className={styles.num}>{f}</TableCell>
              ))}
            </TableRow>
          )}
        </TableBody>
      </Table>
    </div>
  );
}
