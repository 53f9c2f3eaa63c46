// Browser-facing defences: the Content-Security-Policy (a fresh nonce per page, no inline scripts), the other
// security headers, what a session cookie must carry to count, and callback URLs that cannot send a signed-in
// user to another site.
import { expect, test, type Page } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { passwordStamp } from "../lib/auth/password";
import { DEMO_PASSWORD, demoEmail, signInViaApi, signInViaForm } from "./support/auth";
import { createTestUser, db } from "./support/db";
import { serverActionId } from "./support/server-action";

function directives(policy: string | null): Map<string, string[]> {
  expect(policy, "Content-Security-Policy header").toBeTruthy();
  return new Map(
    policy!
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );
}

/** Records CSP violations from the first script on, so a page that needed an inline script would show up. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    (window as unknown as { __violations: string[] }).__violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { __violations: string[] }).__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}

test.describe("Content-Security-Policy", () => {
  for (const path of ["/login", "/status"]) {
    test(`${path}: scripts only with this response's nonce, no framing, and every script of the page carries the nonce`, async ({
      request,
    }) => {
      const [first, second] = [await request.get(path), await request.get(path)];
      const policy = directives(first.headers()["content-security-policy"]!);
      const scriptSrc = policy.get("script-src")!;
      expect(scriptSrc).toContain("'strict-dynamic'");
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      expect(scriptSrc).not.toContain("'unsafe-eval'");
      expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
      expect(policy.get("object-src")).toEqual(["'none'"]);
      expect(policy.get("base-uri")).toEqual(["'self'"]);
      const nonce = scriptSrc.find((s) => s.startsWith("'nonce-"))!.slice(7, -1);
      expect(nonce.length).toBeGreaterThanOrEqual(22);
      expect(second.headers()["content-security-policy"], "a new nonce per response").not.toContain(nonce);

      const html = await first.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, "script without the nonce").toContain(`nonce="${nonce}"`);

      const headers = first.headers();
      expect(headers["x-frame-options"]).toBe("DENY");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
    });
  }

  test("API answers may load and run nothing", async ({ request }) => {
    const policy = directives((await request.get("/api/health")).headers()["content-security-policy"]!);
    expect(policy.get("default-src")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  });

  test("the app works under the policy: signed-in pages with charts and the live timeline raise no violation", async ({
    page,
  }) => {
    const violations = await watchViolations(page);
    await page.goto("/login");
    await signInViaForm(page, demoEmail("commander"), DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/command$/, { timeout: 15_000 });
    for (const path of ["/command", "/incidents", "/inventory", "/compliance", "/backups", "/people"]) {
      await page.goto(path);
      await expect(page.locator("main")).toBeVisible();
      expect(await violations(), `CSP violations on ${path}`).toEqual([]);
    }
  });

  test("an injected inline event handler is refused by the browser", async ({ page }) => {
    const violations = await watchViolations(page);
    await page.goto("/status");
    // What an escaping bug would put into the page: markup with an inline handler.
    await page.evaluate(() =>
      document.body.insertAdjacentHTML("beforeend", `<img src="/no-such-image.png" onerror="window.__xss = 1">`),
    );
    await expect.poll(violations).toContainEqual(expect.stringMatching(/^script-src/));
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });
});

test.describe("sessions", () => {
  const secret = process.env.E2E_NEXTAUTH_SECRET!;
  const now = () => Math.floor(Date.now() / 1000);

  async function viewer() {
    const user = await createTestUser("viewer", "session");
    const { rows } = await db().query<{ id: string; passwordHash: string }>(
      `SELECT id, "passwordHash" FROM "User" WHERE email = $1`,
      [user.email],
    );
    return { ...user, id: rows[0]!.id, stamp: passwordStamp(rows[0]!.passwordHash) };
  }

  /** Opens /overview with a hand-made session cookie; true when the app let it in. */
  async function admitted(page: Page, cookie: string): Promise<boolean> {
    await page.context().clearCookies();
    await page
      .context()
      .addCookies([{ name: "next-auth.session-token", value: cookie, url: test.info().project.use.baseURL! }]);
    const response = await page.request.get("/overview", { maxRedirects: 0 });
    return response.status() === 200;
  }

  test("the session cookie is HttpOnly and SameSite=Lax", async ({ page }) => {
    const user = await viewer();
    await signInViaApi(page, user.email, user.password);
    const cookie = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"))!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Lax");
    expect(cookie.expires * 1000 - Date.now()).toBeLessThanOrEqual(12 * 3_600_000 + 60_000);
  });

  test("only a well-signed session, signed in within the maximum age with the current password, counts", async ({
    page,
  }) => {
    // The servers' secret, passed on by scripts/e2e.ts: without it this test cannot forge cookies, and must fail, not skip.
    expect(secret, "E2E_NEXTAUTH_SECRET (set by scripts/e2e.ts)").toBeTruthy();
    const user = await viewer();
    const claims = { sub: user.id, pws: user.stamp };
    expect(
      await admitted(page, await encode({ token: { ...claims, authAt: now() - 60 }, secret })),
      "fresh session",
    ).toBe(true);
    // The cookie's own expiry is refreshed by next-auth; the sign-in time inside it is not.
    expect(
      await admitted(page, await encode({ token: { ...claims, authAt: now() - 13 * 3600 }, secret })),
      "signed in 13 h ago",
    ).toBe(false);
    expect(
      await admitted(page, await encode({ token: { ...claims, authAt: now() + 3600 }, secret })),
      "dated in the future",
    ).toBe(false);
    expect(await admitted(page, await encode({ token: claims, secret })), "no sign-in time").toBe(false);
    expect(
      await admitted(page, await encode({ token: { ...claims, authAt: now(), pws: "stale" }, secret })),
      "old password",
    ).toBe(false);
    expect(
      await admitted(page, await encode({ token: { ...claims, authAt: now() - 60 }, secret, maxAge: -120 })),
      "expired cookie (past the 15 s clock tolerance)",
    ).toBe(false);
    expect(
      await admitted(page, await encode({ token: { ...claims, authAt: now() }, secret: `${secret}-other` })),
      "another secret",
    ).toBe(false);
    const good = await encode({ token: { ...claims, authAt: now() }, secret });
    expect(await admitted(page, `${good.slice(0, -4)}AAAA`), "tampered").toBe(false);
  });
});

