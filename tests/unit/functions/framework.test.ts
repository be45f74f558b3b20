/** The pieces under every function: the content hash, Excel dates, the error mapping and the adapter. */
import { fnv1a64, Fnv1a64 } from "../../../src/functions/hash";
import { invoke } from "../../../src/functions/invoke";
import { createModelCache } from "../../../src/functions/modelCache";
import { excelSerialToIso, isoToExcelSerial, parseIsoDate } from "../../../src/functions/excelDate";
import { fromEngineError, FormulaError, isFormulaError, messages } from "../../../src/functions/errors";
import { engineError } from "../../../src/engine/result";

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

describe("excelSerialToIso", () => {
  it("returns null for serial 60, the 29 February 1900 that never existed", () => {
    expect(excelSerialToIso(60)).toBeNull();
  });

  it("returns null outside Excel's range and for non-numbers", () => {
    expect(excelSerialToIso(0)).toBeNull();
    expect(excelSerialToIso(2958466)).toBeNull();
    expect(excelSerialToIso(Number.NaN)).toBeNull();
  });

  it.each([
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [45658, "2025-01-01"],
    [46058, "2026-02-05"],
    [2958465, "9999-12-31"],
  ])("converts serial %d to %s (Excel's DATEVALUE table)", (serial, iso) => {
    expect(excelSerialToIso(serial)).toBe(iso);
  });

  it("drops the time of day", () => {
    expect(excelSerialToIso(46058.75)).toBe("2026-02-05");
  });

  it("round-trips with isoToExcelSerial on both sides of the phantom leap day", () => {
    for (const serial of [1, 58, 59, 61, 62, 366, 45658, 46080]) expect(isoToExcelSerial(excelSerialToIso(serial) as string)).toBe(serial);
  });
});

describe("parseIsoDate", () => {
  it("rejects days that do not exist and loose formats", () => {
    expect(parseIsoDate("2026-02-30")).toBeNull();
    expect(parseIsoDate("2026-2-5")).toBeNull();
    expect(parseIsoDate("05/02/2026")).toBeNull();
    expect(parseIsoDate("2024-02-29")).not.toBeNull();
  });
});

describe("engine errors to Excel errors", () => {
  it.each([
    ["DIV_ZERO", "#DIV/0!"],
    ["NOT_AVAILABLE", "#N/A"],
    ["INVALID_INPUT", "#VALUE!"],
    ["NOT_CONVERGENT", "#NUM!"],
  ] as const)("maps %s to %s and keeps the message", (code, excel) => {
    const mapped = fromEngineError(engineError(code, "why"));
    expect(mapped).toBeInstanceOf(FormulaError);
    expect(mapped.code).toBe(excel);
    expect(mapped.message).toBe("why");
  });

  it("suggests at most three entities for an unknown name", () => {
    expect(messages.unknownEntity("MSTF", ["MSFT"])).toBe('Unknown entity "MSTF": did you mean MSFT?');
    expect(messages.unknownEntity("X", ["A", "B", "C", "D"])).toBe('Unknown entity "X": did you mean A, B or C?');
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

describe("the one adapter (invoke)", () => {
  it("never lets an exception escape: an internal failure becomes #VALUE! with the cause", () => {
    const broken = createModelCache({
      bundledModel: () => {
        throw new Error("index corrupted");
      },
    });
    const outcome = invoke("FUNDING", ["NVDA", "OPENAI"], broken);
    expect(isFormulaError(outcome) && [outcome.code, outcome.message]).toEqual([
      "#VALUE!",
      "AIFIN.FUNDING: internal error (index corrupted). Please report it with the formula.",
    ]);
  });

  it("coerces what Excel may pass: numeric text, 1/0 and TRUE/FALSE text for booleans, 1×1 arrays", () => {
    expect(invoke("CYCLES", ["NVDA", "2"])).toEqual(invoke("CYCLES", ["NVDA", 2]));
    expect(invoke("MODEL", [null, null, 1])).toBe(invoke("MODEL", [null, null, true]));
    expect(invoke("MODEL", [null, null, "TRUE"])).toBe(invoke("MODEL", [null, null, true]));
    expect(invoke("MODEL", [null, null, 0])).toBe(invoke("MODEL", [null, null, false]));
    expect(invoke("FUNDING", [[["NVDA"]], "OPENAI"])).toBe(invoke("FUNDING", ["NVDA", "OPENAI"]));
  });
});
