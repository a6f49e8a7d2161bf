// The staffing planner (/staffing): requests made by the /launch page itself imported with a
// broken file, the plan's flags, its chart against its table, what-if switches, the exports, and
// the workspace kept in IndexedDB across reloads, with a thousand requests and with a full disk.
import { writeFile, readFile } from "node:fs/promises";
import { test, expect, open, appRendered, expectNoAxeViolations, downloadText, fillLaunchForm } from "./helpers.mjs";
import { generateRequests } from "../perf/launch-requests.mjs";

test.describe.configure({ timeout: 300_000 });

/** Makes a request on /launch (saved, as no endpoint is configured) and downloads its JSON. */
async function launchRequest(page, testInfo, options, fileName) {
  await fillLaunchForm(page, options);
  await page.getByRole("button", { name: "Submit the launch request" }).click();
  await expect(page.getByTestId("receipts").locator("li")).toHaveCount(1 + (options.earlier ?? 0));
  const file = await downloadText(page, "Download JSON", testInfo, fileName);
  return { ...file, request: JSON.parse(file.text) };
}

/** The label of a launch's in-the-plan checkbox (USWDS draws the box on the label). */
function switchLabel(page, name) {
  return page.getByTestId("launch-list").locator("label").filter({ hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) });
}

/** Per day of the chart, the height of its stacked bar, from the layers' paths. */
async function chartBars(page) {
  const paths = await page.getByTestId("plan-chart").locator("path.chart-layer").evaluateAll((list) => list.map((p) => p.getAttribute("d")));
  const bars = new Map();
  for (const d of paths) {
    for (const [, x, base, top] of d.matchAll(/M([\d.]+),([\d.]+)V([\d.]+)H[\d.]+V[\d.]+Z/g)) {
      const key = Number(x).toFixed(1);
      bars.set(key, (bars.get(key) ?? 0) + (Number(base) - Number(top)));
    }
  }
  return [...bars.entries()].sort((a, b) => Number(a[0]) - Number(b[0])).map(([, h]) => h);
}

/** The plan table's rows: date, contacts, flags and launching. */
async function tableRows(page) {
  return page.getByTestId("plan-table").locator("tbody tr").evaluateAll((rows) =>
    rows.map((r) => {
      const cells = [...r.children].map((c) => c.textContent);
      return { date: cells[0], contacts: Number(cells[1]), phoneAgents: Number(cells[8]), separate: Number(cells[9]), flags: cells[11], launching: cells[12] };
    }),
  );
}

async function openTable(page) {
  const details = page.locator("details.plan-data");
  if (!(await details.evaluate((d) => d.open))) await details.locator("summary").click();
  await expect(page.getByTestId("plan-table").locator("tbody tr").first()).toBeVisible();
}

/** The chart's bars and the table's contacts agree day by day (each relative to its largest). */
async function expectChartMatchesTable(page) {
  await openTable(page);
  const rows = await tableRows(page);
  const withContacts = rows.filter((r) => r.contacts > 0);
  const bars = await chartBars(page);
  expect(bars.length, "a bar for every day with contacts").toBe(withContacts.length);
  const maxBar = Math.max(...bars);
  const maxContacts = Math.max(...rows.map((r) => r.contacts));
  withContacts.forEach((row, i) => {
    expect(Math.abs(bars[i] / maxBar - row.contacts / maxContacts), `${row.date}: bar against table`).toBeLessThan(0.01);
  });
  expect(await page.getByTestId("chart-max").textContent()).toBe(Math.round(maxContacts).toLocaleString("en-US"));
  return rows;
}

