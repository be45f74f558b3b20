import { formatNumber } from "../../../src/preview/format";

describe("formatNumber (the preview grid's number formats)", () => {
  test.each([
    [1234.56, "#,##0.0", "1,234.6"],
    [0.34874, "0.0%", "34.9%"],
    [2.5, '0.00"x"', "2.50x"],
    [83, "0.0", "83.0"],
    [0.1 + 0.2, "General", "0.3"],
    [46206, "yyyy-mm-dd", "2026-07-03"],
    [-5, "#,##0.0", "-5.0"],
  ])("%p as %p → %p", (n, format, expected) => {
    expect(formatNumber(n, format)).toBe(expected);
  });
});
