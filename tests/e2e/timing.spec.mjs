// How long an interaction takes to update the page, measured in the browser with
// performance.now(): from the input event to the first DOM change it causes. The bound is a
// regression guard with a wide margin for a loaded CI machine; the figures are printed.
import { test, expect, open } from "./helpers.mjs";

/**
 * Clicks `act.click`, or sets `act.input` to `act.value` and fires input, then resolves with the
 * ms until something under `watchSelector` changes (Infinity if nothing does within 2 s).
 */
async function timeUpdate(page, watchSelector, act) {
  return page.evaluate(
    ({ watchSelector, act }) =>
      new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          observer.disconnect();
          resolve(performance.now() - start);
        });
        observer.observe(document.querySelector(watchSelector), { subtree: true, childList: true, characterData: true, attributes: true });
        setTimeout(() => resolve(Infinity), 2000);
        const start = performance.now();
        if (act.click) {
          document.querySelector(act.click).click();
        } else {
          const field = document.querySelector(act.input);
          field.value = act.value === "paste" ? window.__paste : act.value;
          field.dispatchEvent(new Event("input"));
        }
      }),
    { watchSelector, act },
  );
}

const BOUND_MS = 100;

test("interactions update the page within a frame or so", async ({ page }) => {
  const timings = {};

  await open(page, "/checklist");
  timings["toggle a checklist item"] = await timeUpdate(
    page,
    "[data-testid=progress-phase-agreement]",
    { click: "#chk-iaa-signed-done" },
  );

  await open(page, "/service-level");
  timings["answer a service-level question"] = await timeUpdate(
    page,
    ".recommendation",
    { click: "#q-financial-yes" },
  );

  await open(page, "/support/checker");
  const paste = "<p>Visit https://login.gov/contact/ for help. Our desk: (202) 555-0147.</p>\n".repeat(1400);
  expect(paste.length).toBeGreaterThan(100_000);
  await page.evaluate((text) => (window.__paste = text), paste);
  timings["check a 100 KB paste"] = await timeUpdate(
    page,
    "[data-testid=checker-summary]",
    { input: "#checker-input", value: "paste" },
  );

  await open(page, "/launch");
  await page.getByLabel("Monthly active users").fill("2,000,000");
  timings["change a staffing assumption"] = await timeUpdate(
    page,
    "[data-testid=forecast-summary]",
    { input: "#assumption-handle_time_s", value: "300" },
  );

  console.log("interaction timings (ms):", JSON.stringify(Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v * 10) / 10]))));
  for (const [name, ms] of Object.entries(timings)) expect(ms, name).toBeLessThan(BOUND_MS);
});
