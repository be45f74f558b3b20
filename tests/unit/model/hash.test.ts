/** The content hashes: FNV-1a 64 (model handles) and FNV-1a 32 (refresh baselines). */
import { fnv1a32Feed, fnv1a64, Fnv1a64, FNV1A32_OFFSET_BASIS } from "../../../src/model";

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
