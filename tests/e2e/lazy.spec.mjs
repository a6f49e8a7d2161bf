// Each page's code is its own wasm chunk in the release build (src/components/lazy_page.rs,
// scripts/split-wasm.mjs). These tests hold the page to what a slow or failed chunk must not do:
// leave a blank page, lose focus, or break the app.
import { test, expect, open, appRendered, appSettled, expectNoAxeViolations } from "./helpers.mjs";

/** The request for one page's own chunk, e.g. `split_launch_page-0123456789abcdef.wasm`. */
const pageChunk = (name) => new RegExp(`/split_${name}-[0-9a-f]{16}\\.wasm$`);

/** Holds back requests matching `pattern` until the returned function is called. */
async function holdRequests(page, pattern) {
  const held = [];
  let released = false;
  await page.route(pattern, (route) => (released ? route.continue() : held.push(route)));
  return {
    count: () => held.length,
    release: async () => {
      released = true;
      for (const route of held.splice(0)) await route.continue();
    },
  };
}

function primaryLink(page, name) {
  return page.getByRole("navigation", { name: "Primary" }).getByRole("link", { name, exact: true });
}

test("the build serves each page's code as its own content-named chunk, fetched only for that page", async ({ page }) => {
  const fetched = [];
  page.on("request", (request) => {
    const name = new URL(request.url()).pathname.slice(1);
    if (name.endsWith(".wasm")) fetched.push(name);
  });
  await open(page, "/sources");
  const ownChunks = fetched.filter((name) => name.startsWith("split_"));
  expect(ownChunks, "the first load fetches the sources page's chunk and no other page's").toEqual([
    expect.stringMatching(/^split_sources_page-[0-9a-f]{16}\.wasm$/),
  ]);
  expect(fetched.every((name) => /-[0-9a-f]{16}(_bg)?\.wasm$/.test(name)), `every wasm file is named by its content: ${fetched}`).toBe(true);

  fetched.length = 0;
  await primaryLink(page, "Checklist").click();
  await expect(page.locator("h1")).toHaveText(/checklist/i);
  expect(fetched.filter((name) => name.startsWith("split_"))).toEqual([expect.stringMatching(/^split_checklist_page-/)]);

  // Back to a page whose code is here already: nothing is fetched again.
  fetched.length = 0;
  await page.goBack();
  await expect(page).toHaveURL(/\/sources$/);
  await expect(page.locator("h1")).toBeFocused();
  expect(fetched).toEqual([]);
});

test("a slow page shows progress after about 300 ms, then the page, with focus on its heading", async ({ page }) => {
  await open(page, "/");
  const chunk = await holdRequests(page, pageChunk("launch_page"));
  await primaryLink(page, "Launch").click();
  await expect(page).toHaveURL(/\/launch$/);
  await expect.poll(chunk.count).toBe(1);

  const progress = page.getByRole("status").filter({ hasText: "Loading this page" });
  // Hidden by the stylesheet for the first 300 ms, so a quick load shows nothing.
  expect(await progress.evaluate((el) => getComputedStyle(el).animationDelay)).toBe("0.3s");
  await expect(progress).toBeVisible();
  await expect(page.locator("h1")).toHaveCount(0);
  // The shell stays: the user can go elsewhere while they wait.
  await expect(primaryLink(page, "Home")).toBeVisible();
  await expectNoAxeViolations(page);

  await chunk.release();
  await expect(page.locator("h1")).toHaveText(/launch/i);
  await expect(page.locator("h1")).toBeFocused();
  await expect(progress).toHaveCount(0);
});

test.describe("a page whose code does not arrive", () => {
  test.use({ expectedConsoleErrors: /Failed to load resource|Failed to fetch|net::ERR_FAILED|TypeError/ });

  test("after a navigation: a clear message and a retry that loads the page", async ({ page }) => {
    await open(page, "/");
    await page.route(pageChunk("checklist_page"), (route) => route.abort("failed"));
    await primaryLink(page, "Checklist").click();

    const heading = page.locator("h1");
    await expect(heading).toHaveText("This page did not load");
    await expect(heading).toBeFocused();
    await expect(page.getByRole("alert")).toContainText("could not download this page's code");
    await expect(page.getByRole("alert")).toContainText("Your saved work is not affected");
    await expectNoAxeViolations(page);

    // Still failing: the retry fails the same way, without breaking the app.
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(heading).toHaveText("This page did not load");

    await page.unroute(pageChunk("checklist_page"));
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(heading).toHaveText(/checklist/i);
    await expect(heading).toBeFocused();
    // The rest of the app still works.
    await primaryLink(page, "Sources").click();
    await expect(heading).toHaveText("Sources");
  });

  test("on the first load: the app replaces the first view with the message, and the retry works", async ({ page }) => {
    await page.route(pageChunk("home_page"), (route) => route.abort("failed"));
    await page.goto("/");
    await appRendered(page);
    await expect(page.locator("h1")).toHaveText("This page did not load");
    await expect(page.getByText("Loading the portal")).toHaveCount(0);
    await expectNoAxeViolations(page);

    await page.unroute(pageChunk("home_page"));
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(page.locator("h1")).not.toHaveText("This page did not load");
    await expect(page.locator("h1")).toBeFocused();
  });
});

