import { expect, type APIRequestContext, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "lifeboat-demo";
export const demoEmail = (role: string) => `${role}@lifeboat.local`;

/** Signs in through next-auth's own endpoints (CSRF token, then credentials callback). */
export async function signInViaApi(page: Page, email: string, password: string) {
  const csrf = await (await page.request.get("/api/auth/csrf")).json();
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken: csrf.csrfToken, email, password, json: "true" },
  });
  expect(response.ok()).toBeTruthy();
  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session?.userId, `sign-in of ${email} did not produce a session`).toBeTruthy();
}

export async function signInViaForm(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * One sign-in attempt through the credentials callback, from the client address in `X-Forwarded-For`
 * (the app reads the last entry: what our proxy would append). "ok" or next-auth's error, e.g. "SignInDelayed:60".
 */
export async function attemptSignIn(
  request: APIRequestContext,
  email: string,
  password: string,
  address: string,
): Promise<string> {
  const headers = { "X-Forwarded-For": address };
  const csrf = await (await request.get("/api/auth/csrf", { headers })).json();
  const response = await request.post("/api/auth/callback/credentials", {
    headers,
    form: { csrfToken: csrf.csrfToken, email, password, json: "true" },
  });
  // next-auth answers a refused sign-in with 401 and the error page's URL.
  expect([200, 401]).toContain(response.status());
  const { url } = (await response.json()) as { url: string };
  const error = new URL(url).searchParams.get("error");
  if (error) return error;
  const session = await (await request.get("/api/auth/session", { headers })).json();
  return session?.userId ? "ok" : "no session";
}
