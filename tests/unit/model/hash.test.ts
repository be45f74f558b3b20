/** The content hashes: FNV-1a 64 (model handles) and FNV-1a 32 (refresh baselines). */
import fc from "fast-check";
import { CellHash64, fnv1a32Feed, fnv1a64, Fnv1a64, FNV1A32_OFFSET_BASIS, type CellDigest } from "../../../src/model";

describe("fnv1a64", () => {
  // Test vectors published with the FNV reference code (Noll, "FNV hash", test_fnv.c: FNV-1a 64-bit).
  it.each([
    ["", "cbf29ce484222325"],
    ["a", "af63dc4c8601ec8c"],
    ["foobar", "85944171f73967e8"],
  ])("hashes %j to %s", (text, hex) => {
    expect(fnv1a64(text)).toBe(hex);
  });

  it("hashes the UTF-8 bytes, so Chinese text differs from its code units", () => {
    expect(fnv1a64("微軟")).toMatch(/^[0-9a-f]{16}$/);
    expect(fnv1a64("微軟")).not.toBe(fnv1a64("微软"));
  });
});

describe("fnv1a32Feed", () => {
  // Test vectors published with the FNV reference code (test_fnv.c: FNV-1a 32-bit).
  it.each([
    ["", "811c9dc5"],
    ["a", "e40c292c"],
    ["foobar", "bf9cf968"],
  ])("hashes %j to %s", (text, hex) => {
    expect((fnv1a32Feed(FNV1A32_OFFSET_BASIS, text) >>> 0).toString(16).padStart(8, "0")).toBe(hex);
  });

  it("feeding pieces equals feeding their concatenation", () => {
    expect(fnv1a32Feed(fnv1a32Feed(FNV1A32_OFFSET_BASIS, "foo"), "bar")).toBe(fnv1a32Feed(FNV1A32_OFFSET_BASIS, "foobar"));
  });
});

/** FNV-1a 64 written the obvious way (BigInt over TextEncoder bytes), to check the limb arithmetic. */
function referenceFnv(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (const b of new TextEncoder().encode(text)) h = ((h ^ BigInt(b)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return h.toString(16).padStart(16, "0");
}

describe("Fnv1a64 (incremental)", () => {
  it.each(["AIFIN.MODEL", "微軟 OpenAI", "emoji 😀 pair", "lone \ud800 surrogate", "x".repeat(5000)])("agrees with a BigInt reference on %j", (text) => {
    expect(fnv1a64(text)).toBe(referenceFnv(text));
  });

  it("hashes pieces as their concatenation", () => {
    expect(new Fnv1a64().update("微").update("軟 and ").update("ASCII").digest()).toBe(referenceFnv("微軟 and ASCII"));
  });
});

describe("CellHash64 (AIFIN.MODEL's row digests)", () => {
  const digestOf = (cells: (string | number | boolean | null)[]): string => {
    const h = new CellHash64();
    for (const c of cells) h.cell(c);
    return h.hex();
  };

  it("gives 16 hex digits and the same digest for the same cells", () => {
    expect(digestOf(["C001", 12.5, true, null])).toMatch(/^[0-9a-f]{16}$/);
    expect(digestOf(["C001", 12.5, true, null])).toBe(digestOf(["C001", 12.5, true, null]));
  });

  it("tells apart cells that print alike, cell boundaries and odd from even lengths", () => {
    const distinct = [
      ["1"], [1], [true], ["true"], [null], [""], [false], [0],
      ["ab", "c"], ["a", "bc"], ["abc"], ["a", "b", "c"],
      ["a"], ["a\u0000"], ["\u0000a"], ["微軟"], ["微软"],
    ] as (string | number | boolean | null)[][];
    const digests = distinct.map(digestOf);
    expect(new Set(digests).size).toBe(distinct.length);
  });

  it("reads -0 as 0 (a cell showing 0 is the same content)", () => {
    expect(digestOf([-0])).toBe(digestOf([0]));
    expect(digestOf([1e-300])).not.toBe(digestOf([0]));
  });

  it("changes when any one character of any cell changes (each step is a bijection of the state)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 40 }), { minLength: 1, maxLength: 6 }),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 0xffff }),
        (cells, whichCell, whichChar, delta) => {
          const k = whichCell % cells.length;
          if (cells[k].length === 0) return;
          const i = whichChar % cells[k].length;
          const changed = String.fromCharCode((cells[k].charCodeAt(i) + delta) % 0x10000);
          const edited = [...cells];
          edited[k] = cells[k].slice(0, i) + changed + cells[k].slice(i + 1);
          if (edited[k] === cells[k]) return;
          expect(digestOf(edited)).not.toBe(digestOf(cells));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("changes when one folded digest changes, wherever it sits", () => {
    const rows = Array.from({ length: 50 }, (_, i) => new CellHash64().cell(`row ${i}`).result());
    const fold = (list: readonly CellDigest[]): string => {
      const h = new CellHash64();
      for (const d of list) h.digest(d);
      return h.hex();
    };
    const base = fold(rows);
    for (let k = 0; k < rows.length; k++) {
      const edited = [...rows];
      edited[k] = new CellHash64().cell(`row ${k} edited`).result();
      expect(fold(edited)).not.toBe(base);
    }
  });
});

describe("CellHash64.cells", () => {
  // A normal form written out here: empty texts and undefined are empty, -0 is 0, other values as they are.
  const normal = (v: unknown): string | number | boolean | null =>
    v === undefined || v === null || v === "" ? null : typeof v === "number" ? (v === 0 ? 0 : v) : typeof v === "object" ? "#N/A" : (v as string | boolean);

  it("feeds a row as feeding each cell's normal form one by one (property)", () => {
    const value = fc.oneof(
      fc.string({ maxLength: 9 }),
      fc.string({ unit: "binary", maxLength: 5 }),
      fc.double(),
      fc.constantFrom(0, -0, Number.NaN, "", null, undefined, true, false, { code: "#N/A" }),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 12 }), (row) => {
        const one = new CellHash64();
        for (const v of row) one.cell(normal(v));
        expect(new CellHash64().cells(row, normal).hex()).toBe(one.hex());
      }),
      { numRuns: 2000 },
    );
  });

  it("starts again from the seed after reset, so one hasher can digest many rows", () => {
    const h = new CellHash64().cells(["a", 1], normal);
    expect(h.reset().cells(["b", null], normal).hex()).toBe(new CellHash64().cells(["b", null], normal).hex());
    // high / low are the same bits as result(), signed.
    expect({ hi: h.high() >>> 0, lo: h.low() >>> 0 }).toEqual(h.result());
  });
});
