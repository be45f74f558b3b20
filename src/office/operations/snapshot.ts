/**
 * The first round trips of every operation: sheet ids and names, table names, and AIFIN's ownership
 * record (round trip 2 is skipped when the workbook has no record).
 */
import { emptyOwnershipRecord, ownershipRecordFromXml, OWNERSHIP_NAMESPACE, type OwnershipRecord } from "../ownershipRecord";
import type { Session } from "../session";

/** What the first two round trips learn. */
export interface Snapshot {
  sheets: Array<{ id: string; name: string }>;
  tables: string[];
  record: OwnershipRecord;
  part: Excel.CustomXmlPart | null;
  /** false when a record part exists but could not be read: nothing is then treated as owned. */
  recordReadable: boolean;
}

export async function readSnapshot(s: Session): Promise<Snapshot> {
  const wb = s.context.workbook;
  const sheets = wb.worksheets;
  sheets.load("items/name,items/id");
  const tables = wb.tables;
  tables.load("items/name");
  const parts = wb.customXmlParts.getByNamespace(OWNERSHIP_NAMESPACE);
  parts.load("items/id");
  await s.sync();
  let part: Excel.CustomXmlPart | null = null;
  let record = emptyOwnershipRecord();
  let recordReadable = true;
  if (parts.items.length > 0) {
    // Normally one part; if an unreadable one was left behind, a readable one added later still counts.
    const xmls = parts.items.map((p) => ({ p, xml: p.getXml() }));
    await s.sync();
    const readable = xmls.map(({ p, xml }) => ({ p, parsed: ownershipRecordFromXml(xml.value) })).find((x) => x.parsed !== null);
    recordReadable = readable !== undefined;
    part = readable ? readable.p : parts.items[0];
    record = readable?.parsed ?? emptyOwnershipRecord();
  }
  return {
    sheets: sheets.items.map((w) => ({ id: w.id, name: w.name })),
    tables: tables.items.map((t) => t.name),
    record,
    part,
    recordReadable,
  };
}

/** Splits a table read as header + body. */
export function splitTable(formulas: unknown[][]): { header: unknown[]; rows: unknown[][] } {
  return { header: formulas[0] ?? [], rows: formulas.slice(1) };
}
