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
