// The static first view in index.html (#first-view): the page shell and an introduction,
// painted from HTML and CSS before the wasm arrives. The app removes it in the task that puts
// the first page on screen (src/browser.rs, show_app), which may be after the page's own code
// chunk arrives. These tests hold it to what makes it worth having: it matches the app's
// shell (nothing moves when the app replaces it), passes axe, is never on screen together with
// the app, and stays the largest thing painted, so Lighthouse's LCP is the first view's paint
// and does not wait for the wasm.
import { test, expect, appRendered, appSettled, expectNoAxeViolations, appRoutes } from "./helpers.mjs";

// Lighthouse's mobile screen (its default), and a desktop one.
const MOBILE = { width: 412, height: 823 };
const DESKTOP = { width: 1280, height: 800 };

/** Loads `path` with the wasm held back, so the first view stays; returns a function that lets the wasm through. */
async function openFirstView(page, path) {
  // The main module and, once it runs, the page's code chunks: all held until released.
  const waiting = [];
  let released = false;
  let firstHeld;
  const held = new Promise((resolve) => (firstHeld = resolve));
  await page.route("**/*.wasm", (route) => {
    if (released) return route.continue();
    waiting.push(route);
    firstHeld();
  });
  await page.goto(path);
  await held;
  return () => {
    released = true;
    for (const route of waiting.splice(0)) route.continue();
  };
}

/** Where the shell's parts are, and what the navigation holds. */
function shell(page) {
  return page.evaluate(() => {
    const box = (selector) => {
      const found = document.querySelectorAll(selector);
      if (found.length !== 1) return `${found.length} elements match ${selector}`;
      const r = found[0].getBoundingClientRect();
      return [r.x, r.y, r.width, r.height].map((v) => Math.round(v * 10) / 10);
    };
    return {
      banner: box("section.usa-banner"),
      bannerText: document.querySelector("section.usa-banner")?.innerText,
      header: box("header.site-header"),
      title: box(".site-header__title"),
      nav: box("nav.site-nav"),
      mainTop: document.querySelector("main#main-content")?.getBoundingClientRect().y,
      links: [...document.querySelectorAll("nav.site-nav a")].map((a) => `${a.textContent} ${a.getAttribute("href")}`),
    };
  });
}

for (const [name, viewport] of [["mobile", MOBILE], ["desktop", DESKTOP]]) {
  test(`the first view shows the app's shell (${name}), passes axe, and the app takes its place`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const release = await openFirstView(page, "/");
    await expect(page.locator("#first-view")).toBeVisible();
    await expect(page.locator("#first-view main#main-content")).toContainText("Login.gov");
    await expect(page.locator("h1#page-heading")).toHaveCount(0);
    const before = await shell(page);
    await expectNoAxeViolations(page);
    // No phone number of any kind, in any layout.
    const text = await page.locator("body").innerText();
    expect(text).not.toMatch(/\d{3}\D{0,3}\d{3}\D{0,3}\d{4}/);
    expect(await page.content()).not.toMatch(/tel:/i);

    release();
    await appRendered(page);
    const after = await shell(page);
    expect(after, "the app's shell sits exactly where the first view's was").toEqual(before);
    // Nothing of the first view is left behind: one of each landmark, no repeated ids.
    await expect(page.locator("main")).toHaveCount(1);
    await expect(page.locator("section.usa-banner")).toHaveCount(1);
    await expect(page.locator(".usa-skipnav")).toHaveCount(1);
    await expect(page.getByText("Loading the portal")).toHaveCount(0);
    const ids = await page.evaluate(() => [...document.querySelectorAll("[id]")].map((e) => e.id));
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    await expectNoAxeViolations(page);
  });
}

// Every route, and the not-found page: the budgets measure three of them, and the first view is
// the same for all.
const ROUTES = [...appRoutes(), "/no-such-page"];

// With each chunk of page code held back for a second, as on a slow connection, the first view
// must stay on screen the whole time, not give way to an empty app.
const CHUNK_DELAY_MS = 1000;

for (const path of ROUTES) for (const delayed of [false, true]) {
  const how = delayed ? ` (page code ${CHUNK_DELAY_MS} ms late)` : "";
  test(`${path}: the app replaces the first view in one frame, nothing shifts, and the LCP stays the first view's${how}`, async ({ page }) => {
    await page.setViewportSize(MOBILE);
    let delayedChunks = 0;
    if (delayed) {
      await page.route(/\/(split_|chunk_)[^/]*\.wasm$/, async (route) => {
        delayedChunks += 1;
        await new Promise((wait) => setTimeout(wait, CHUNK_DELAY_MS));
        await route.continue();
      });
    }
    await page.addInitScript(() => {
      const seen = (window.__firstView = { frames: [], shifts: 0, lcp: [] });
      // Before every frame is painted: is the first view there, is the app there?
      const sample = () => {
        const view = document.getElementById("first-view") !== null;
        const app = document.getElementById("page-heading") !== null;
        const last = seen.frames.at(-1);
        if (!last || last.view !== view || last.app !== app) seen.frames.push({ view, app });
        requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) seen.shifts += entry.value;
      }).observe({ type: "layout-shift", buffered: true });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          const element = entry.element;
          seen.lcp.push({
            size: entry.size,
            inFirstView: Boolean(element?.closest("#first-view")),
            element: element ? `${element.tagName.toLowerCase()}.${[...element.classList].join(".")} "${element.textContent.trim().slice(0, 40)}"` : "(removed)",
          });
        }
      }).observe({ type: "largest-contentful-paint", buffered: true });
    });
    await page.goto(path);
    // Once nothing is on its way, a few more frames show whatever the app drew last; then read
    // what was observed.
    await appSettled(page);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(done)))));
    const seen = await page.evaluate(() => window.__firstView);
    // Frames before the body was parsed show neither.
    while (seen.frames.length && !seen.frames[0].view && !seen.frames[0].app) seen.frames.shift();

    expect(seen.frames, "frames go from the first view alone to the app alone").toEqual([
      { view: true, app: false },
      { view: false, app: true },
    ]);
    expect(seen.shifts, "cumulative layout shift").toBe(0);
    expect(seen.lcp.length).toBeGreaterThan(0);
    if (delayed && path !== "/no-such-page") expect(delayedChunks, "the route's page code came in chunks").toBeGreaterThan(0);
    const outgrown = seen.lcp.filter((entry) => !entry.inFirstView);
    expect(outgrown, `the app painted something larger than the first view's largest element ${JSON.stringify(seen.lcp[0])}, so Lighthouse's LCP waits for the wasm`).toEqual([]);
  });
}