test("three requests made on /launch, one imported twice and one with the number published, plus a broken file", async ({ page, browser }, testInfo) => {
  await page.route("**/config.json", (route) => route.fulfill({ json: { submission_endpoint: null } }));
  const a = await launchRequest(page, testInfo, { agency: "Department of Examples", application: "Benefits Portal", users: "40,000", launchAfterDeploy: 7 }, "benefits.json");
  const b = await launchRequest(page, testInfo, { agency: "Office of Tests", application: "Grants", users: "90,000", launchAfterDeploy: 9, spanish: 40, earlier: 1 }, "grants.json");
  const c = await launchRequest(page, testInfo, { agency: "Bureau of Samples", application: "Permits", users: "25,000", launchAfterDeploy: 7, published: true, earlier: 2 }, "permits.json");
  expect(new Set([a, b, c].map((r) => r.request.idempotency_key)).size, "three submissions, three keys").toBe(3);
  const sameDay = a.request.launch.user_launch_date;
  expect(c.request.launch.user_launch_date).toBe(sameDay);
  const broken = testInfo.outputPath("broken.json");
  await writeFile(broken, '{"schema": "login-gov-partner-launch-request", "version": 2, ');

  await open(page, "/staffing");
  await expect(page.getByTestId("keeping")).toHaveText("Saved in this browser’s database.");
  await expect(page.getByTestId("staffing-empty")).toBeVisible();
  await expectNoAxeViolations(page);

  const picker = page.getByLabel("Launch request files");
  await picker.setInputFiles([a.path, b.path, c.path, broken]);
  const results = page.getByTestId("import-results");
  await expect(results).toBeFocused();
  await expect(results.locator("h3")).toHaveText("Imported 3 of 4");
  await expect(page.getByTestId("import-errors")).toHaveText(/^broken\.json is not JSON \(line 1, column \d+\), so it is not a launch request\.$/);
  await expect(picker).toHaveAttribute("aria-invalid", "true");
  await expect(picker).toHaveAttribute("aria-describedby", /import-requests-error/);
  await expect(page.getByTestId("import-done").locator("li")).toHaveText([
    `benefits.json: Department of Examples: Benefits Portal, placed on ${sameDay}.`,
    `grants.json: Office of Tests: Grants, placed on ${b.request.launch.user_launch_date}.`,
    `permits.json: Bureau of Samples: Permits, placed on ${sameDay}.`,
  ]);
  await expect(page.getByTestId("launch-count")).toContainText("3 of 3 launches are in the plan");
  await expectNoAxeViolations(page);

  // The same file again: it replaces its copy, and says so.
  await picker.setInputFiles([a.path]);
  await expect(results.locator("h3")).toHaveText("Imported 1 of 1");
  await expect(page.getByTestId("import-done")).toHaveText("benefits.json: Department of Examples: Benefits Portal was already here under the same request key; this copy replaced it.");
  await expect(picker).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("launch-count")).toContainText("3 of 3 launches");

  // Flags: the day two launches share, the published number.
  const flags = page.getByTestId("plan-flags");
  await expect(flags.locator('[data-flag="flag-crowded-day"]')).toHaveText(`${sameDay}: 2 launches start that day: Department of Examples: Benefits Portal; Bureau of Samples: Permits.`);
  await expect(flags.locator('[data-flag="flag-published"]')).toContainText("Bureau of Samples: Permits says a page publishes the Contact Center number");
  await expect(flags.locator('[data-flag="flag-spanish"]')).toContainText("Spanish calls alone need more than the 25% of agents who speak Spanish");

  // The chart against the table, and the flagged day in the table.
  const rows = await expectChartMatchesTable(page);
  const flagged = rows.find((r) => r.date === sameDay);
  expect(flagged.flags).toContain("several launches");
  expect(flagged.launching).toBe("Department of Examples: Benefits Portal; Bureau of Samples: Permits");
  expect(rows.every((r) => r.phoneAgents <= r.separate), "pooled agents never exceed separate ones").toBe(true);
  expect(rows.some((r) => r.phoneAgents < r.separate), "pooling saves agents on some day").toBe(true);
  await expectNoAxeViolations(page);

  // What if Grants did not launch: the plan changes, and Grants is gone from it.
  const summary = page.getByTestId("plan-summary");
  const before = await summary.textContent();
  await switchLabel(page, "Office of Tests: Grants").click();
  await expect(page.getByTestId("launch-count")).toContainText("2 of 3 launches are in the plan");
  await expect(summary).not.toHaveText(before);
  await expect(flags.locator('[data-flag="flag-spanish"]')).toHaveCount(0);
  const without = await expectChartMatchesTable(page);
  expect(without.reduce((s, r) => s + r.contacts, 0)).toBeLessThan(rows.reduce((s, r) => s + r.contacts, 0));
  const after = await summary.textContent();

  // A planner's assumption changes the agents; the partner's values are shown beside it.
  await page.getByLabel("Average handle time (seconds)").fill("900");
  await expect(summary).not.toHaveText(after);
  await page.getByLabel("Average handle time (seconds)").fill("");
  await expect(page.locator("#planner-assumption-handle_time_s-error")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Average handle time (seconds)").fill(String(a.request.assumptions.handle_time_s));
  await expect(summary).toHaveText(after);

  // The CSV: one row per day of the table, the flagged day named, every cell quoted.
  const csv = await downloadText(page, "Download the daily plan (CSV)", testInfo);
  const lines = csv.text.replace(/^\ufeff/, "").trim().split("\r\n");
  expect(lines[0]).toBe('"date","contacts","phone","contact_form","english","spanish","french","chinese","phone_agents_required","phone_agents_if_staffed_separately","spanish_phone_agents","flags","launching"');
  expect(lines.length - 1).toBe(without.length);
  expect(lines.find((l) => l.startsWith(`"${sameDay}"`))).toContain('"several launches","Department of Examples: Benefits Portal; Bureau of Samples: Permits"');

  // Reload: the workspace is still there, Grants still switched off.
  await expect(page.getByTestId("keeping")).toHaveText("Saved in this browser’s database.");
  await page.reload();
  await appRendered(page);
  await expect(page.getByTestId("launch-count")).toContainText("2 of 3 launches are in the plan");
  await expect(page.getByLabel("Office of Tests: Grants", { exact: true })).not.toBeChecked();
  await expect(summary).toHaveText(after);

  // The workspace file imports into another browser as the same plan.
  const workspace = await downloadText(page, "Download the workspace (JSON)", testInfo, "workspace.json");
  const context = await browser.newContext();
  const other = await context.newPage();
  await open(other, "/staffing");
  await other.getByLabel("Launch request files").setInputFiles(workspace.path);
  await expect(other.getByTestId("import-results").locator("h3")).toHaveText("Imported 3 of 3");
  await expect(other.getByTestId("launch-count")).toContainText("2 of 3 launches are in the plan");
  await expect(other.getByTestId("plan-summary")).toHaveText(after);
  await context.close();
});

