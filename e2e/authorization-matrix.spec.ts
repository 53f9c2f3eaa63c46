// The authorization matrix, generated from the code itself: every server action in the build × every role
// (and signed out), and every API route × every kind of caller. Each action's permission is read from its
// source, each route's access from its declaration (lib/api/routes.ts, what apiRoute() enforces); an action
// or route without one, or a route file the matrix does not probe, fails the test, so nothing new ships unchecked.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { readFileSync } from "node:fs";
import { PERMISSIONS } from "../lib/auth/permissions";
import { ROLES } from "../lib/auth/roles";
import { TOKEN_SCOPES } from "../lib/tokens/scopes";
import { DEMO_PASSWORD, demoEmail, signInViaApi } from "./support/auth";
import { createTestToken, createTestUser } from "./support/db";
import { allowedCallers, declaredAccess, ROUTES, routeFiles, type Caller } from "./support/routes";
import { callServerAction, serverActions } from "./support/server-action";

// Admins come from the demo seed: a spec that adds admins would break the "last active admin" spec.
async function userFor(role: (typeof ROLES)[number], label: string) {
  return role === "admin"
    ? { email: demoEmail("admin"), password: DEMO_PASSWORD }
    : createTestUser(role, `${label}-${role}`);
}

const declared = new Map<string, Map<string, string>>();

/** action name → permission, read from `metadata({ permission })` on the action or on the client it uses. */
function declaredPermissions(file: string): Map<string, string> {
  const cached = declared.get(file);
  if (cached) return cached;
  const source = readFileSync(file, "utf8");
  const clients = new Map<string, string>();
  for (const m of source.matchAll(/const (\w+) = actionClient\s*\.metadata\(\{\s*permission:\s*"([^"]+)"\s*\}\)/g))
    clients.set(m[1]!, m[2]!);
  const actions = new Map<string, string>();
  for (const m of source.matchAll(
    /export const (\w+) =\s*(?:actionClient\s*\.metadata\(\{\s*permission:\s*"([^"]+)"\s*\}\)|(\w+)\s*\.inputSchema)/g,
  )) {
    const permission = m[2] ?? clients.get(m[3] ?? "");
    if (permission) actions.set(m[1]!, permission);
  }
  declared.set(file, actions);
  return actions;
}

const actions = serverActions();

test.describe.configure({ mode: "serial" });

test("every server action declares a permission that exists", () => {
  expect(actions.length).toBeGreaterThan(20);
  for (const action of actions) {
    const permission = declaredPermissions(action.filename).get(action.exportedName);
    expect(permission, `${action.filename}#${action.exportedName} has no permission`).toBeTruthy();
    expect(Object.keys(PERMISSIONS), `${action.exportedName}: unknown permission ${permission}`).toContain(permission);
  }
});

test("server actions × roles: only the roles in the permission table get past the check", async ({
  browser,
  baseURL,
}) => {
  // Every action × every role, one request each: the budget grows with the number of actions.
  test.setTimeout(180_000);
  const outcomes: string[] = [];
  for (const role of ROLES) {
    const user = await userFor(role, "matrix");
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInViaApi(page, user.email, user.password);
    for (const action of actions) {
      const permission = declaredPermissions(action.filename).get(action.exportedName)!;
      const allowed = (PERMISSIONS[permission as keyof typeof PERMISSIONS] as readonly string[]).includes(role);
      // An empty input: allowed roles meet validation (nothing is written), the others the permission check.
      const { text } = await callServerAction(page.request, action.filename, action.exportedName, [{}], baseURL!);
      const refused = text.includes("Your role does not allow this.");
      expect(refused, `${role} → ${action.exportedName} (${permission})`).toBe(!allowed);
      if (allowed) expect(text, `${role} → ${action.exportedName}`).toContain("validationErrors");
      outcomes.push(`${role}:${action.exportedName}:${allowed ? "allowed" : "refused"}`);
    }
    await context.close();
  }
  expect(outcomes).toHaveLength(ROLES.length * actions.length);
  console.log(`authorization matrix: ${actions.length} actions × ${ROLES.length} roles = ${outcomes.length} checks`);
});

test("server actions signed out, or with an API token of any scope: every one is refused", async ({
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  // Tokens are for the machine API alone: a bearer token must never stand in for a session.
  const callers: [string, Record<string, string>][] = [["signed out", {}]];
  for (const scope of TOKEN_SCOPES)
    callers.push([`token:${scope}`, { Authorization: `Bearer ${await createTestToken([scope])}` }]);
  let checks = 0;
  for (const [caller, extraHTTPHeaders] of callers) {
    const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders });
    for (const action of actions) {
      const result = await callServerAction(request, action.filename, action.exportedName, [{}], baseURL!);
      expect([307, 401, 403], `${caller} → ${action.exportedName}`).toContain(result.status);
      checks += 1;
    }
    await request.dispose();
  }
  console.log(
    `server actions refused without a session: ${actions.length} actions × ${callers.length} callers = ${checks} checks`,
  );
});

test("every API route is in the matrix, with a declared access", () => {
  expect(routeFiles().sort()).toEqual(Object.keys(ROUTES).sort());
  for (const [file, route] of Object.entries(ROUTES))
    expect(
      declaredAccess(file, route.method),
      `${route.method} ${file} declares no access in lib/api/routes.ts`,
    ).toBeDefined();
});

test("API routes × callers: allowed callers get through, the rest get 401/403", async ({
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const tokens: Record<string, string> = {};
  for (const scope of TOKEN_SCOPES) tokens[scope] = await createTestToken([scope]);

  const callers: [Caller, APIRequestContext][] = [["anonymous", await playwright.request.newContext({ baseURL })]];
  callers.push([
    "token:none",
    await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { Authorization: "Bearer lb_000000000000_" + "x".repeat(43) },
    }),
  ]);
  for (const scope of TOKEN_SCOPES) {
    callers.push([
      `token:${scope}`,
      await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${tokens[scope]}` } }),
    ]);
  }
  for (const role of ROLES) {
    const user = await userFor(role, "api");
    const page = await (await browser.newContext()).newPage();
    await signInViaApi(page, user.email, user.password);
    callers.push([`role:${role}`, page.request]);
  }

  let checks = 0;
  for (const [file, route] of Object.entries(ROUTES)) {
    const access = declaredAccess(file, route.method);
    expect(access, `${route.method} ${file} declares no access in lib/api/routes.ts`).toBeDefined();
    const allowedFor = allowedCallers(access!);
    for (const [caller, request] of callers) {
      const response =
        route.method === "GET"
          ? await request.get(route.path, { maxRedirects: 0 })
          : await request.post(route.path, { data: {}, maxRedirects: 0 });
      const status = response.status();
      const allowed = allowedFor.includes(caller);
      if (allowed) expect([200, 400, 422, ...(route.okStatuses ?? [])], `${caller} → ${file}`).toContain(status);
      else expect([401, 403], `${caller} → ${file}`).toContain(status);
      checks += 1;
    }
  }
  console.log(`API matrix: ${Object.keys(ROUTES).length} routes × ${callers.length} callers = ${checks} checks`);
});
