// The look at both widths the portal is held to, 1280 and 375 px: screenshots of the main
// routes in test-results/look/ for a person to compare, and checks of what they show: the
// navigation folds behind the USWDS menu button on a phone, so the first screen shows the
// page's purpose; section headings and fieldsets have room above them; the home cards line up.
import { join } from "node:path";
import { test, expect, open, expectNoAxeViolations } from "./helpers.mjs";

const ROUTES = ["/", "/service-level", "/checklist", "/review", "/support/checker", "/launch"];

/** Vertical gap between an element and the visible element before it in the page's flow. */
function gapsAbove(page, selector) {
  return page.locator(selector).evaluateAll((elements) =>
    elements
      .filter((e) => e.getClientRects().length > 0)
      .map((e) => {
        let previous = e.previousElementSibling;
        while (previous && previous.getClientRects().length === 0) previous = previous.previousElementSibling;
        const above = previous ?? e.parentElement;
        const top = e.getBoundingClientRect().top;
        const edge = previous ? above.getBoundingClientRect().bottom : above.getBoundingClientRect().top;
        return { text: e.textContent.trim().slice(0, 40), gap: Math.round(top - edge), first: !previous };
      }),
  );
}

for (const width of [1280, 375]) {
  test(`screenshots and spacing at ${width} px`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height: 900 });
    for (const route of ROUTES) {
      await open(page, route);
      const name = route === "/" ? "home" : route.slice(1).replace(/\//g, "-");
      await page.screenshot({ path: join(testInfo.project.outputDir, "look", `${name}-${width}.png`), fullPage: true });
      // Every section heading that follows other content has at least 2 rem above it.
      for (const h of await gapsAbove(page, "main h2")) {
        if (!h.first) expect(h.gap, `${route}: space above the heading “${h.text}”`).toBeGreaterThanOrEqual(32);
      }
      // A fieldset never touches the field or text above it.
      for (const f of await gapsAbove(page, "main fieldset")) {
        if (!f.first) expect(f.gap, `${route}: space above the fieldset “${f.text}”`).toBeGreaterThanOrEqual(16);
      }
      // No heading without anything under it.
      const empty = await page.locator("main h3").evaluateAll((hs) => hs.filter((h) => !h.nextElementSibling || h.nextElementSibling.textContent.trim() === "").map((h) => h.textContent));
      expect(empty, `${route}: headings over nothing`).toEqual([]);
    }
  });
}

test("on a phone the navigation folds behind the menu button and the first screen shows the page's purpose", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 667 });
  await open(page, "/checklist");
  const menu = page.getByRole("button", { name: "Menu" });
  const nav = page.getByRole("navigation", { name: "Primary" });
  await expect(menu).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav.getByRole("link", { name: "Home" })).toBeHidden();
  await expect(page.locator("h1")).toBeInViewport({ ratio: 1 });
  await expect(page.locator("main .usa-intro")).toBeInViewport();
  await expectNoAxeViolations(page);

  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(nav.getByRole("link", { name: "Launch" })).toBeVisible();
  await expectNoAxeViolations(page);
  await nav.getByRole("link", { name: "Launch" }).click();
  await expect(page.locator("h1")).toBeFocused();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav.getByRole("link", { name: "Home" })).toBeHidden();

  // On a desktop there is no menu button and the links are in the header.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(menu).toBeHidden();
  await expect(nav.getByRole("link", { name: "Home" })).toBeVisible();
});

test("the home cards share their height and their links line up", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await open(page, "/");
  const cards = await page.locator(".role").evaluateAll((all) =>
    all.map((card) => {
      const box = card.getBoundingClientRect();
      const link = card.querySelector(".role__start").getBoundingClientRect();
      return { top: Math.round(box.top), height: Math.round(box.height), linkBottom: Math.round(link.bottom) };
    }),
  );
  // Four roles, two rows of two.
  expect(cards).toHaveLength(4);
  for (const row of [cards.slice(0, 2), cards.slice(2)]) {
    expect(new Set(row.map((c) => c.top)).size, "one row").toBe(1);
    expect(new Set(row.map((c) => c.height)).size, "equal heights").toBe(1);
    expect(new Set(row.map((c) => c.linkBottom)).size, "links aligned").toBe(1);
  }
  expect(cards[2].top, "the second row below the first").toBeGreaterThan(cards[0].top);
});

test("the service-level page shows no empty “Why” before any answer", async ({ page }) => {
  await open(page, "/service-level");
  await expect(page.getByRole("heading", { name: "Why", exact: true })).toHaveCount(0);
  await page.locator('label[for="q-financial-yes"]').click();
  await expect(page.getByRole("heading", { name: "Why", exact: true })).toBeVisible();
  await expect(page.getByTestId("reasons").locator("li").first()).toBeVisible();
});
