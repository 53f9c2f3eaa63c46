import { describe, expect, it } from "vitest";
import type { Plan } from "../format";
import { parsePlanYaml } from "./read";
import { planToYaml } from "./write";

const lines = (...rows: string[]) => `${rows.join("\n")}\n`;

describe("planToYaml", () => {
  it("writes fields in format.ts order, keeps empty dependsOn, omits other empty lists, header first", () => {
    // Keys deliberately out of order.
    const plan = {
      systems: [
        {
          services: [{ dependsOn: [], notes: "Line one\nline two", tier: 1, name: "api" }],
          runbooks: [],
          description: "Storefront",
          name: "Shop",
        },
      ],
      version: 1,
    } as unknown as Plan;
    expect(planToYaml(plan)).toBe(
      lines(
        "# Lifeboat DR plan (format version 1). Schema: docs/plan.schema.json",
        "",
        "version: 1",
        "systems:",
        "  - name: Shop",
        "    description: Storefront",
        "    services:",
        "      - name: api",
        "        tier: 1",
        "        notes: |-",
        "          Line one",
        "          line two",
        "        dependsOn: []",
      ),
    );
  });

  it("quotes only when needed, including what YAML 1.1 readers would misread", () => {
    const text = planToYaml({
      systems: [
        { name: "a: b" },
        { name: "#1" },
        { name: "yes" },
        { name: "02:00" },
        { name: "Ünïcødé 🚀" },
        { name: "plain name" },
        { name: "123" },
      ],
    });
    expect(text).toContain('- name: "a: b"');
    expect(text).toContain('- name: "#1"');
    expect(text).toContain('- name: "yes"');
    expect(text).toContain('- name: "02:00"');
    expect(text).toContain("- name: Ünïcødé 🚀");
    expect(text).toContain("- name: plain name");
    expect(text).toContain('- name: "123"');
  });

  it("does not fold long lines", () => {
    const long = Array(60).fill("word").join(" ");
    expect(planToYaml({ systems: [{ name: "S", description: long }] })).toContain(`description: ${long}\n`);
  });

  it("keeps text that needs double quotes on one line (found by the round-trip property)", () => {
    const notes = "crlf\r\ntrailing  \n \ncarriage\rreturn and more than forty characters";
    const text = planToYaml({ systems: [{ name: "x", contacts: [{ notes }] }] });
    expect(text).toContain(
      String.raw`      - notes: "crlf\r\ntrailing \ \n\ \ncarriage\rreturn and more than forty characters"` + "\n",
    );
    expect(parsePlanYaml(text).plan.systems[0]!.contacts![0]!.notes).toBe(notes);
  });

  it("writes an empty plan as an empty mapping", () => {
    expect(parsePlanYaml(planToYaml({ systems: [] }))).toMatchObject({ plan: { systems: [] }, problems: [] });
  });
});