/** A request from /launch to copy: made once per worker. */
let template;
async function templateRequest(page, testInfo) {
  if (!template) {
    await page.route("**/config.json", (route) => route.fulfill({ json: { submission_endpoint: null } }));
    template = (await launchRequest(page, testInfo, {}, "template.json")).request;
  }
  return template;
}

test("a thousand requests are kept across a reload", async ({ page }, testInfo) => {
  const files = generateRequests(await templateRequest(page, testInfo), 1000);
  await open(page, "/staffing");
  await page.getByLabel("Launch request files").setInputFiles(files);
  await expect(page.getByTestId("import-results").locator("h3")).toHaveText("Imported 1000 of 1000", { timeout: 60_000 });
  await expect(page.getByTestId("launch-count")).toContainText("1000 of 1000 launches are in the plan");
  await expect(page.getByTestId("launch-list").locator("li.launch-item")).toHaveCount(50);
  await switchLabel(page, "Agency 8: Application 8").click();
  await expect(page.getByTestId("launch-count")).toContainText("999 of 1000");
  const summary = await page.getByTestId("plan-summary").textContent();
  await expect(page.getByTestId("keeping")).toHaveText("Saved in this browser’s database.", { timeout: 60_000 });
  await page.reload();
  await appRendered(page);
  await expect(page.getByTestId("launch-count")).toContainText("999 of 1000 launches are in the plan", { timeout: 60_000 });
  await expect(page.getByTestId("plan-summary")).toHaveText(summary);
  await page.getByLabel("Find a launch by agency or application").fill("Application 999");
  await expect(page.getByTestId("launch-list").locator("li.launch-item")).toHaveCount(1);
  await expectNoAxeViolations(page);
});

