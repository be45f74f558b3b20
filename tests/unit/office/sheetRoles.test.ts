/**
 * Sheet roles are declared once (sheetRoles.ts); this fails when a role is added without everything
 * that must handle it: a spec from buildSpecs with the matching role and layout, a name, a table for a
 * table role, and an entry in the ownership record after a build.
 */
import { bundledDataset } from "../../../src/model";
import { buildSpecs } from "../../../src/office/sheetAssembly";
import { BASE_SHEET_NAMES, BASE_TABLE_NAMES, FROZEN_ROLES, SHEET_ROLE_MEANINGS, SHEET_ROLES, TABLE_ROLES } from "../../../src/office/sheetRoles";
import { templateSourceOf } from "../../../src/office/templateSource";
import type { TemplateRefs } from "../../../src/office/templateSpec";

describe("sheet roles", () => {
  const source = templateSourceOf(bundledDataset);
  const refs: TemplateRefs = { sheets: BASE_SHEET_NAMES, factsRange: "AIFIN_Facts[#All]", entitiesRange: "AIFIN_Entities[#All]" };
  const specs = buildSpecs(source, refs, BASE_TABLE_NAMES, { entity: "MSFT", asOf: null, includeRumoured: false, onClash: "ask" });

  it("lists every declared role once, in tab order", () => {
    expect(new Set(SHEET_ROLES).size).toBe(SHEET_ROLES.length);
    expect([...SHEET_ROLES].sort()).toEqual(Object.keys(SHEET_ROLE_MEANINGS).sort());
  });

  it.each(SHEET_ROLES)("%s: has a spec of its own role, name and layout", (role) => {
    const spec = specs[role];
    expect(spec).toBeDefined();
    expect(spec.role).toBe(role);
    expect(spec.name).toBe(SHEET_ROLE_MEANINGS[role].baseName);
    expect(spec.rows.length).toBeGreaterThan(0);
    const meaning = SHEET_ROLE_MEANINGS[role];
    if (meaning.layout === "table") {
      expect(spec.table?.name).toBe(meaning.tableBaseName);
      expect(TABLE_ROLES).toContain(role);
    } else {
      expect(spec.table).toBeUndefined();
      expect(meaning.tableBaseName).toBeUndefined();
    }
  });

  it("freezes the computed sheets, never the analyst's tables", () => {
    for (const role of FROZEN_ROLES) expect(SHEET_ROLE_MEANINGS[role].layout).toBe("formulas");
    expect(FROZEN_ROLES.length).toBeGreaterThan(0);
  });

  it("gives every role a distinct sheet name and every table role a distinct table name", () => {
    expect(new Set(Object.values(BASE_SHEET_NAMES).map((n) => n.toLowerCase())).size).toBe(SHEET_ROLES.length);
    expect(new Set(Object.values(BASE_TABLE_NAMES).map((n) => n.toLowerCase())).size).toBe(TABLE_ROLES.length);
  });
});
