/**
 * Acceptance through a real formula engine: a MODEL built from a facts range in the workbook, formulas that
 * read it, and an edit to one amount. Only the cells that depend on the edited fact change; a second MODEL
 * over identical content returns the same handle without parsing again.
 */
import { createHarness, isCellError, type Harness } from "../../harness/formulaHarness";
import { bundledDataset, factsToRows, FACT_COLUMNS, getBundledModel } from "../../../src/model";
import { sharedModelCache } from "../../../src/functions/modelCache";
import { columnLetters } from "../../../src/office/a1";

const columnLetter = (index: number): string => columnLetters(index + 1);

const factRows = factsToRows(bundledDataset.facts);
const lastColumn = columnLetter(FACT_COLUMNS.length - 1);
const factsRange = `Facts!$A$1:$${lastColumn}$${factRows.length + 1}`;
const amountColumn = columnLetter(FACT_COLUMNS.indexOf("amount_usd_bn"));

/** The bundled fact that carries AMZN → OPENAI funding in the latest confirmed view (the one to edit). */
function amznOpenAiFundingFact() {
  const view = getBundledModel().view();
  const fact = view.facts.find((f) => f.from === "AMZN" && f.to === "OPENAI" && f.kind === "investment" && f.amountUsdBn !== null);
  if (!fact) throw new Error("the bundled model has no AMZN → OPENAI investment");
  return fact;
}

describe("formula harness: MODEL-backed workbook", () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness({
      Facts: [[...FACT_COLUMNS], ...factRows],
      Calc: [
        [`=AIFIN.MODEL(${factsRange})`, '=AIFIN.FUNDING("AMZN","OPENAI",,,A1)', '=AIFIN.CONTRACT_VALUE("OPENAI","ORCL",,A1)', '=AIFIN.FUNDING("AMZN","OPENAI")'],
        [`=AIFIN.MODEL(${factsRange})`, '=AIFIN.ROUND_TRIP_RATIO("AMZN","OPENAI",,A2)', '=AIFIN.MODEL_INFO("fact_count",A1)', null],
      ],
    });
  });
  afterEach(() => h.destroy());

  it("builds a handle from the range and reads the same figures as the bundled model", () => {
    expect(h.getValue("Calc", "A1")).toMatch(/^AIFIN\.MODEL#[0-9a-f]{16}$/);
    expect(h.getValue("Calc", "B1")).toBe(h.getValue("Calc", "D1"));
    expect(h.getValue("Calc", "C2")).toBe(bundledDataset.facts.length);
  });

  it("returns the same handle for a second MODEL on identical content without parsing again", () => {
    expect(h.getValue("Calc", "A2")).toBe(h.getValue("Calc", "A1"));
    const parses = sharedModelCache().stats.parses;
    h.setValue("Calc", "E1", `=AIFIN.MODEL(${factsRange})`);
    expect(h.getValue("Calc", "E1")).toBe(h.getValue("Calc", "A1"));
    expect(sharedModelCache().stats.parses).toBe(parses);
  });

  it("changes exactly the dependent results when one amount is edited", () => {
    const fact = amznOpenAiFundingFact();
    const row = bundledDataset.facts.findIndex((f) => f.id === fact.id) + 2;
    const before = {
      handle: h.getValue("Calc", "A1"),
      funding: h.getValue("Calc", "B1") as number,
      contract: h.getValue("Calc", "C1"),
      bundled: h.getValue("Calc", "D1"),
      ratio: h.getValue("Calc", "B2") as number,
    };
    const changes = h.hf.setCellContents({ sheet: h.hf.getSheetId("Facts") as number, row: row - 1, col: FACT_COLUMNS.indexOf("amount_usd_bn") }, [
      [(fact.amountUsdBn as number) + 10],
    ]);
    // F(AMZN→OPENAI) is a sum of fact amounts, so adding 10 to one in-force fact adds exactly 10.
    expect(h.getValue("Calc", "B1")).toBeCloseTo(before.funding + 10, 9);
    expect(h.getValue("Calc", "A1")).not.toBe(before.handle);
    expect(h.getValue("Calc", "A2")).toBe(h.getValue("Calc", "A1"));
    // The round trip divides the same contracts by the larger funding.
    expect(h.getValue("Calc", "B2")).toBeCloseTo((before.ratio * before.funding) / (before.funding + 10), 9);
    // Independent results keep their values: another pair on the same model, and the bundled model.
    expect(h.getValue("Calc", "C1")).toBe(before.contract);
    expect(h.getValue("Calc", "D1")).toBe(before.bundled);
    const changed = new Set(changes.map((c) => ("address" in c ? `${h.hf.getSheetName(c.address.sheet)}!${columnLetter(c.address.col)}${c.address.row + 1}` : "")));
    expect(changed).toEqual(new Set([`Facts!${amountColumn}${row}`, "Calc!A1", "Calc!B1", "Calc!A2", "Calc!B2"]));
  });

  it("answers a handle whose model is not in memory with #N/A and what to do, never a number", () => {
    const handle = h.getValue("Calc", "A1") as string;
    sharedModelCache().clear();
    h.setValue("Calc", "E2", `=AIFIN.FUNDING("AMZN","OPENAI",,,"${handle}")`);
    const value = h.getValue("Calc", "E2");
    expect(isCellError(value) && value.value).toBe("#N/A");
    expect(isCellError(value) && value.message).toMatch(/is not loaded in this session: recalculate the MODEL cell/);
  });
});

describe("formula harness: literals, blanks and spills", () => {
  it("treats TRUE as a literal and empty middle arguments as omitted", () => {
    const h = createHarness({ S: [["=AIFIN.MODEL(,,TRUE)", "=AIFIN.MODEL_INFO(\"basis\",A1)", "=AIFIN.MODEL()", "=AIFIN.MODEL_INFO(\"basis\",C1)"]] });
    expect(h.getValue("S", "B1")).toBe("confirmed + rumoured");
    expect(h.getValue("S", "D1")).toBe("confirmed");
    h.destroy();
  });

  it("spills a table with its header row", () => {
    const h = createHarness({ S: [['=AIFIN.ENTITIES("hyperscaler")']] });
    expect(h.getRange("S", "A1:D1")).toEqual([["id", "name", "name_zh", "roles"]]);
    const ids = h.getRange("S", "A2:A40").flat().filter((v) => v !== null);
    expect(ids).toEqual(expect.arrayContaining(["MSFT", "AMZN"]));
    h.destroy();
  });

  it("rejects a call with too many arguments (Excel refuses such a formula)", () => {
    const h = createHarness({ S: [['=AIFIN.FUNDING("AMZN","OPENAI","all",,,1)']] });
    expect(isCellError(h.getValue("S", "A1"))).toBe(true);
    h.destroy();
  });
});
