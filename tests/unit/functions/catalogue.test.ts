/**
 * Each function's spec and body are declared together and the body's arguments are typed from the spec:
 * the `@ts-expect-error` lines below fail `npm run typecheck` if a misspelt or mistyped argument ever
 * compiles again. The runtime checks pin the catalogue to the metadata order.
 */
import { FUNCTION_IDS, FUNCTIONS } from "../../../src/functions/catalogue";
import { defineFunction, entity, enumOf } from "../../../src/functions/params";
import { FUNCTION_SPECS } from "../../../src/functions/specs";

describe("the function catalogue", () => {
  it("types a body's arguments from its spec", () => {
    const def = defineFunction({
      params: [entity("holder"), enumOf("field", ["pct", "value"] as const, "the field"), { name: "cut", type: "fraction", optional: true, hint: "a cut" }],
      result: "number",
      body(args) {
        // @ts-expect-error -- a misspelt argument name is a compile error
        void args.holdr;
        // @ts-expect-error -- an enum argument holds only its allowed values
        const bad: "cost" = args.field;
        void bad;
        // @ts-expect-error -- an optional number without a default may be null
        const cut: number = args.cut;
        void cut;
        return args.holder.id.length + (args.field === "pct" ? 1 : 0) + (args.cut ?? 0);
      },
    });
    expect(def.params.map((p) => p.name)).toEqual(["holder", "field", "cut"]);
  });

  it("derives the spec table from the catalogue, one entry per function, in order", () => {
    expect(Object.keys(FUNCTION_SPECS)).toEqual(FUNCTION_IDS);
    for (const id of FUNCTION_IDS) expect(FUNCTION_SPECS[id].params).toBe(FUNCTIONS[id].params);
  });
});
