// Shared end-to-end checks: every page is watched for console errors, CSP violations and
// requests that leave this machine.
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { test as base, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

export const test = base.extend({
  // Console errors a test causes on purpose (a receiver that is down), as one regular expression.
  expectedConsoleErrors: [null, { option: true }],
  page: async ({ page, expectedConsoleErrors }, use) => {
    const problems = [];
    page.on("console", (msg) => {
      const text = msg.text();
      if (expectedConsoleErrors?.test(text) && !/Content Security Policy|Refused to/i.test(text)) return;
      if (msg.type() === "error" || /Content Security Policy|Refused to/i.test(text)) problems.push(`console: ${text}`);
    });
    page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
    page.on("request", (req) => {
      const url = new URL(req.url());
      if (!["127.0.0.1", "localhost"].includes(url.hostname) && url.protocol !== "blob:" && url.protocol !== "data:")
        problems.push(`external request: ${req.url()}`);
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    await use(page);
    expect(problems, "console errors, CSP violations or external requests").toEqual([]);
  },
});

export { expect };

/** Loads a route of the app and waits until the Rust app has rendered. */
export async function open(page, path) {
  await page.goto(path);
  await appRendered(page);
}

/**
 * Waits until the Rust app has rendered. index.html paints a static first view (#first-view)
 * while the wasm loads, and src/main.rs removes it right after mounting the app, so its absence
 * and the page's own heading (which only the app renders) mean the app is on screen.
 */
export async function appRendered(page) {
  // The first render includes compiling the wasm, which a loaded machine can make slow.
  await expect(page.locator("#first-view")).toHaveCount(0, { timeout: 15_000 });
  await expect(page.locator("h1#page-heading")).toBeVisible();
  // Long pages build their lower parts a task later (src/components/deferred.rs).
  await expect(page.locator("[data-deferred=pending]")).toHaveCount(0);
}

/**
 * Waits until the app has rendered and nothing is on its way: no page or part code, and no
 * configuration read, in flight. The app marks that time itself (`<html data-busy>`, see
 * `browser::Busy`), so tests wait for its signal rather than for the network to fall quiet.
 */
export async function appSettled(page) {
  await appRendered(page);
  await expect(page.locator("html[data-busy]")).toHaveCount(0);
}

/** Zero WCAG 2.1 A and AA violations on the page as it is now. */
export async function expectNoAxeViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary).toEqual([]);
}

/**
 * Clicks the button that starts a download and returns the file's suggested name, the path it
 * was saved to (under `saveAs`, when given, for a test that imports it by that name) and its text.
 */
export async function downloadText(page, buttonName, testInfo, saveAs) {
  const started = page.waitForEvent("download");
  await page.getByRole("button", { name: buttonName, exact: true }).click();
  const download = await started;
  const path = testInfo.outputPath(saveAs ?? `${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(path);
  return { name: download.suggestedFilename(), path, text: await readFile(path, "utf8") };
}

/**
 * The paths of every routed page, from tests/routes.json, which a host test writes from the app's
 * own list (core/src/routes.rs) and keeps current. Synchronous, so a spec can make one test per route.
 */
export function appRoutes() {
  const routes = JSON.parse(readFileSync(new URL("../routes.json", import.meta.url), "utf8"));
  return routes.all.map((page) => page.path);
}

/** The local date `days` from today, as YYYY-MM-DD. */
export function isoDaysAhead(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** The ISO date `days` after `iso`. */
export function isoPlus(iso, days) {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Fills a valid launch request on /launch for the given agency and application; the deploy date
 * is the first the page itself offers, and users arrive `launchAfterDeploy` days later.
 */
export async function fillLaunchForm(page, { agency = "Department of Examples", application = "Benefits Portal", users = "12,000", launchAfterDeploy = 7, published = false, spanish = 0 } = {}) {
  await open(page, "/");
  await page.getByLabel("Agency name").fill(agency);
  await page.getByLabel("Application name").fill(application);
  await open(page, "/launch");
  await page.getByLabel("Application URL").fill("https://benefits.example.gov");
  await page.getByLabel("Audience").selectOption("general-public");
  await page.getByLabel("Agreement number").fill("LGABCFY210001-0001-0000");
  await page.locator('label[for="launch-push_notifications-no"]').click();
  await page.getByLabel("Requested deploy date").fill(isoDaysAhead(7));
  await page.getByTestId("next-dates").getByRole("button").first().click();
  const deploy = await page.getByLabel("Requested deploy date").inputValue();
  await page.getByLabel("Desired launch date").fill(isoPlus(deploy, launchAfterDeploy));
  await page.getByLabel("Monthly active users").fill(users);
  await page.getByLabel("Estimated annual registrations").fill("5000");
  await page.getByLabel("Estimated annual authentications").fill("100000");
  await page.getByLabel("Program-management contacts").fill("Pat Lee, Program Manager, pm@example.gov, 202-555-0101");
  await page.getByLabel("Technical-support contacts").fill("Dev Lead, dev@example.gov\nOps Desk, ops@example.gov");
  await page.getByLabel("Billing contacts").fill("Budget Office, billing@example.gov");
  await page.getByLabel("Your help desk's phone number").fill("202-555-0100");
  await page.getByLabel("Share of users new to Login.gov (%)").fill("60");
  // Always both: the draft keeps what an earlier request on this page set.
  await page.getByLabel("English (%)").fill(String(100 - spanish));
  await page.getByLabel("Spanish (%)").fill(String(spanish));
  await page.locator(`label[for="launch-phone_published-${published ? "yes" : "no"}"]`).click();
  return { deploy, launch: isoPlus(deploy, launchAfterDeploy) };
}
