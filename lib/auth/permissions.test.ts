import { describe, expect, it } from "vitest";
import { can, PERMISSIONS } from "./permissions";
import { ROLES } from "./roles";

describe("can", () => {
  it("allows exactly the roles listed for each permission", () => {
    for (const [permission, allowed] of Object.entries(PERMISSIONS)) {
      for (const role of ROLES) {
        expect(can(role, permission), `${role} → ${permission}`).toBe((allowed as readonly string[]).includes(role));
      }
    }
  });

  it("fails closed on unknown permissions, unknown roles and odd input", () => {
    expect(can("admin", "users.delete-everything")).toBe(false);
    expect(can("root", "app.read")).toBe(false);
    expect(can(undefined, "app.read")).toBe(false);
    expect(can("admin", "toString")).toBe(false);
    expect(can("admin", "__proto__")).toBe(false);
  });

  it("keeps user and audit administration to admins", () => {
    expect(ROLES.filter((role) => can(role, "users.manage"))).toEqual(["admin"]);
    expect(ROLES.filter((role) => can(role, "users.unlock"))).toEqual(["admin"]);
    expect(ROLES.filter((role) => can(role, "audit.read"))).toEqual(["admin"]);
  });
});
