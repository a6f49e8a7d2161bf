// Benchmark of the staffing planner (/staffing) at scale, in headless Chromium against the release
// build in dist/ (run `trunk build --release` first). A measurement, not a test: it prints figures
// and writes them to test-results/staffing-bench.json.
//   node scripts/staffing-bench.mjs [--count 1000] [--runs 5] [--dist DIR]
// Requests: `count` copies of core/tests/golden/planner/request.json (written by the same code
// as /launch; tests/perf/launch-requests.mjs varies keys, names, sizes and dates).
// Figures (milliseconds, median and worst of `runs`, each run in a fresh browser context):
//   - import and plan: from the file picker's change event to the first frame after the plan for
//     every request is on the page (reading the files, checking them, forecasting, drawing);
//   - switch one launch off: from the checkbox's click to the page updated, with style and
//     layout done (the work that must fit in one 16.7 ms frame);
//   - change an assumption: the same from an input event in "Average handle time" (which sizes
//     agents only) and in "Contact rate" (which changes every launch's contacts).
// (The browser's own Event Timing, input to next paint, is no help here: headless Chromium
// without a GPU takes 24 to 56 ms to paint a frame even for a pointer moving over the page.)
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";
import { generateRequests } from "../tests/perf/launch-requests.mjs";
import { startDistServer } from "./dist-server.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const count = Number(option("--count", 1000));
const runs = Number(option("--runs", 5));
const dist = resolve(root, option("--dist", "dist"));
const FRAME_MS = 1000 / 60;

/**
 * Runs `act` in the page and returns the milliseconds of work before the browser can draw the
 * next frame: until the last change to the page (Leptos applies signal changes in microtasks
 * after the event), plus the style and layout that change needs.
 */
async function timeUpdate(page, act) {
  return page.evaluate(async (act) => {
    const summary = document.querySelector('[data-testid="plan-summary"]');
    const before = summary.textContent;
    let last = 0;
    const observer = new MutationObserver(() => {
      last = performance.now();
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    const start = performance.now();
    // eslint-disable-next-line no-new-func
    new Function(act)();
    await new Promise((r) => setTimeout(r, 0));
    observer.disconnect();
    const layoutStart = performance.now();
    document.querySelector('[data-testid="plan-chart"]').getBoundingClientRect();
    const layout = performance.now() - layoutStart;
    if (summary.textContent === before) throw new Error("the plan did not change");
    return last - start + layout;
  }, act);
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], worst: sorted[sorted.length - 1], runs: values.map((v) => Math.round(v * 10) / 10) };
}

const template = JSON.parse(readFileSync(join(root, "core/tests/golden/planner/request.json"), "utf8"));
const files = generateRequests(template, count);
const megabytes = files.reduce((s, f) => s + f.buffer.length, 0) / 1e6;
const server = await startDistServer(dist);
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const importMs = [];
const switchMs = [];
const assumptionMs = [];
const contactMs = [];
try {
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.origin}/staffing`);
    await page.getByTestId("keeping").getByText("Saved in this browser’s database.").waitFor({ timeout: 30_000 });
    await page.evaluate((count) => {
      window.__planned = new Promise((resolve) => {
        let start = 0;
        document.addEventListener("change", (e) => {
          if (e.target.id === "import-requests") start = performance.now();
        }, true);
        const done = () => document.querySelector('[data-testid="launch-count"]')?.textContent.includes(`${count} of ${count} launches`);
        new MutationObserver((_, observer) => {
          if (start && done()) {
            observer.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - start));
          }
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      });
    }, count);
    await page.getByLabel("Launch request files").setInputFiles(files);
    importMs.push(await page.evaluate(() => window.__planned));
    for (let i = 0; i < 5; i++) {
      switchMs.push(await timeUpdate(page, `document.getElementById("include-${i}").click()`));
    }
    // Handle time sizes agents only; the contact rate changes every launch's contacts.
    for (const [field, values, into] of [
      ["planner-assumption-handle_time_s", ["200", "240", "180", "300", "190"], assumptionMs],
      ["planner-assumption-contact_rate_pct", ["1.2", "0.8", "1.5", "1.1", "1"], contactMs],
    ]) {
      await page.locator(`#${field}`).scrollIntoViewIfNeeded();
      for (const value of values) {
        into.push(await timeUpdate(page, `const f = document.getElementById("${field}"); f.value = "${value}"; f.dispatchEvent(new Event("input", { bubbles: true }));`));
      }
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.stop();
}

const result = {
  count,
  megabytes: Math.round(megabytes * 10) / 10,
  import_and_plan_ms: stats(importMs),
  switch_one_off_ms: stats(switchMs),
  change_sizing_assumption_ms: stats(assumptionMs),
  change_contact_assumption_ms: stats(contactMs),
  frame_ms: FRAME_MS,
};
mkdirSync(join(root, "test-results"), { recursive: true });
writeFileSync(join(root, "test-results/staffing-bench.json"), `${JSON.stringify(result, null, 2)}\n`);
const line = (name, s, limit) => `${name.padEnd(28)} median ${s.median.toFixed(1).padStart(8)} ms   worst ${s.worst.toFixed(1).padStart(8)} ms   (${limit})`;
console.log(`Staffing planner, ${count} requests (${result.megabytes} MB of JSON), ${runs} runs in Chromium:`);
console.log(line("import and plan", result.import_and_plan_ms, "target: under 1,000 ms"));
console.log(line("switch one launch off", result.switch_one_off_ms, `target: one frame, ${FRAME_MS.toFixed(1)} ms`));
console.log(line("change the handle time", result.change_sizing_assumption_ms, `target: one frame, ${FRAME_MS.toFixed(1)} ms`));
console.log(line("change the contact rate", result.change_contact_assumption_ms, `target: one frame, ${FRAME_MS.toFixed(1)} ms`));
