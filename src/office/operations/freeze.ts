/**
 * "Freeze to values": one new sheet holding the values of AIFIN's frozen roles (Exposure, Stress,
 * Cycles), no formulas. Round trips: 1 names · 2 record and proofs · 3 read the live sheets · 4 write → 4
 * (more when the copy is over the request budget: writeRows splits it).
 */
import { columnLetters, rangeAddress } from "../a1";
import { stopped } from "../hostErrors";
import { operate, Stop, type Session } from "../session";
import { FROZEN_ROLES } from "../sheetRoles";
import type { FreezeOutcome } from "../types";
import { POINTS_PER_CHARACTER, writable, writeRows } from "../excelWriter";
import { readSnapshot } from "./snapshot";
import type { OperationContext } from "./context";

export async function freeze(ctx: OperationContext): Promise<FreezeOutcome> {
  const { deps, features: f } = ctx;
  return operate<FreezeOutcome>(
    deps,
    "freeze",
    async (s: Session) => {
      const snap = await readSnapshot(s);
      const liveIds = new Set(snap.sheets.map((w) => w.id));
      const nameById = new Map(snap.sheets.map((w) => [w.id, w.name]));
      const build = [...snap.record.builds].sort((a, b) => a.key - b.key).find((b) => FROZEN_ROLES.some((r) => b.sheets[r] && liveIds.has(b.sheets[r] as string)));
      if (!build) throw new Stop(stopped("noWorkbook", "freeze"));
      const wb = s.context.workbook;
      const parts = FROZEN_ROLES.filter((r) => build.sheets[r] && liveIds.has(build.sheets[r] as string)).map((r) => {
        const id = build.sheets[r] as string;
        const used = wb.worksheets.getItem(id).getUsedRange();
        used.load("values,numberFormat,rowCount,columnCount");
        return { name: nameById.get(id) as string, used };
      });
      await s.sync();

      const taken = new Set(snap.sheets.map((w) => w.name.toLowerCase()));
      const base = `AIFIN Values ${deps.today()}`;
      let name = base;
      for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${base} (${k})`;
      s.writing = true;
      s.touches = [name];
      // A failed write leaves at most the new sheet: deleting it puts the workbook back as it was.
      s.restore = async (context) => {
        const sheets = context.workbook.worksheets.load("items/id,items/name");
        await context.sync();
        const ids = new Set(snap.sheets.map((w) => w.id));
        for (const sh of sheets.items) if (!ids.has(sh.id) && sh.name.toLowerCase() === name.toLowerCase()) context.workbook.worksheets.getItem(sh.id).delete();
        await context.sync();
        return { kind: "nothing" };
      };
      const sheet = wb.worksheets.add(name);
      const width = Math.max(1, ...parts.map((p) => p.used.columnCount));
      sheet.getRange("A1").values = [[`AIFIN values frozen on ${deps.today()}: a static copy of ${parts.map((p) => p.name).join(", ")}. No formulas, no links: safe to send.`]];
      sheet.getRange("A1").format.font.bold = true;
      let row = 3;
      for (const p of parts) {
        sheet.getRange(rangeAddress(row, 1, row, 1)).values = [[p.name]];
        sheet.getRange(rangeAddress(row, 1, row, 1)).format.font.bold = true;
        row++;
        // In pieces under the request limit, as every other write (a frozen Facts table can be large).
        await writeRows(s, sheet, row, 1, p.used.numberFormat as string[][], "numberFormat");
        // Values only: text that Excel would take for a formula (a result reading "=…") is written as text, so
        // writing the values through `formulas` stores exactly these values.
        const values = (p.used.values as unknown[][]).map((r) => r.map((v) => writable(typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : null)));
        await writeRows(s, sheet, row, 1, values, "formulas");
        row += p.used.rowCount + 1;
      }
      if (f.columnWidths) {
        // Fixed widths: autofit would stretch column A to the long title lines.
        const widths = [14, 34, ...Array<number>(Math.max(0, width - 2)).fill(16)];
        widths.forEach((chars, i) => {
          const col = columnLetters(i + 1);
          sheet.getRange(`${col}:${col}`).format.columnWidth = chars * POINTS_PER_CHARACTER;
        });
      }
      sheet.activate();
      await s.sync();
      return { kind: "frozen", sheet: name };
    },
    (error) => ({ kind: "error", error }),
  );
}