/** Records the wasm files and `/config.json` requests the page makes, by name. */
function recordFetches(page) {
  const fetched = [];
  page.on("request", (request) => {
    const name = new URL(request.url()).pathname.slice(1);
    if (name.endsWith(".wasm") || name === "config.json") fetched.push(name);
  });
  return {
    has: (prefix) => fetched.some((name) => name.startsWith(prefix)),
    clear: () => (fetched.length = 0),
  };
}

test("on /launch the forecast and downloads load with the first change to the form, not before", async ({ page }) => {
  const fetched = recordFetches(page);
  await open(page, "/launch");
  await appSettled(page);
  expect(fetched.has("split_launch_results-"), "the forecast's code is not part of the first load").toBe(false);
  await expect(page.locator("[data-lazy-part=waiting]")).toHaveCount(1);
  await expect(page.locator("#forecast-heading")).toHaveCount(0);
  // The submit area says where requests go, so the sender starts with the page.
  expect(fetched.has("config.json")).toBe(true);

  await page.getByLabel("Application URL").fill("https://benefits.example.gov");
  await expect(page.locator("#forecast-heading")).toBeAttached();
  expect(fetched.has("split_launch_results-")).toBe(true);
  await expect(page.locator("[data-lazy-part]")).toHaveCount(0);
  // Focus stays where the user is typing.
  await expect(page.getByLabel("Application URL")).toBeFocused();
  await expect(page.getByTestId("forecast-summary")).not.toBeEmpty();
  await expect(page.getByLabel(/^Launch request text/)).toHaveValue(/https:\/\/benefits\.example\.gov/);
  await expectNoAxeViolations(page);

  // Coming back to a draft: its forecast is there without another change.
  await page.reload();
  await appRendered(page);
  await expect(page.locator("#forecast-heading")).toBeAttached();
  // Arriving does not move focus into the part (only a retry after a failure does).
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
});

test("on /launch the forecast loads when the reader comes near it, without typing", async ({ page }) => {
  const fetched = recordFetches(page);
  await open(page, "/launch");
  await page.getByRole("heading", { name: "Submit", exact: true }).scrollIntoViewIfNeeded();
  await expect(page.locator("#forecast-heading")).toBeAttached();
  expect(fetched.has("split_launch_results-")).toBe(true);
  await expect(page.getByTestId("forecast-chart")).toBeVisible();
});

test("the sender's code and the configuration are fetched only where they are needed", async ({ page }) => {
  const fetched = recordFetches(page);
  await open(page, "/");
  await appSettled(page);
  expect(fetched.has("split_outbox_sender-"), "nothing to send: no sender").toBe(false);
  expect(fetched.has("config.json")).toBe(false);

  // A request from an earlier visit waits in the outbox: the sender starts at once, on any page.
  await page.getByLabel("Agency name").fill("Department of Examples");
  await expect.poll(() => page.evaluate(() => localStorage.getItem("lgp-readiness-record") ?? "")).toContain("Department of Examples");
  await page.evaluate(() => {
    const key = "lgp-readiness-record";
    const record = JSON.parse(localStorage.getItem(key));
    record.launch.outbox.push({ idempotency_key: "11111111-2222-4333-8444-555555555555", payload: { schema: "probe" }, queued_at: "2026-12-01T10:00:00Z", attempts: 1, last_error: "" });
    localStorage.setItem(key, JSON.stringify(record));
  });
  await page.route("**/api/launch-requests", () => {}); // held: the test needs only the attempt
  fetched.clear();
  await page.reload();
  await appRendered(page);
  await expect.poll(() => fetched.has("config.json")).toBe(true);
  expect(fetched.has("split_outbox_sender-")).toBe(true);
});
