import { test, expect, open, expectNoAxeViolations } from "./helpers.mjs";

const routes = [
  { path: "/", heading: "Get ready to launch with Login.gov" },
  { path: "/service-level", heading: "Choose your service level" },
  { path: "/checklist", heading: "Launch checklist" },
  { path: "/review", heading: "Review and sign off" },
  { path: "/support", heading: "Support kit" },
  { path: "/support/links", heading: "Login.gov links for your users" },
  { path: "/support/checker", heading: "Check your content" },
  { path: "/support/email", heading: "Launch announcement email" },
  { path: "/support/faq", heading: "Agency FAQ for your help desk" },
  { path: "/launch", heading: "Launch request and staffing forecast" },
  { path: "/sources", heading: "Sources" },
  { path: "/no-such-page", heading: "Page not found" },
];

for (const route of routes) {
  test(`${route.path} renders with a title, landmarks and no axe violations`, async ({ page }) => {
    await open(page, route.path);
    await expect(page.locator("h1")).toHaveText(route.heading);
    await expect(page).toHaveTitle(`${route.heading} | Login.gov partner readiness portal`);
    await expect(page.locator("main#main-content")).toHaveCount(1);
    await expect(page.getByRole("navigation", { name: "Primary" })).toBeVisible();
    await expect(page.locator("footer")).toContainText("last verified");
    await expectNoAxeViolations(page);
  });
}

test("navigating moves focus to the new page's heading and sets the title", async ({ page }) => {
  await open(page, "/");
  await page.getByRole("navigation", { name: "Primary" }).getByRole("link", { name: "Sources" }).click();
  await expect(page).toHaveURL(/\/sources$/);
  await expect(page.locator("h1")).toBeFocused();
  await expect(page).toHaveTitle(/^Sources \|/);
  await expect(page.getByRole("link", { name: "Sources", exact: true }).first()).toHaveAttribute("aria-current", "page");
});

test("the skip link is the first tab stop and moves focus to main", async ({ page }) => {
  await open(page, "/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main-content")).toBeFocused();
});

test("the government banner opens and closes from the keyboard", async ({ page }) => {
  await open(page, "/");
  const button = page.getByRole("button", { name: "Here’s how you know" });
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await button.focus();
  await page.keyboard.press("Enter");
  await expect(button).toHaveAttribute("aria-expanded", "true");
  await expect(page.locator("#gov-banner-panel")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the sources page lists every source with an https link and a date", async ({ page }) => {
  await open(page, "/sources");
  const rows = page.locator("tbody tr");
  expect(await rows.count()).toBeGreaterThanOrEqual(10);
  for (const href of await rows.locator("a").evaluateAll((links) => links.map((a) => a.href))) {
    expect(href).toMatch(/^https:\/\//);
  }
  await expect(rows.first().locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}$/);
});

test("the page's Content-Security-Policy forbids inline and eval'd script", async ({ page }) => {
  await open(page, "/");
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  const scriptSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src"));
  expect(scriptSrc).toContain("'self'");
  expect(scriptSrc).toContain("'wasm-unsafe-eval'");
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  expect(scriptSrc).not.toContain("CSP-LOADER-HASH");
});

test("navigation links keep their contrast under the mouse", async ({ page }) => {
  await open(page, "/");
  const nav = page.getByRole("navigation", { name: "Primary" });
  // The current page's link and another one.
  for (const name of ["Home", "Sources"]) {
    await nav.getByRole("link", { name, exact: true }).hover();
    await expectNoAxeViolations(page);
  }
});
