/** Entity arguments in either Chinese script: the example, through the real functions. */
import { invoke } from "./helpers";

describe("Chinese entity names in AIFIN functions", () => {
  it("AIFIN.CIRCULAR_EXPOSURE(\"微软\") and (\"微軟\") are Microsoft's figure", () => {
    const msft = invoke("CIRCULAR_EXPOSURE", ["MSFT"]);
    expect(typeof msft).toBe("number");
    expect(invoke("CIRCULAR_EXPOSURE", ["微软"])).toBe(msft);
    expect(invoke("CIRCULAR_EXPOSURE", ["微軟"])).toBe(msft);
  });

  it("Nvidia in the mainland and Taiwanese spellings", () => {
    const nvda = invoke("FUNDING", ["NVDA", "OPENAI"]);
    expect(typeof nvda).toBe("number");
    for (const name of ["英伟达", "英偉達", "輝達", "辉达"]) expect(invoke("FUNDING", [name, "OPENAI"])).toBe(nvda);
  });
});
