import { fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { stress } from "../../../src/engine";
import { engineError } from "../../../src/engine/result";
import { StressView } from "../../../src/taskpane/components/StressView";
import { fixtureModel, fixtureRegistry } from "./fixtures";
import { renderPane } from "./render";

const view = fixtureModel().view(null, { includeRumoured: false });
const run = (o: Parameters<typeof stress>[1]) => stress(view, o);

function rows() {
  const table = screen.getByRole("table", { name: "Stress results by company" });
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((r) => within(r).getAllByRole("cell").map((c) => c.textContent));
}

describe("StressView", () => {
  it("defaults to OpenAI cutting half its commitments, with bars, a table and the hyperscalers' loss against S14", () => {
    renderPane(<StressView registry={fixtureRegistry()} run={run} />);
    expect((screen.getByRole("combobox", { name: "Shocked company" }) as HTMLInputElement).value).toBe("OpenAI");
    // Revenue lost = 50 % of each contract. Oracle has no value in this model: what services its banks' 38 is its
    // contracts' contribution, 300 × 0.14 (margin.ORCL) = 42, a headroom of 4. Half the cut takes 150 × 0.14 = 21:
    // Oracle defaults with 17 unpaid, so the banks lose 17 × (1 − 0.4) = 10.2 and Oracle stops paying 17/21 of
    // its lost share 0.5 of its 40 Nvidia order: 16.2.
    // Value lost: only Microsoft has a market value (T008 3,500): operating 0.5 × 250/5 × 0.42 × 25 = 262.5,
    // plus its stake at the money it put in (T001 13; OpenAI has no valuation) × 0.5 = 6.5: 269.0.
    // Nvidia lost 15 on the 30 it put into OpenAI (T005). Oracle and Amazon have no value in this model: no
    // value line.
    expect(rows()).toEqual([
      ["Microsoft", "125.0", "0.0", "269.0"],
      ["Nvidia", "16.2", "0.0", "15.0"],
      ["Oracle", "150.0", "0.0", "0.0"],
      ["Amazon", "19.0", "0.0", "0.0"],
      ["BANKS", "0.0", "10.2", "0.0"],
      ["Total", "310.2", "10.2", "284.0"],
    ]);
    const status = screen.getByRole("status");
    expect(status.textContent).toContain("USD 284.0 bn");
    // S14 compares the hyperscalers' loss only (Microsoft 269.0 here), and only when OpenAI is shocked.
    expect(status.textContent).toContain("Hyperscalers lose USD 269.0 bn: 26.9 % of the article’s USD 1 trillion claim (S14)");
    const notes = within(screen.getByRole("region", { name: "Assumptions" })).getAllByRole("listitem");
    expect(notes.map((li) => li.textContent)).toEqual(["Microsoft: 10.5× EV/revenue (margin × multiple: margin.MSFT, multiple.hyperscaler)"]);
    const bars = within(screen.getByRole("list", { name: "Market value at risk by company" })).getAllByRole("listitem");
    expect(bars.map((b) => b.textContent)).toEqual(["Microsoft269.0", "Nvidia15.0"]);
    expect(status.textContent).toContain("Lenders lose USD 10.2 bn");
  });

  it("scales with the cut typed into the spin button", async () => {
    const user = userEvent.setup();
    renderPane(<StressView registry={fixtureRegistry()} run={run} />);
    const spin = screen.getByRole("spinbutton", { name: "Commitment cut (%)" });
    await user.clear(spin);
    await user.type(spin, "100{Enter}");
    // With all of OpenAI's 300 gone Oracle loses 42 of contribution against a headroom of 4: 38 unpaid, all
    // its debt, so the banks lose 38 × (1 − 0.4). Oracle stops paying 38/42 of its 40 Nvidia order: 36.2, so
    // revenue lost is 250 + 300 + 38 + 36.2.
    expect(rows().slice(4)).toEqual([
      ["BANKS", "0.0", "22.8", "0.0"],
      ["Total", "624.2", "22.8", "568.0"],
    ]);
    expect(screen.getByText("Default because of the cut: Oracle.")).toBeTruthy();
    expect(screen.getByRole("status").textContent).toContain("53.8 %");
    expect(screen.getByRole("status").textContent).toContain("Lenders lose USD 22.8 bn as the cut passes down to borrowers (1 borrower defaults)");
    // The banks lose on the loan but hold no value at risk: they have no bar.
    const bars = within(screen.getByRole("list", { name: "Market value at risk by company" })).getAllByRole("listitem");
    expect(bars.map((b) => b.textContent)).toEqual(["Microsoft538.0", "Nvidia30.0"]);
  });

  it("applies an EV/revenue multiple override to everyone", async () => {
    const user = userEvent.setup();
    renderPane(<StressView registry={fixtureRegistry()} run={run} />);
    const spin = screen.getByRole("spinbutton", { name: "EV / revenue multiple" });
    await user.type(spin, "2{Enter}");
    // Microsoft 0.5 × 50 × 2 = 50, plus its 6.5 stake loss; Nvidia's 15.
    expect(rows()[5]).toEqual(["Total", "310.2", "10.2", "71.5"]);
    expect(screen.getByText("Microsoft: 2.0× EV/revenue (your override)")).toBeTruthy();
  });

  it("moves the cut with the slider", () => {
    renderPane(<StressView registry={fixtureRegistry()} run={run} />);
    fireEvent.change(screen.getByRole("slider", { name: "Commitment cut" }), { target: { value: "10" } });
    expect(screen.getByText("Commitment cut: 10 %")).toBeTruthy();
    // 25 + 30 + 3.8, plus Oracle (10 % takes 4.2 of contribution, 0.2 beyond its headroom of 4) passing on
    // 0.2/4.2 of its lost share 0.1 of its 40 Nvidia order: 0.19.
    expect(rows()[5][1]).toBe("59.0");
  });

  it("sets no other company's cut against S14", () => {
    renderPane(<StressView registry={fixtureRegistry()} run={run} defaultShocked="ORCL" />);
    expect(screen.getByRole("status").textContent).not.toContain("S14");
  });

  it("says nobody loses when the shocked company has no commitments", () => {
    renderPane(<StressView registry={fixtureRegistry()} run={run} defaultShocked="XAI" />);
    expect(screen.getByText(/Nobody loses revenue under this scenario/)).toBeTruthy();
    expect(screen.getByRole("status").textContent).toContain("USD 0.0 bn");
  });

  it("shows the engine's error instead of numbers", () => {
    renderPane(<StressView registry={fixtureRegistry()} run={() => engineError("INVALID_INPUT", "cut must be between 0 and 1")} />);
    expect(screen.getByRole("alert").textContent).toContain("The stress test could not run: cut must be between 0 and 1");
    expect(screen.queryByRole("table")).toBeNull();
  });
});
