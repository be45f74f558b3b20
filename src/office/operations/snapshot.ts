/**
 * The first round trips of every operation: sheet ids and names, table names and AIFIN's ownership
 * record (1), then the record's XML and every sheet's proof name (2, only when there is a record). Ownership is decided here, once:
 * a sheet belongs to a build only when it carries the build's proof (see ownershipRecord.ts), so the
 * record handed on lists only proven sheets, with ids corrected when Excel renumbered them.
 */
import {
  emptyOwnershipRecord,
  OWNERSHIP_NAMESPACE,
  ownershipRecordFromXml,
  parseProof,
  PROOF_NAME,
  type OwnershipRecord,
} from "../ownershipRecord";
import type { Session } from "../session";
import { SHEET_ROLES, TABLE_ROLES, type TableRole } from "../sheetRoles";
import type { BuildRecord } from "../ownershipRecord";

/** What the first two round trips learn. */
export interface Snapshot {
  sheets: Array<{ id: string; name: string }>;
  tables: string[];
  /** The record with only proven sheets in it. */
  record: OwnershipRecord;
  /** The readable record part (or the unreadable one when none is readable); null when there is none. */
  part: Excel.CustomXmlPart | null;
  /** Its XML as read (the before-image a failed write restores). */
  partXml: string | null;
  /** Ids of every record part present (a failed write's new part is the one not among them). */
  partIds: string[];
  /** false when a record part exists but could not be read: nothing is then treated as owned. */
  recordReadable: boolean;
  /** Proven sheets whose build's record does not list their id (the build stopped before recording it, or Excel renumbered it). */
  unrecorded: Set<string>;
}

/**
 * The table roles of `build` whose sheet is left from a build that never completed: the sheet is proven AIFIN's
 * but the record lists neither its id nor a single row hash for its table, and the table does not exist. Only a
 * build whose write failed, and whose restore failed too, before the record in full leaves that (see build.ts):
 * a table the analyst renamed or converted has row hashes in the record (it was written after them).
 */
export function unfinishedTables(build: BuildRecord, snap: Pick<Snapshot, "tables" | "unrecorded">): TableRole[] {
  const tables = new Set(snap.tables.map((t) => t.toLowerCase()));
  return TABLE_ROLES.filter((r) => {
    const id = build.sheets[r];
    return !!id && snap.unrecorded.has(id) && Object.keys(build.baseline.hashes[r] ?? {}).length === 0 && !tables.has(build.tables[r].toLowerCase());
  });
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

  // Round trip 2: the record and every sheet's proof (skipped without a record: then nothing is owned).
  const xmls = parts.items.map((p) => ({ p, xml: p.getXml() }));
  const names =
    xmls.length === 0
      ? []
      : sheets.items.map((w) => {
          const n = wb.worksheets.getItem(w.id).names;
          n.load("items/name,items/comment");
          return { id: w.id, names: n };
        });
  if (xmls.length > 0) await s.sync();

  let part: Excel.CustomXmlPart | null = null;
  let partXml: string | null = null;
  let record = emptyOwnershipRecord();
  let recordReadable = true;
  if (xmls.length > 0) {
    // Normally one part; if an unreadable one was left behind, a readable one added later still counts.
    const readable = xmls.map(({ p, xml }) => ({ p, xml: xml.value, parsed: ownershipRecordFromXml(xml.value) })).find((x) => x.parsed !== null);
    recordReadable = readable !== undefined;
    part = readable ? readable.p : xmls[0].p;
    partXml = readable ? readable.xml : null;
    record = readable?.parsed ?? emptyOwnershipRecord();
  }

  // Proofs: token → role → sheet ids carrying it.
  const proven = new Map<string, Map<string, string[]>>();
  for (const { id, names: n } of names) {
    for (const item of n.items) {
      if (item.name !== PROOF_NAME) continue;
      const proof = parseProof(item.comment);
      if (!proof) continue;
      const roles = proven.get(proof.token) ?? new Map<string, string[]>();
      roles.set(proof.role, [...(roles.get(proof.role) ?? []), id]);
      proven.set(proof.token, roles);
    }
  }
  const unrecorded = new Set<string>();
  for (const build of record.builds) {
    const roles = build.token ? proven.get(build.token) : undefined;
    const sheetsOf: typeof build.sheets = {};
    for (const role of SHEET_ROLES) {
      const candidates = roles?.get(role) ?? [];
      // The recorded id when it carries the proof; else the one sheet that does (Excel renumbered it, or the
      // build stopped before recording it). Two copies of one proof and no recorded id: neither is trusted.
      const id = candidates.includes(build.sheets[role] ?? "") ? build.sheets[role] : candidates.length === 1 ? candidates[0] : undefined;
      if (id) sheetsOf[role] = id;
      if (id && id !== build.sheets[role]) unrecorded.add(id);
    }
    build.sheets = sheetsOf;
  }
  return {
    sheets: sheets.items.map((w) => ({ id: w.id, name: w.name })),
    tables: tables.items.map((t) => t.name),
    record,
    part,
    partXml,
    partIds: parts.items.map((p) => p.id),
    recordReadable,
    unrecorded,
  };
}
