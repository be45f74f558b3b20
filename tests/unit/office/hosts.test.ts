/**
 * Capabilities read through a mocked `Office` global (office-addin-mock), the preview host, the real
 * createExcelHost() wiring with `Excel.run` mocked, and the error messages by code.
 *
 * office-addin-mock keeps no collections and cannot load "items/name" paths, so the workbook behind the
 * mocked Excel.run is the typed stand-in of fakeExcel.ts.
 */
import { OfficeMockObject } from "office-addin-mock";
import { createExcelHost, createPreviewHost } from "../../../src/office";
import { detectFeatures, officeProbe } from "../../../src/office/capabilities";
import { fromOfficeError, isRetryable, officeErrorCode, stopped } from "../../../src/office/hostErrors";
import { FakeWorkbookState } from "./fakeExcel";

type Globals = { Office?: unknown; Excel?: unknown };
const g = globalThis as Globals;

function mockOffice(supported: string[]): void {
  g.Office = new OfficeMockObject({
    context: {
      requirements: {
        isSetSupported: (name: string, version: string) => name === "ExcelApi" && supported.includes(version),
      },
    },
  });
}

const upTo = (minor: number): string[] => Array.from({ length: minor }, (_, i) => `1.${i + 1}`);

afterEach(() => {
  delete g.Office;
  delete g.Excel;
});

describe("capabilities", () => {
  it("reports the highest ExcelApi set and nothing missing on a current Excel", () => {
    mockOffice(upTo(17));
    expect(createExcelHost().capabilities()).toEqual({ excelApi: "1.17", tables: true, charts: true, dynamicArrays: true, missing: [] });
  });

  it("names each missing feature as a code (the pane words it) on an old Excel", () => {
    mockOffice(upTo(4));
    const caps = createExcelHost().capabilities();
    expect(caps).toMatchObject({ excelApi: "1.4", tables: true, charts: true, dynamicArrays: false });
    // 1.4: no ownership record (1.5), no freeze panes (1.7), no dynamic arrays (1.12).
    expect(caps.missing).toEqual(["ownership", "freezePanes", "dynamicArrays"]);
  });

  it("says Excel is not available when there is no Office", () => {
    expect(officeProbe()).toBeNull();
    expect(detectFeatures(null)).toMatchObject({ excelApi: null, tables: false, missing: ["noExcel"] });
  });

  it("treats a probe that throws as unsupported", () => {
    const f = detectFeatures((v) => {
      if (v === "1.12") throw new Error("boom");
      return ["1.1", "1.2", "1.5", "1.7", "1.12"].includes(v);
    });
    expect(f).toMatchObject({ excelApi: "1.7", dynamicArrays: false, ownership: true });
  });
});

describe("createExcelHost", () => {
  it("builds through Excel.run once Office is ready", async () => {
    mockOffice(upTo(17));
    const state = new FakeWorkbookState();
    g.Excel = new OfficeMockObject({ run: async (batch: (c: Excel.RequestContext) => Promise<unknown>) => batch(state.context()) });
    const outcome = await createExcelHost().build({ entity: "OPENAI", asOf: "2026-02-05", includeRumoured: true, onClash: "ask" });
    expect(outcome).toMatchObject({ kind: "built", syncs: 3 });
    expect(state.sheet("AIFIN Exposure").get("B2")).toBe("2026-02-05");
    expect(state.sheet("AIFIN Exposure").get("D2")).toBe(true);
    expect(state.sheet("AIFIN Cycles").get("B2")).toBe("OPENAI");
  });

  it("answers with a message, without calling Excel, when opened outside Office", async () => {
    let runs = 0;
    g.Excel = new OfficeMockObject({ run: async () => void runs++ });
    const outcome = await createExcelHost().build({ entity: "MSFT", asOf: null, includeRumoured: false, onClash: "ask" });
    expect(outcome).toMatchObject({ kind: "error", error: { code: "notInExcel", changed: { kind: "nothing" } } });
    expect(runs).toBe(0);
  });
});

describe("createPreviewHost", () => {
  it("reports no Excel and explains every operation", async () => {
    const host = createPreviewHost();
    expect(host.capabilities()).toMatchObject({ excelApi: null, tables: false, charts: false, dynamicArrays: false });
    expect(await host.build({ entity: "MSFT", asOf: null, includeRumoured: false, onClash: "ask" })).toEqual({ kind: "error", error: stopped("notInExcel", "build") });
    expect(await host.refresh()).toEqual({ kind: "error", error: stopped("notInExcel", "refresh") });
    expect(await host.freeze()).toEqual({ kind: "error", error: stopped("notInExcel", "freeze") });
  });
});

describe("office errors", () => {
  it("reads the code of an OfficeExtension.Error-like object", () => {
    expect(officeErrorCode({ code: "ItemNotFound", message: "x" })).toBe("ItemNotFound");
    expect(officeErrorCode(new Error("plain"))).toBeNull();
    expect(officeErrorCode("text")).toBeNull();
  });

  it("retries only when Excel was editing a cell", () => {
    expect(isRetryable({ code: "InvalidOperationInCellEditMode" })).toBe(true);
    expect(isRetryable({ code: "AccessDenied" })).toBe(false);
    expect(isRetryable(new Error("x"))).toBe(false);
  });

  it("turns an Office failure into AIFIN's code, keeping Excel's code and message as the cause", () => {
    const nothing = { kind: "nothing" } as const;
    expect(fromOfficeError({ code: "InvalidOperationInCellEditMode" }, "build", nothing)).toEqual({
      code: "cellEditMode", operation: "build", officeCode: "InvalidOperationInCellEditMode", cause: "InvalidOperationInCellEditMode", changed: nothing,
    });
    expect(fromOfficeError({ code: "RequestPayloadSizeLimitExceeded" }, "refresh", nothing).code).toBe("tooLarge");
    expect(fromOfficeError({ code: "ItemAlreadyExists" }, "build", nothing).code).toBe("nameTaken");
    const unknown = Object.assign(new Error("The request failed"), { code: "SomethingNew" });
    expect(fromOfficeError(unknown, "freeze", nothing)).toMatchObject({ code: "officeFailure", officeCode: "SomethingNew", cause: "The request failed" });
    expect(fromOfficeError(new Error("socket closed"), "build", nothing)).toMatchObject({ code: "officeFailure", officeCode: null, cause: "socket closed" });
  });
});
