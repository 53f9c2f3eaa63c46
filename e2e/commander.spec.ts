// The commander at 3 a.m. (issue 20): the right runbook preselected (none when nothing covers the incident,
// and a confirmation before an uncovered one), acknowledging takes the lead and handover passes it, resolving
// is a dialog whose public update reaches /status, and a failing channel shows the red "nobody reached" banner.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { signInViaApi } from "./support/auth";
import { createTestUser } from "./support/db";

const tag = () => randomBytes(3).toString("hex");

async function signedIn(browser: Browser, label: string) {
  const user = await createTestUser("commander", `cmd-${label}`);
  const page = await (await browser.newContext()).newPage();
  await signInViaApi(page, user.email, user.password);
  return { page, user };
}

async function declare(
  page: Page,
  title: string,
  service: { search: string; name: string },
  options: { statusPage?: string; noCommander?: boolean; severity?: string } = {},
) {
  await page.goto("/incidents/new");
  await page.getByLabel("What is happening?").fill(title);
  await page.getByLabel("Severity").selectOption(options.severity ?? "SEV1");
  if (options.statusPage) await page.getByLabel("Public status page").selectOption({ label: options.statusPage });
  if (options.noCommander) await page.getByLabel("Incident commander").selectOption({ value: "" });
  await page.getByLabel("Affected services").fill(service.search);
  await page
    .getByRole("button", { name: new RegExp(`^${service.name}`) })
    .first()
    .click();
  await page.getByRole("button", { name: "Declare incident" }).click();
  await expect(page).toHaveURL(/\/incidents\/(?!new$)[a-z0-9]+$/);
  await expect(page.getByTestId("incident-title")).toHaveText(title);
  return new URL(page.url()).pathname;
}

test("a Payments DB incident gets the Payments DB runbook preselected, with its steps shown", async ({ browser }) => {
  const { page } = await signedIn(browser, "payments");
  await declare(page, `Payments DB down ${tag()}`, { search: "Payments", name: "Payments DB" });
  const choice = page.getByTestId("runbook-choice");
  await expect(choice.getByRole("radio", { name: /^Payments DB and Search restart/ })).toBeChecked();
  await expect(choice.getByRole("radio", { name: /^Checkout API down/ })).not.toBeVisible();
  await expect(page.getByTestId("runbook-steps")).toContainText("Restart Payments DB");
  await expect(choice.getByRole("button", { name: "Start Payments DB and Search restart" })).toBeVisible();
});

test("an incident no runbook covers has none preselected; starting one asks first", async ({ browser }) => {
  const { page } = await signedIn(browser, "uncovered");
  await declare(page, `LiveKit down ${tag()}`, { search: "LiveKit", name: "LiveKit Server" });
  const choice = page.getByTestId("runbook-choice");
  await expect(page.getByTestId("no-matching-runbook")).toBeVisible();
  await expect(choice.getByRole("radio", { checked: true })).toHaveCount(0);
  await expect(choice.getByRole("button", { name: "Choose a runbook to start" })).toBeDisabled();
  await choice.getByRole("radio", { name: /^Checkout API down/ }).check();
  await choice.getByRole("button", { name: "Start Checkout API down" }).click();
  const question = page.getByRole("alertdialog");
  await expect(question).toContainText("covers none of the affected services (LiveKit Server)");
  await expect(page.getByTestId("recovery-run")).toHaveCount(0);
  await question.getByRole("button", { name: "Start anyway" }).click();
  await expect(page.getByTestId("recovery-run")).toBeVisible();
});

test("acknowledging an unowned incident makes the acknowledger commander; handover passes it on", async ({
  browser,
}) => {
  const first = await signedIn(browser, "declarer");
  const path = await declare(
    first.page,
    `Unowned ${tag()}`,
    { search: "FreeSWITCH", name: "FreeSWITCH" },
    { noCommander: true },
  );
  await expect(first.page.getByTestId("incident-commander")).toContainText("nobody yet");
  const second = await signedIn(browser, "acker");
  await second.page.goto(path);
  await second.page.getByRole("button", { name: /^Acknowledge/ }).click();
  await expect(second.page.getByTestId("incident-commander")).toContainText(second.user.name);
  await expect(second.page.getByTestId("timeline").locator('[data-kind="commander_changed"]')).toContainText(
    "took the lead by acknowledging",
  );
  await second.page.getByLabel("Hand over to").selectOption({ label: `${first.user.name} (${first.user.email})` });
  await second.page.getByRole("button", { name: "Hand over" }).click();
  await expect(second.page.getByTestId("incident-commander")).toContainText(first.user.name);
});

test("resolving asks for a summary; the last public update appears on /status", async ({ browser }) => {
  const { page } = await signedIn(browser, "resolver");
  const title = `Public outage ${tag()}`;
  await declare(page, title, { search: "Backend Serv", name: "Backend Service" }, { statusPage: "Major outage" });
  await expect(page.getByLabel("Set status").locator("option", { hasText: "Resolved" })).toHaveCount(0);
  await page.getByRole("button", { name: "Resolve…" }).click();
  const dialog = page.getByTestId("resolve-dialog");
  await expect(dialog.getByLabel("Last public update")).not.toHaveValue("");
  await dialog.getByRole("button", { name: "Resolve incident" }).click();
  await expect(dialog).toContainText("Say in a sentence what happened");
  const update = `All clear ${tag()}: payments flow again.`;
  await dialog.getByLabel("Summary").fill("Disk full on the primary; cleaned up and added an alert.");
  await dialog.getByLabel("Last public update").fill(update);
  await dialog.getByRole("button", { name: "Resolve incident" }).click();
  await expect(page.getByTestId("incident-status")).toContainText("Resolved");
  // The status page answers from a copy at most 10 s old.
  await expect
    .poll(
      async () => {
        await page.goto("/status");
        return page.getByTestId("public-incident").filter({ hasText: title }).textContent();
      },
      { timeout: 20_000, intervals: [1000, 2000, 3000] },
    )
    .toContain(update);
});

test("a failing channel shows the red 'Nobody reached yet' banner", async ({ browser }) => {
  test.setTimeout(60_000);
  const { page } = await signedIn(browser, "paging");
  // Tier 1: the demo policy pages SMS and Slack at once; neither host exists here.
  const title = `Nobody answers ${tag()}`;
  const path = await declare(page, title, { search: "Backend Serv", name: "Backend Service" });
  await expect
    .poll(
      async () => {
        await page.goto(path);
        // Not there yet is an answer too: textContent() would wait for the element instead of reloading.
        const banner = page.getByTestId("paging-health");
        return (await banner.count()) ? ((await banner.textContent()) ?? "") : "";
      },
      { timeout: 45_000, intervals: [1000, 2000, 3000] },
    )
    .toMatch(/^Nobody reached yet: .*failing/);
  await expect(page.getByTestId("paging-health")).toContainText("SMS gateway");
  // /command names it too, linked, until someone acknowledges.
  await page.goto("/command");
  const board = page.getByTestId("paging-health-board");
  await expect(board).toContainText("Nobody reached yet");
  await expect(board).toContainText(title);
});
