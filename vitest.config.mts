import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

const alias = {
  "@": root,
  // `server-only` throws outside React Server Components; tests call server code directly.
  "server-only": path.join(root, "test/server-only-stub.ts"),
};

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["{lib,components,app,scripts}/**/*.test.ts"],
          exclude: ["**/*.integration.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["{lib,app,scripts,test}/**/*.integration.test.ts"],
          environment: "node",
          globalSetup: ["test/integration-global-setup.ts"],
          // Domain code reads settings through lib/env; tests pass their database explicitly, so these are
          // placeholders that only satisfy validation. SMTP stays unset on purpose (email "not configured").
          // LOG_LEVEL warn: one access-log line per request would bury the test output.
          env: {
            DATABASE_URL: "postgresql://unused@127.0.0.1:1/unused",
            NEXTAUTH_SECRET: "integration-tests-only-secret-0123456789",
            LOG_LEVEL: "warn",
          },
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: "forks",
        },
      },
    ],
  },
});
