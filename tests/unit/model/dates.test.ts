import { addMonthsIso, clampIsoDate, excelSerialToIso, isIsoDate, isoToExcelSerial, monthEndIso, parseDateCell } from "../../../src/model";

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

  it("refuses serial 60 (Excel's phantom 1900-02-29) and non-finite serials", () => {
    expect(excelSerialToIso(60)).toBeNull();
    expect(excelSerialToIso(Number.NaN)).toBeNull();
  });

  it("refuses the dates that have no serial", () => {
    expect(isoToExcelSerial("1899-12-31")).toBeNull();
    expect(isoToExcelSerial("2026-02-30")).toBeNull();
    expect(isoToExcelSerial("1900-02-29")).toBeNull();
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

describe("isIsoDate (strict)", () => {
  it("rejects days that do not exist and loose formats", () => {
    expect(isIsoDate("2026-02-30")).toBe(false);
    expect(isIsoDate("2026-2-5")).toBe(false);
    expect(isIsoDate("05/02/2026")).toBe(false);
    expect(isIsoDate("2026-04-31")).toBe(false);
    expect(isIsoDate("0026-02-05")).toBe(true);
    expect(isIsoDate(" 2026-02-05")).toBe(false);
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("1900-02-29")).toBe(false);
    expect(isIsoDate("2000-02-29")).toBe(true);
  });
});

describe("clampIsoDate", () => {
  it("holds real dates inside the range and refuses impossible ones", () => {
    expect(clampIsoDate("2030-01-01", "2024-01-01", "2026-02-05")).toBe("2026-02-05");
    expect(clampIsoDate("2020-01-01", "2024-01-01", "2026-02-05")).toBe("2024-01-01");
    expect(clampIsoDate("2025-06-30", "2024-01-01", "2026-02-05")).toBe("2025-06-30");
    expect(clampIsoDate("2026-02-30", "2024-01-01", "2026-12-31")).toBeNull();
    expect(clampIsoDate("", "2024-01-01", "2026-12-31")).toBeNull();
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

  it("reads serials on both sides of the 1900 leap-year bug, as functions do (one converter for both)", () => {
    expect(parseDateCell(59)).toBe("1900-02-28");
    expect(parseDateCell(60)).toBeNull();
    expect(parseDateCell(61)).toBe("1900-03-01");
    expect(parseDateCell("2026-02-30")).toBeNull();
    expect(parseDateCell("2026-02-30T00:00:00Z")).toBeNull();
  });

  it("returns null for anything else", () => {
    expect(parseDateCell("Feb 2026")).toBeNull();
    expect(parseDateCell(true)).toBeNull();
    expect(parseDateCell(null)).toBeNull();
  });
});

describe("month arithmetic (capex periods, HISTORY's month ends)", () => {
  it("gives a month's last day, leap years included, and rolls months past December or before January", () => {
    expect(monthEndIso(2024, 2)).toBe("2024-02-29");
    expect(monthEndIso(2025, 2)).toBe("2025-02-28");
    expect(monthEndIso(2026, 12)).toBe("2026-12-31");
    expect(monthEndIso(2026, 13)).toBe("2027-01-31");
    expect(monthEndIso(2026, 0)).toBe("2025-12-31");
  });

  it("moves a date by months, keeping month ends month ends", () => {
    expect(addMonthsIso("2025-06-30", -12)).toBe("2024-06-30");
    expect(addMonthsIso("2026-12-31", -12)).toBe("2025-12-31");
    expect(addMonthsIso("2025-03-31", -1)).toBe("2025-02-28");
    expect(addMonthsIso("2024-03-31", -1)).toBe("2024-02-29");
    expect(addMonthsIso("2026-01-15", -1)).toBe("2025-12-15");
    expect(addMonthsIso("2025-11-30", 3)).toBe("2026-02-28");
  });
});
