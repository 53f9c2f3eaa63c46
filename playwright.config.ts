// Run through `npm run test:e2e` (scripts/e2e.ts), which starts the app and its database and sets
// E2E_BASE_URL / E2E_DATABASE_URL / CHROMIUM_PATH.
import { defineConfig } from "@playwright/test";

const TIMED = /(plan-stall|triage)\.spec\.ts$/;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  // One retry: a few specs (faults, hostile-api under a Postgres restart) flake when the 2 cores are loaded; a retried
  // pass is reported as "flaky", so it stays visible.
  retries: 1,
  timeout: 30_000,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: process.env.E2E_BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  // Specs that measure time (how long the server's event loop is held) run last and alone: on a 2-core machine
  // the other specs' servers and browsers would otherwise decide their figures. They run only when the rest passed.
  projects: [
    { name: "chromium", use: { browserName: "chromium" }, testIgnore: TIMED },
    { name: "timed", use: { browserName: "chromium" }, testMatch: TIMED, dependencies: ["chromium"] },
  ],
});
