// next-auth configuration: credentials sign-in with JWT sessions (the credentials provider requires them).
// The JWT only names the user; role and active flag are re-read from the database on every request
// (lib/auth/session.ts), so a demotion or deactivation takes effect at once.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { authenticate } from "./authenticate";

const SIGN_IN_ERRORS = {
  invalid: "CredentialsSignin",
  delayed: "SignInDelayed",
  ip_limited: "TooManyAttempts",
} as const;

// The address sign-in limits count (per address, and per account and address): read here and nowhere else.
// Next fills X-Forwarded-For with the socket address only
// when the header is absent, so the LAST entry is used: it is what our own reverse proxy appended (nginx
// $proxy_add_x_forwarded_for), not what the client wrote first. Without a proxy a client can still choose
// it; the per-account limit does not depend on it.
function clientIp(headers: Record<string, string | string[] | undefined> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const last = (Array.isArray(forwarded) ? forwarded.join(",") : forwarded)?.split(",").at(-1)?.trim();
  return last || "unknown";
}

let cached: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  if (cached) return cached;
  const config = env();
  cached = {
    secret: config.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: config.SESSION_MAX_AGE_HOURS * 3600, updateAge: 15 * 60 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const email = typeof credentials?.email === "string" ? credentials.email.slice(0, 320) : "";
          const password = typeof credentials?.password === "string" ? credentials.password.slice(0, 1024) : "";
          if (!email || !password) return null;
          const result = await authenticate(
            getDb(),
            { email, password, ip: clientIp(req?.headers) },
            {
              failuresBeforeDelay: config.LOGIN_FAILURES_BEFORE_DELAY,
              firstDelaySeconds: config.LOGIN_FIRST_DELAY_SECONDS,
              maxPerIp: config.LOGIN_MAX_FAILURES_PER_IP,
              windowMinutes: config.LOGIN_WINDOW_MINUTES,
            },
          );
          if (result.ok) return result.user;
          if (result.reason === "invalid") return null;
          // next-auth passes only the error's message to the sign-in page: the code, and the seconds to wait.
          throw new Error(`${SIGN_IN_ERRORS[result.reason]}:${result.retryAfterSeconds ?? 60}`);
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.pws = (user as { passwordStamp?: string }).passwordStamp;
          // When the password was typed: refreshing the cookie never moves it (lib/auth/session-validity.ts).
          token.authAt = Math.floor(Date.now() / 1000);
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, userId: token.sub, passwordStamp: token.pws, authAt: token.authAt };
      },
      // Only same-origin callback URLs: no open redirect through /login?callbackUrl=…
      redirect({ url, baseUrl }) {
        if (url.startsWith("/") && !url.startsWith("//")) return `${baseUrl}${url}`;
        try {
          if (new URL(url).origin === baseUrl) return url;
        } catch {}
        return baseUrl;
      },
    },
  };
  return cached;
}