test.describe("callback URLs", () => {
  for (const target of [
    "https://evil.example/steal",
    "//evil.example/steal",
    "/\\evil.example/steal",
    "javascript:alert(1)",
    "/api/auth/signout",
  ]) {
    test(`signing in with callbackUrl=${target} stays on this site`, async ({ page, baseURL }) => {
      const user = await createTestUser("viewer", "callback");
      await page.goto(`/login?callbackUrl=${encodeURIComponent(target)}`);
      await signInViaForm(page, user.email, user.password);
      await expect(page).toHaveURL(/\/overview$/, { timeout: 15_000 });
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    });
  }

  test("next-auth's own redirect refuses other origins too", async ({ request, baseURL }) => {
    const csrf = await (await request.get("/api/auth/csrf")).json();
    const response = await request.post("/api/auth/signout", {
      form: { csrfToken: csrf.csrfToken, callbackUrl: "https://evil.example/", json: "true" },
    });
    const { url } = (await response.json()) as { url: string };
    expect(new URL(url).origin).toBe(new URL(baseURL!).origin);
  });
});

test.describe("cross-origin server actions", () => {
  test("are refused with 403 naming the origin, signed in or not, and store nothing (Next alone answered 500)", async ({
    page,
    baseURL,
  }) => {
    await signInViaApi(page, demoEmail("commander"), DEMO_PASSWORD);
    const title = `Forged from another site ${Date.now()}`;
    const id = serverActionId("app/(app)/incidents/actions.ts", "declareIncidentAction");
    const post = (origin: string, request = page.request) =>
      request.post("/incidents/new", {
        headers: {
          "Next-Action": id,
          "Content-Type": "text/plain;charset=UTF-8",
          Accept: "text/x-component",
          Origin: origin,
        },
        data: JSON.stringify([{ title, severity: "SEV1" }]),
        maxRedirects: 0,
      });
    for (const origin of ["https://evil.example", "null", baseURL!.replace(/:(\d+)$/, (_, p) => `:${Number(p) + 1}`)]) {
      const response = await post(origin);
      expect(response.status(), origin).toBe(403);
      expect(await response.json()).toMatchObject({ field: "(origin)" });
    }
    const signedOut = await post(
      "https://evil.example",
      (await page.context().browser()!.newContext({ baseURL })).request,
    );
    expect(signedOut.status()).toBe(403);
    const { rows } = await db().query(`SELECT id FROM "Incident" WHERE title = $1`, [title]);
    expect(rows).toEqual([]);
    // The same call from this site goes through: the refusal is about the origin, not the call.
    expect((await post(new URL(baseURL!).origin)).status()).toBe(200);
    expect((await db().query(`SELECT id FROM "Incident" WHERE title = $1`, [title])).rows).toHaveLength(1);
  });
});
