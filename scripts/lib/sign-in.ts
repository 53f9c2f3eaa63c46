// Signs in through next-auth's own endpoints (CSRF token, then the credentials callback), as the e2e
// specs do, and returns the Cookie header of the session, for scripts that call signed-in routes.

export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  const cookies = csrfResponse.headers.getSetCookie().map((c) => c.split(";")[0]!);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const cookie = [...cookies, ...response.headers.getSetCookie().map((c) => c.split(";")[0]!)].join("; ");
  // A wrong password still answers 200/302 here: only the session endpoint says whether it worked.
  const session = (await (await fetch(`${baseUrl}/api/auth/session`, { headers: { Cookie: cookie } })).json()) as {
    userId?: string;
  } | null;
  if (!session?.userId) throw new Error(`sign-in of ${email} did not produce a session`);
  return cookie;
}
