// How much work an interaction makes the app do: the CPU time of the task that handles the input
// event, which includes every effect Leptos runs for it (they are microtasks of that task), read
// from a Chrome trace. The test also checks that the page really changed.
//
// The bound is one frame (16 ms) of that work on a quiet machine of this kind. CPU time does not
// grow while the thread waits for a core, and what is left of a busy or slower machine (a slower
// core, caches shared with a compiler) is cancelled out: each measurement is paired with the same
// fixed reference work (tests/perf/reference.mjs) run in the same page right after it, and the
// interaction is held to its ratio to the reference. Calibrated ms = the median ratio × the
// reference's CPU time on a quiet machine (tests/budgets.json `interactions`). More work in the
// app raises the ratio; a slower machine does not.
import { readFileSync } from "node:fs";
import { test, expect, open } from "./helpers.mjs";
import { referenceWork } from "../perf/reference.mjs";
import { markedTasks, TRACE_CATEGORIES } from "../perf/trace.mjs";

const { interactions } = JSON.parse(readFileSync(new URL("../budgets.json", import.meta.url), "utf8"));
const MARK = "interaction-timing";

/**
 * Clicks `act.click`, or sets `act.input` to `act.value` and fires input, in one task marked
 * `mark` in the trace; then reports whether anything under `watchSelector` changed.
 */
async function act(page, watchSelector, action, mark) {
  await page.evaluate(
    ({ watchSelector, action, mark }) => {
      window.__changed = false;
      window.__observer = new MutationObserver(() => (window.__changed = true));
      window.__observer.observe(document.querySelector(watchSelector), { subtree: true, childList: true, characterData: true, attributes: true });
      console.timeStamp(mark);
      if (action.click) {
        document.querySelector(action.click).click();
      } else {
        const field = document.querySelector(action.input);
        field.value = action.value === "paste" ? window.__paste : action.value;
        field.dispatchEvent(new Event("input"));
      }
      // Returning ends the task; its microtask checkpoint runs the app's effects, then the
      // observer's records: all of it inside the marked task.
    },
    { watchSelector, action, mark },
  );
  return page.evaluate(() => {
    window.__observer.disconnect();
    return window.__changed;
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * `interactions.runs` samples, each the action for that run followed by the reference work, in
 * one trace; returns the medians of the CPU times and of the pairs' ratios. `reset`, when given,
 * is an unmeasured action run before each measured one, so every sample does the same work.
 */
async function measure(page, watchSelector, actionFor, reset) {
  const browser = page.context().browser();
  // Sent as source text: the page's CSP allows no eval, but the test harness's own script runs.
  await page.evaluate(`window.__referenceWork = ${referenceWork.toString()}`);
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  const changed = [];
  for (let run = 0; run < interactions.runs; run++) {
    if (reset) await act(page, watchSelector, reset, `${MARK}:reset:${run}`);
    changed.push(await act(page, watchSelector, actionFor(run), `${MARK}:action:${run}`));
    await page.evaluate(
      ([units, mark]) => {
        console.timeStamp(mark);
        return window.__referenceWork(units);
      },
      [interactions.reference_units, `${MARK}:reference:${run}`],
    );
  }
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
  const { marks } = markedTasks(traceEvents, MARK);
  const cpu = (kind, run) => marks.find((m) => m.message === `${MARK}:${kind}:${run}`)?.cpu_ms;
  // A run whose action or reference lost its task in the trace (tests/perf/trace.mjs) measured
  // nothing and is left out; losing more than two of the runs fails.
  const pairs = [];
  for (let run = 0; run < interactions.runs; run++) {
    const pair = { ms: cpu("action", run), reference: cpu("reference", run) };
    if (pair.ms !== undefined && pair.reference !== undefined) pairs.push(pair);
  }
  expect(pairs.length, "runs found whole in the trace").toBeGreaterThanOrEqual(interactions.runs - 2);
  expect(pairs.every((p) => p.ms > 0 && p.reference > 0), "every sample took CPU time").toBe(true);
  expect(changed.every(Boolean), "every action changed the page").toBe(true);
  const ratio = median(pairs.map((p) => p.ms / p.reference));
  return {
    ms: median(pairs.map((p) => p.ms)),
    reference: median(pairs.map((p) => p.reference)),
    ratio,
    calibrated: ratio * interactions.reference_quiet_ms,
  };
}

test(`interactions update the page within one frame (${interactions.bound_ms} ms on a quiet machine)`, async ({ page }) => {
  const timings = {};

  await open(page, "/checklist");
  timings["toggle a checklist item"] = await measure(page, "[data-testid=progress-phase-agreement]", (run) => ({
    click: run % 2 === 0 ? "#chk-iaa-signed-done" : "#chk-iaa-signed-not-yet",
  }));

  await open(page, "/service-level");
  timings["answer a service-level question"] = await measure(page, ".recommendation", (run) => ({
    click: run % 2 === 0 ? "#q-financial-yes" : "#q-financial-no",
  }));

  await open(page, "/support/checker");
  const paste = "<p>Visit https://login.gov/contact/ for help. Our desk: (202) 555-0147.</p>\n".repeat(1400);
  expect(paste.length).toBeGreaterThan(100_000);
  await page.evaluate((text) => (window.__paste = text), paste);
  timings["check a 100 KB paste"] = await measure(
    page,
    "[data-testid=checker-summary]",
    () => ({ input: "#checker-input", value: "paste" }),
    { input: "#checker-input", value: "short text" },
  );

  await open(page, "/launch");
  await page.getByLabel("Monthly active users").fill("2,000,000");
  // The first change fetches the forecast's code (src/components/lazy_part.rs); measure once it is there.
  await expect(page.locator("#assumption-handle_time_s")).toBeAttached();
  timings["change a staffing assumption"] = await measure(page, ".forecast", (run) => ({
    input: "#assumption-handle_time_s",
    value: run % 2 === 0 ? "900" : "300",
  }));

  const round = (v) => Math.round(v * 100) / 100;
  console.log(`interaction timings, CPU time (median of ${interactions.runs}; the reference work takes ${interactions.reference_quiet_ms} ms on a quiet machine):`);
  for (const [name, t] of Object.entries(timings)) {
    console.log(`  ${name}: ${round(t.ms)} ms, reference ${round(t.reference)} ms, ratio ${round(t.ratio)}, calibrated ${round(t.calibrated)} ms (bound ${interactions.bound_ms} ms)`);
  }
  for (const [name, t] of Object.entries(timings)) expect(t.calibrated, `${name} (calibrated ms)`).toBeLessThan(interactions.bound_ms);
});
