/** The pieces under every function: the error mapping and the adapter (the content hash and Excel dates are tested in tests/unit/model). */
import { invoke } from "../../../src/functions/invoke";
import { createModelCache } from "../../../src/functions/modelCache";
import { fromEngineError, FormulaError, isFormulaError, messages } from "../../../src/functions/errors";
import { engineError } from "../../../src/engine/result";

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