test("with a quota smaller than the workspace, the plan works in memory and says so, and saves once there is room", async ({ page }, testInfo) => {
  const files = generateRequests(await templateRequest(page, testInfo), 60);
  // The workspace keeps each request without its forecast block (the planner forecasts itself).
  const size = files.reduce((s, f) => s + JSON.stringify({ ...JSON.parse(f.buffer), forecast: undefined }).length, 0);
  await open(page, "/staffing");
  await expect(page.getByTestId("keeping")).toHaveText("Saved in this browser’s database.");
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(page.url()).origin;
  await cdp.send("Storage.overrideQuotaForOrigin", { origin, quotaSize: Math.floor(size / 3) });
  await page.getByLabel("Launch request files").setInputFiles(files);
  await expect(page.getByTestId("launch-count")).toContainText("60 of 60 launches are in the plan");
  const keeping = page.getByTestId("keeping");
  await expect(keeping).toContainText("The workspace is not being saved: the browser’s storage for this site is full");
  await expect(keeping).toContainText("download the workspace below to keep it");
  await expectNoAxeViolations(page);
  const kept = JSON.parse((await downloadText(page, "Download the workspace (JSON)", testInfo)).text);
  expect(kept.requests).toHaveLength(60);

  // With room again, saving again writes the whole workspace, and a reload finds it.
  await cdp.send("Storage.overrideQuotaForOrigin", { origin });
  await page.getByRole("button", { name: "Try saving again" }).click();
  await expect(keeping).toHaveText("Saved in this browser’s database.");
  await page.reload();
  await appRendered(page);
  await expect(page.getByTestId("launch-count")).toContainText("60 of 60 launches are in the plan");
});

test("without the browser's database the planner works in memory and says so", async ({ page }, testInfo) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "indexedDB", { configurable: true, get: () => undefined });
  });
  const files = generateRequests(await templateRequest(page, testInfo), 2);
  await open(page, "/staffing");
  await expect(page.getByTestId("keeping")).toContainText("The workspace is not being saved");
  await page.getByLabel("Launch request files").setInputFiles(files);
  await expect(page.getByTestId("launch-count")).toContainText("2 of 2 launches are in the plan");
  await expectNoAxeViolations(page);
});

test("unreadable saved requests are set aside with a notice and a download, and the rest restores", async ({ page }, testInfo) => {
  const files = generateRequests(await templateRequest(page, testInfo), 3);
  await open(page, "/staffing");
  await page.getByLabel("Launch request files").setInputFiles(files);
  await expect(page.getByTestId("launch-count")).toContainText("3 of 3");
  await expect(page.getByTestId("keeping")).toHaveText("Saved in this browser’s database.");
  // Another program (or a newer portal) wrote entries this portal cannot read.
  await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("login-gov-staffing-planner");
        open.onsuccess = () => {
          const tx = open.result.transaction("requests", "readwrite");
          tx.objectStore("requests").put("{not json", "broken-entry");
          tx.objectStore("requests").put(JSON.stringify({ schema: "login-gov-partner-launch-request", version: 99 }), "newer-entry");
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
  await page.reload();
  await appRendered(page);
  const notice = page.getByTestId("set-aside");
  await expect(notice).toContainText("2 entries of the saved workspace could not be read and were set aside, not deleted");
  await expect(notice).toContainText("broken-entry");
  await expect(notice).toContainText("version 99");
  await expect(page.getByTestId("launch-count")).toContainText("3 of 3");
  await expectNoAxeViolations(page);
  const setAside = JSON.parse((await downloadText(page, "Download what was set aside", testInfo)).text);
  expect(setAside.map((s) => s.key).sort()).toEqual(["broken-entry", "newer-entry"]);
  expect(setAside.find((s) => s.key === "broken-entry").text).toBe("{not json");
  // Set aside once: the next visit has nothing more to say.
  await page.reload();
  await appRendered(page);
  await expect(page.getByTestId("launch-count")).toContainText("3 of 3");
  await expect(page.getByTestId("set-aside")).toHaveCount(0);
});

test("hostile names in a request are shown as text and kept inert in the CSV", async ({ page }, testInfo) => {
  const hostile = structuredClone(await templateRequest(page, testInfo));
  hostile.agency = '=HYPERLINK("http://x")<img src=x onerror="window.__pwned=1">';
  hostile.application = "<script>window.__pwned=1</script>";
  const file = testInfo.outputPath("hostile.json");
  await writeFile(file, JSON.stringify(hostile));
  await open(page, "/staffing");
  await page.getByLabel("Launch request files").setInputFiles(file);
  const name = `${hostile.agency}: ${hostile.application}`;
  await expect(page.getByTestId("launch-list").locator("label").first()).toHaveText(name);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  await expect(page.locator("main img, main script")).toHaveCount(0);
  const csv = (await downloadText(page, "Download the daily plan (CSV)", testInfo)).text;
  expect(csv).toContain(`"'${name.replaceAll('"', '""')}"`);
  expect(await readFile(file, "utf8")).toContain("onerror");
});
