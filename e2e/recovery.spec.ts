// What the commander does in a recovery: break a demo service (its alert opens an incident), start the
// runbook, tick the manual step, approve the gate, and watch the restart and the health check turn the
// service green with its measured RTO. Responders can tick steps but not start or approve.
import { expect, test, type Browser } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { signInViaApi } from "./support/auth";
import { createTestUser } from "./support/db";

async function signedIn(browser: Browser, role: "commander" | "responder") {
  const user = await createTestUser(role, `rec-${role}`);
  const page = await (await browser.newContext()).newPage();
  await signInViaApi(page, user.email, user.password);
  return page;
}

test.describe.configure({ mode: "serial" });

test("the commander recovers a broken demo service with its runbook; the measured RTO appears", async ({ browser }) => {
  test.setTimeout(60_000);
  const page = await signedIn(browser, "commander");
  await page.goto("/runbooks/demo");
  await page.getByRole("button", { name: "Break + alert: Checkout API" }).click();
  // The alert went through the real intake and opened an incident; we land on it.
  await expect(page).toHaveURL(/\/incidents\/(?!new$)[a-z0-9]+$/);
  await expect(page.getByTestId("incident-title")).toContainText("Checkout API is down");
  const incidentUrl = page.url();

  const recovery = page.getByTestId("recovery");
  // The runbook whose health check verifies Checkout API is the one preselected.
  await expect(recovery.getByRole("radio", { name: /^Checkout API down/ })).toBeChecked();
  await recovery.getByRole("button", { name: "Start Checkout API down" }).click();
  const run = recovery.getByTestId("recovery-run");
  await expect(run).toBeVisible();
  const steps = run.getByTestId("run-step");
  await expect(steps.nth(0)).toHaveAttribute("data-step-state", "waiting", { timeout: 10_000 });

  // A responder on the same incident can tick the manual step, but not start or approve anything.
  const responder = await signedIn(browser, "responder");
  await responder.goto(incidentUrl);
  await expect(responder.getByTestId("runbook-choice")).toHaveCount(0);
  await responder.getByTestId("run-step").nth(0).getByRole("button", { name: "Mark done" }).click();
  await expect(steps.nth(0)).toHaveAttribute("data-step-state", "succeeded", { timeout: 10_000 });
  await expect(steps.nth(1)).toHaveAttribute("data-step-state", "waiting", { timeout: 10_000 });
  await expect(responder.getByTestId("run-step").nth(1).getByRole("button", { name: "Approve" })).toHaveCount(0);

  await steps.nth(1).getByRole("button", { name: "Approve" }).click();
  // The HTTP step restarts the service; the health check sees it healthy a few seconds later.
  await expect(steps.nth(2)).toHaveAttribute("data-step-state", "succeeded", { timeout: 15_000 });
  await expect(steps.nth(3)).toHaveAttribute("data-step-state", "succeeded", { timeout: 20_000 });
  await expect(run).toHaveAttribute("data-run-state", "succeeded", { timeout: 10_000 });
  await expect(run.getByTestId("measured-rto")).toContainText(/Checkout API recovered: measured RTO/);
  await expect(page.getByTestId("affected-services").getByTestId("rto-clock")).toHaveAttribute(
    "data-state",
    "recovered",
  );
  await expect(page.getByTestId("timeline").locator('[data-kind="service_verified"]')).toContainText(
    "Checkout API is healthy again",
  );

  // Starting it again gives the same run, never a second one.
  await page.reload();
  await expect(recovery.getByTestId("recovery-run")).toHaveCount(1);
  await page.goto("/runbooks/demo");
  await expect(page.getByTestId("demo-service").filter({ hasText: "Checkout API" })).toHaveAttribute(
    "data-healthy",
    "true",
  );
});

test("a drill runs without an incident; a disabled command step is skipped with a reason; the result is a drill result", async ({
  browser,
}) => {
  test.setTimeout(60_000);
  const page = await signedIn(browser, "commander");
  await page.goto("/runbooks");
  await page.getByRole("link", { name: "Payments DB and Search restart" }).click();
  await page.getByRole("button", { name: "Start a drill now" }).click();
  await expect(page).toHaveURL(/\/runbooks\/runs\//);
  const steps = page.getByTestId("run-step");
  // The parallel restarts, the wait and both health checks pass; the command step is disabled here.
  await expect(steps.nth(5)).toHaveAttribute("data-step-state", "failed", { timeout: 30_000 });
  await expect(steps.nth(5)).toContainText("Command steps are disabled");
  page.once("dialog", (dialog) => dialog.accept("Rotated by hand by the DBA"));
  await steps.nth(5).getByRole("button", { name: "Skip…" }).click();
  await expect(page.getByTestId("recovery-run")).toHaveAttribute("data-run-state", "succeeded", { timeout: 10_000 });
  await expect(steps.nth(5)).toContainText("Rotated by hand by the DBA");
  await page.goto("/runbooks/drills");
  await expect(page.getByTestId("drill-results")).toContainText("Payments DB");
  await expect(page.getByTestId("drill-results")).toContainText("Search");
});

test("the runbook editor names the step that is wrong, then saves", async ({ browser }) => {
  const page = await signedIn(browser, "commander");
  await page.goto("/runbooks/new");
  const name = `Failover ${randomBytes(3).toString("hex")}`;
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("System").selectOption({ label: "Demo Shop" });
  await page.getByLabel("Title").first().fill("Page the DBA");
  await page.getByRole("button", { name: "Add step" }).click();
  await page.getByLabel("Title").nth(1).fill("Search is back");
  await page.getByLabel("Kind").nth(1).selectOption("healthcheck");
  await page.getByLabel("Health URL (or /path on this Lifeboat)").fill("/api/demo-fleet/search/health");
  await page.getByRole("button", { name: "Save runbook" }).click();
  await expect(page.getByTestId("step-errors")).toContainText(
    "Step 2: name the services this health check proves recovered",
  );
  await page.getByLabel("Services it proves recovered (their measured RTO is recorded)").fill("Search");
  await page
    .getByRole("button", { name: /^Search/ })
    .first()
    .click();
  await page.getByRole("button", { name: "Save runbook" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByTestId("runbook-steps")).toContainText("poll /api/demo-fleet/search/health every 2 s");
});
