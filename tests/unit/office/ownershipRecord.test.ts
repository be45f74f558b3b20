/**
 * The ownership record's stored form: row hashes in 11 base64url digits (64 bits), read back to the 16 hex
 * digits rowHash gives; records written before, with hex hashes, read exactly as they did.
 */
import fc from "fast-check";
import { hexHash, ownershipRecordFromXml, ownershipRecordToXml, storedHash, type OwnershipRecord } from "../../../src/office/ownershipRecord";
import { rowHash } from "../../../src/office/refreshMerge";

const record = (hashes: Record<string, string>): OwnershipRecord => ({
  version: 1,
  builds: [
    {
      key: 1,
      token: "abcdefgh12345678",
      sheets: { facts: "{1}" },
      tables: { facts: "AIFIN_Facts", entities: "AIFIN_Entities" },
      datasetVersion: "r6",
      options: { entity: "MSFT", asOf: "2026-10-08", includeRumoured: false },
      baseline: { columns: { facts: ["id", "amount_usd_bn"], entities: ["id"] }, hashes: { facts: hashes, entities: {} } },
    },
  ],
});

describe("stored row hashes", () => {
  it("writes 64 bits in 11 base64url digits, worked by hand", () => {
    // 0x0000000000000000 → eleven zero digits; 0xffffffffffffffff → ten '_' (63) and a last digit of 1111 00 = 60 ('8').
    expect(storedHash("0000000000000000")).toBe("AAAAAAAAAAA");
    expect(storedHash("ffffffffffffffff")).toBe("__________8");
    // 0x0400000000000001: first six bits 000001 → 'B'; the last four bits 0001 padded to 000100 = 4 → 'E'.
    expect(storedHash("0400000000000001")).toBe("BAAAAAAAAAE");
    expect(hexHash("BAAAAAAAAAE")).toBe("0400000000000001");
  });

  it("reads back every hash it stores", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 16, maxLength: 16 }), (nibbles) => {
        const hex = nibbles.map((n) => n.toString(16)).join("");
        const stored = storedHash(hex);
        expect(stored).toMatch(/^[A-Za-z0-9_-]{11}$/);
        expect(hexHash(stored)).toBe(hex);
      }),
    );
  });

  it("round-trips a record, and reads a record with hex hashes (written before) unchanged", () => {
    const h = rowHash(["id", "amount_usd_bn"], ["id", "amount_usd_bn"], ["C002", 50]);
    const r = record({ C002: h, C003: "0123456789abcdef" });
    const xml = ownershipRecordToXml(r);
    expect(xml).not.toContain(h);
    expect(ownershipRecordFromXml(xml)).toEqual(r);
    const before = `<aifin xmlns="urn:aifin:workbook:1" version="1">${JSON.stringify(r)}</aifin>`;
    expect(before).toContain(h);
    expect(ownershipRecordFromXml(before)).toEqual(r);
  });

  it("keeps a value that is not a hash as it is (it never matches a row: the row stays the analyst's)", () => {
    const r = record({ X1: "not-a-hash" });
    expect(ownershipRecordFromXml(ownershipRecordToXml(r))).toEqual(r);
  });

  it("makes a 30,000-row record about 150 KB smaller as Excel receives it", () => {
    const hashes: Record<string, string> = {};
    for (let i = 0; i < 30_000; i++) hashes[`C${i}`] = rowHash(["id"], ["id"], [`C${i}`]);
    const stored = ownershipRecordToXml(record(hashes)).length;
    const hex = `<aifin xmlns="urn:aifin:workbook:1" version="1">${JSON.stringify(record(hashes))}</aifin>`.length;
    expect(hex - stored).toBe(30_000 * 5);
  });
});
