import { excelSerialToIso, isIsoDate, isoToExcelSerial, parseDateCell } from "../../../src/model";

describe("Excel date serials (1900 system)", () => {
  // Reference values: Excel's =DATE(2025,1,1) is 45658 and =DATE(2026,2,5) is 46058.
  it("converts serials to ISO dates", () => {
    expect(excelSerialToIso(45658)).toBe("2025-01-01");
    expect(excelSerialToIso(46058)).toBe("2026-02-05");
    expect(excelSerialToIso(46058.75)).toBe("2026-02-05");
  });

  it("converts ISO dates to serials", () => {
    expect(isoToExcelSerial("2026-02-05")).toBe(46058);
    expect(isoToExcelSerial("1900-03-01")).toBe(61);
  });

  it("refuses serials before 1900-03-01 or not finite", () => {
    expect(excelSerialToIso(60)).toBeNull();
    expect(excelSerialToIso(Number.NaN)).toBeNull();
  });
});

describe("isIsoDate", () => {
  it("accepts real dates only", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2026-2-5")).toBe(false);
  });
});

describe("parseDateCell", () => {
  it("reads ISO text, date-time text, serials and serial text", () => {
    expect(parseDateCell("2026-02-05")).toBe("2026-02-05");
    expect(parseDateCell("2026-02-05T10:00:00Z")).toBe("2026-02-05");
    expect(parseDateCell(46058)).toBe("2026-02-05");
    expect(parseDateCell("46058")).toBe("2026-02-05");
  });

  it("returns null for anything else", () => {
    expect(parseDateCell("Feb 2026")).toBeNull();
    expect(parseDateCell(true)).toBeNull();
    expect(parseDateCell(null)).toBeNull();
  });
});
