/**
 * AIFIN's ownership record, kept in the workbook as one custom XML part (ExcelApi 1.5) in AIFIN's own
 * namespace. It lists, per build, the worksheet ids AIFIN created (ids survive renames and moves; a sheet
 * the analyst creates with the same name has another id), the tables it named, and the baseline hash of
 * every row it wrote, so "Refresh data" can tell edited rows from untouched ones. The part is invisible in
 * the grid and travels with the file; a sheet copied into another workbook loses its ownership, which is
 * the safe direction (AIFIN will then never write to it).
 */
import type { EntityId } from "../model";
import type { SheetRole, TableRole } from "./templateSpec";

/** Namespace of the custom XML part. */
export const OWNERSHIP_NAMESPACE = "urn:aifin:workbook:1";

/**
 * The sheet-local half of the proof: a worksheet-scoped defined name (ExcelApi 1.4) whose comment names
 * the build's random token and the sheet's role. A sheet is AIFIN's only when it carries this name AND
 * the record in the same workbook has a build with that token: a forged or stale record naming an
 * unrelated sheet's id proves nothing (that sheet has no name), a copied sheet in another workbook proves
 * nothing (that workbook's record has another token), and a sheet whose id Excel changed is found again
 * by its name.
 */
export const PROOF_NAME = "AIFIN_OWNER";

/** The proof comment for one role of one build. */
export function proofComment(token: string, role: SheetRole): string {
  return `aifin:${token}:${role}`;
}

/** Reads a proof comment back; null when it is not one. */
export function parseProof(comment: unknown): { token: string; role: string } | null {
  const m = typeof comment === "string" ? /^aifin:([A-Za-z0-9]{8,64}):([a-z]+)$/.exec(comment) : null;
  return m ? { token: m[1], role: m[2] } : null;
}

/** One set of sheets written by one build ("AIFIN Facts" ... or "AIFIN Facts (2)" ...). */
export interface BuildRecord {
  /** 1 for the base names, k for the names suffixed " (k)". */
  key: number;
  /** The random token the build's sheets carry in their proof name; builds without one own nothing. */
  token?: string;
  /** Per formulas sheet, the rectangle (A1) AIFIN wrote last time: an update clears nothing outside it. */
  written?: Partial<Record<SheetRole, string>>;
  /** Worksheet id per role. */
  sheets: Partial<Record<SheetRole, string>>;
  /** Table name per role. */
  tables: Record<TableRole, string>;
  datasetVersion: string;
  options: { entity: EntityId; asOf: string; includeRumoured: boolean };
  /** Columns the hashes were computed over, and id → hash per table. */
  baseline: { columns: Record<TableRole, string[]>; hashes: Record<TableRole, Record<string, string>> };
}

/** The whole record. */
export interface OwnershipRecord {
  version: 1;
  builds: BuildRecord[];
}

/** A record with no builds. */
export function emptyOwnershipRecord(): OwnershipRecord {
  return { version: 1, builds: [] };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, "&");
}

/** Serialises the record as the XML of the custom part (JSON inside one element). */
/** The 64 digits of the stored hashes (base64url: no character JSON or XML escapes). */
const DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const HEX_HASH = /^[0-9a-f]{16}$/;
const STORED_HASH = /^[A-Za-z0-9_-]{11}$/;

/**
 * A row hash as stored: its 64 bits in 11 base64url digits instead of 16 hex digits. At 100× the bundled
 * facts the record holds 30,000 of them, and every request that carries it (a build's last piece) is
 * counted against Excel on the web's 5 MB limit: 150 KB less each time. Anything else is kept as it is.
 */
export function storedHash(hex: string): string {
  if (!HEX_HASH.test(hex)) return hex;
  let out = "";
  // 64 bits, most significant first, in 6-bit digits: 10 full digits, then the last 4 bits shifted up.
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < 16; i++) {
    acc = (acc << 4) | parseInt(hex[i], 16);
    bits += 4;
    if (bits >= 6) {
      bits -= 6;
      out += DIGITS[(acc >> bits) & 63];
    }
  }
  return out + DIGITS[(acc << (6 - bits)) & 63];
}

/** A stored row hash back to the 16 hex digits `rowHash` gives (records written before keep hex: kept as is). */
export function hexHash(stored: string): string {
  if (!STORED_HASH.test(stored)) return stored;
  let out = "";
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < 11; i++) {
    acc = ((acc << 6) | DIGITS.indexOf(stored[i])) & 0x3ff;
    bits += 6;
    while (bits >= 4 && out.length < 16) {
      bits -= 4;
      out += ((acc >> bits) & 15).toString(16);
    }
  }
  return out;
}

function mapHashes(builds: readonly BuildRecord[], f: (hash: string) => string): BuildRecord[] {
  return builds.map((b) => {
    const hashes = {} as Record<TableRole, Record<string, string>>;
    for (const [role, table] of Object.entries(b.baseline.hashes) as [TableRole, Record<string, string>][]) {
      const out: Record<string, string> = {};
      for (const id of Object.keys(table)) out[id] = typeof table[id] === "string" ? f(table[id]) : table[id];
      hashes[role] = out;
    }
    return { ...b, baseline: { ...b.baseline, hashes } };
  });
}

export function ownershipRecordToXml(record: OwnershipRecord): string {
  const stored = { ...record, builds: mapHashes(record.builds, storedHash) };
  return `<aifin xmlns="${OWNERSHIP_NAMESPACE}" version="1">${escapeXml(JSON.stringify(stored))}</aifin>`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isBuild(value: unknown): value is BuildRecord {
  if (!isRecord(value)) return false;
  const b = value;
  return (
    typeof b.key === "number" &&
    isRecord(b.sheets) &&
    isRecord(b.tables) &&
    typeof (b.tables as Record<string, unknown>).facts === "string" &&
    typeof (b.tables as Record<string, unknown>).entities === "string" &&
    isRecord(b.baseline) &&
    isRecord((b.baseline as Record<string, unknown>).hashes) &&
    isRecord((b.baseline as Record<string, unknown>).columns)
  );
}

/**
 * Reads the record back from the part's XML (Excel may add a declaration or a namespace prefix).
 * Returns null when the XML is not a record AIFIN can read, so the caller treats nothing as owned.
 */
export function ownershipRecordFromXml(xml: string): OwnershipRecord | null {
  const m = /<(?:[\w.-]+:)?aifin\b[^>]*>([\s\S]*)<\/(?:[\w.-]+:)?aifin>/.exec(xml);
  if (!m) return null;
  try {
    const parsed: unknown = JSON.parse(unescapeXml(m[1]));
    if (!isRecord(parsed) || parsed.version !== 1 || !Array.isArray(parsed.builds)) return null;
    return { version: 1, builds: mapHashes(parsed.builds.filter(isBuild), hexHash) };
  } catch {
    return null;
  }
}

/** Worksheet id → the build and role that created it. */
export function ownedSheets(record: OwnershipRecord): Map<string, { build: BuildRecord; role: SheetRole }> {
  const owned = new Map<string, { build: BuildRecord; role: SheetRole }>();
  for (const build of record.builds) {
    for (const [role, id] of Object.entries(build.sheets)) {
      if (id) owned.set(id, { build, role: role as SheetRole });
    }
  }
  return owned;
}
