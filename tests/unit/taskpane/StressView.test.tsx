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
  it("defaults to OpenAI cutting half its commitments, with bars, a table and the total against S14", () => {
    renderPane(<StressView registry={fixtureRegistry()} run={run} />);
    expect((screen.getByRole("combobox", { name: "Shocked company" }) as HTMLInputElement).value).toBe("OpenAI");
    // Revenue lost = 50 % of each contract; value at risk = 50 % × contract / term × 10 (the default multiple):
    // Oracle 300/5 → 300, Microsoft 250/5 → 250, Amazon 38/7 → 27.1. Nothing defaults: the bank loan of 38 to
    // Oracle stays covered by its remaining 150 of contracted revenue.
    expect(rows()).toEqual([
      ["Oracle", "150.0", "0.0", "300.0"],
      ["Microsoft", "125.0", "0.0", "250.0"],
      ["Amazon", "19.0", "0.0", "27.1"],
      ["Total", "294.0", "0.0", "577.1"],
    ]);
    const status = screen.getByRole("status");
    expect(status.textContent).toContain("USD 577.1 bn");
    expect(status.textContent).toContain("57.7 % of the article’s USD 1 trillion claim (S14)");
    const notes = within(screen.getByRole("region", { name: "Assumptions" })).getAllByRole("listitem");
    expect(notes.map((li) => li.textContent)).toEqual([
      "Oracle: 10.0× EV/revenue (default)",
      "Microsoft: 10.0× EV/revenue (default)",
      "Amazon: 10.0× EV/revenue (default)",
    ]);
    const bars = within(screen.getByRole("list", { name: "Market value at risk by company" })).getAllByRole("listitem");
    expect(bars.map((b) => b.textContent)).toEqual(["Oracle300.0", "Microsoft250.0", "Amazon27.1"]);
    expect(status.textContent).not.toContain("Lenders lose");
  });

  it("scales with the cut typed into the spin button", async () => {
    const user = userEvent.setup();
    renderPane(<StressView registry={fixtureRegistry()} run={run} />);
    const spin = screen.getByRole("spinbutton", { name: "Commitment cut (%)" });
    await user.clear(spin);
    await user.type(spin, "100{Enter}");
    // With all of OpenAI's contracts gone Oracle has nothing left to pay the banks' 38: they lose all of it.
    expect(rows().slice(3)).toEqual([
      ["BANKS", "0.0", "38.0", "0.0"],
      ["Total", "588.0", "38.0", "1,154.3"],
    ]);
    expect(screen.getByText("Default because of the cut: Oracle.")).toBeTruthy();
    expect(screen.getByRole("status").textContent).toContain("115.4 %");
    expect(screen.getByRole("status").textContent).toContain("Lenders lose USD 38.0 bn as the cut passes down to borrowers (1 borrower defaults)");
    // The banks lose on the loan but hold no value at risk: they have no bar.
    const bars = within(screen.getByRole("list", { name: "Market value at risk by company" })).getAllByRole("listitem");
    expect(bars.map((b) => b.textContent)).toEqual(["Oracle600.0", "Microsoft500.0", "Amazon54.3"]);
  });

  it("applies an EV/revenue multiple override to everyone", async () => {
    const user = userEvent.setup();
    renderPane(<StressView registry={fixtureRegistry()} run={run} />);
    const spin = screen.getByRole("spinbutton", { name: "EV / revenue multiple" });
    await user.type(spin, "2{Enter}");
    // 0.5 × (60 + 50 + 38/7) × 2 = 115.4
    expect(rows()[3]).toEqual(["Total", "294.0", "0.0", "115.4"]);
    expect(screen.getByText("Oracle: 2.0× EV/revenue (your override)")).toBeTruthy();
  });

  it("moves the cut with the slider", () => {
    renderPane(<StressView registry={fixtureRegistry()} run={run} />);
    fireEvent.change(screen.getByRole("slider", { name: "Commitment cut" }), { target: { value: "10" } });
    expect(screen.getByText("Commitment cut: 10 %")).toBeTruthy();
    expect(rows()[3][1]).toBe("58.8");
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
