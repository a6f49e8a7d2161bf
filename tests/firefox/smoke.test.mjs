// A second browser engine: the main journeys in Debian's stock Firefox ESR, driven over WebDriver
// BiDi by puppeteer-core (Playwright's Firefox is a patched build, not the one users have). Real
// downloads land in a folder, so a download the browser cancels (issue 14, item 13: an object URL
// revoked too early) fails here. Run by scripts/test.sh: `node --test tests/firefox/`.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer from "puppeteer-core";

const FIREFOX = process.env.FIREFOX_PATH || "/usr/bin/firefox-esr";
const PORT = Number(process.env.FIREFOX_E2E_PORT || 4373);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const downloads = mkdtempSync(join(tmpdir(), "portal-firefox-downloads-"));
let server;
let browser;

/** The app's routes, from tests/routes.json (written by a host test from the app's own list). */
function appRoutes() {
  return JSON.parse(readFileSync(new URL("../routes.json", import.meta.url), "utf8")).all.map((page) => page.path);
}

before(async () => {
  server = spawn("node", ["scripts/serve-dist.mjs", String(PORT), "dist", "--receiver"], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise((ready, fail) => {
    server.stdout.on("data", (chunk) => String(chunk).includes(String(PORT)) && ready());
    server.on("exit", (code) => fail(new Error(`the server exited (${code})`)));
  });
  browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      // Downloads go straight to the folder, never a dialog.
      "browser.download.folderList": 2,
      "browser.download.dir": downloads,
      "browser.download.useDownloadDir": true,
      "browser.download.always_ask_before_handling_new_types": false,
      "browser.helperApps.neverAsk.saveToDisk": "application/json,text/csv,text/markdown,text/calendar,message/rfc822,text/plain,text/html",
    },
  });
});

after(async () => {
  await browser?.close();
  server?.kill();
});

/** A fresh page (its own storage) with the app rendered at `path`. */
async function open(path, context) {
  const page = await (context ?? (await browser.createBrowserContext())).newPage();
  const errors = [];
  page.on("pageerror", (err) => errors.push(err.message));
  page.errors = errors;
  await go(page, path);
  return page;
}

async function go(page, path) {
  await page.goto(ORIGIN + path);
  // index.html's static first view goes once the app has mounted; then the page's own heading.
  await page.waitForFunction(() => !document.getElementById("first-view") && document.querySelector("h1#page-heading"), { timeout: 30_000 });
  await page.waitForFunction(() => !document.querySelector("[data-deferred=pending]"));
}

/** Sets the control labelled `label` as typing would (input and change events). */
async function fill(page, label, value) {
  const done = await page.evaluate(
    (label, value) => {
      // The label's own text, or its start (some labels add "(optional)" or a hint).
      const labels = [...document.querySelectorAll("label")];
      const l = labels.find((l) => l.textContent.trim() === label) ?? labels.find((l) => l.textContent.trim().startsWith(label));
      const control = l && document.getElementById(l.htmlFor);
      if (!control) return false;
      const proto = control instanceof HTMLSelectElement ? HTMLSelectElement.prototype : control instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
      Object.getOwnPropertyDescriptor(proto, "value").set.call(control, value);
      control.dispatchEvent(new Event("input", { bubbles: true }));
      control.dispatchEvent(new Event("change", { bubbles: true }));
      return true;
    },
    label,
    value,
  );
  assert.ok(done, `no control labelled "${label}"`);
}

async function clickButton(page, name) {
  // A part of a page may still be fetching its code (the forecast and downloads on /launch).
  await page
    .waitForFunction((name) => [...document.querySelectorAll("button")].some((b) => b.textContent.trim() === name), { timeout: 10_000 }, name)
    .catch(() => {});
  const clicked = await page.evaluate((name) => {
    const button = [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === name);
    button?.click();
    return Boolean(button);
  }, name);
  assert.ok(clicked, `no button "${name}"`);
}

/** Clicks a download button and waits for the file Firefox saves; returns its name and text. */
async function download(page, button) {
  const before = new Set(readdirSync(downloads));
  await clickButton(page, button);
  const deadline = Date.now() + 20_000;
  for (;;) {
    const fresh = readdirSync(downloads).filter((f) => !before.has(f) && !f.endsWith(".part"));
    // Firefox writes into NAME.part, then renames it: a file without .part is complete.
    const done = fresh.find((f) => !readdirSync(downloads).includes(`${f}.part`) && statSync(join(downloads, f)).size > 0);
    if (done) return { name: done, path: join(downloads, done), text: readFileSync(join(downloads, done), "utf8") };
    assert.ok(Date.now() < deadline, `"${button}" saved no file`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function receiver(action) {
  return (await fetch(`${ORIGIN}/__receiver/${action}`)).json();
}

test("every route renders its heading in Firefox", async () => {
  const routes = appRoutes();
  assert.ok(routes.length >= 10, `${routes.length} routes`);
  const page = await open("/");
  for (const route of routes) {
    await go(page, route);
    const heading = await page.$eval("h1#page-heading", (h) => h.textContent.trim());
    assert.ok(heading.length > 0, `${route} has a heading`);
  }
  assert.deepEqual(page.errors, []);
});

test("the record downloads, and imports into a fresh browser", async () => {
  const page = await open("/");
  await fill(page, "Agency name", "Department of Firefox");
  await fill(page, "Application name", "Benefits Portal");
  const record = await download(page, "Download your record (JSON)");
  assert.match(record.name, /^readiness-department-of-firefox-benefits-portal-\d{4}-\d{2}-\d{2}\.json$/);
  assert.equal(JSON.parse(record.text).profile.agency, "Department of Firefox");

  const fresh = await open("/");
  const input = await fresh.$("#import-record");
  await input.uploadFile(record.path);
  await fresh.waitForFunction(() => document.getElementById("profile-agency")?.value === "Department of Firefox", { timeout: 10_000 });
  assert.deepEqual([...page.errors, ...fresh.errors], []);
});

test("a download of each kind is saved whole", async () => {
  const page = await open("/");
  await fill(page, "Agency name", "Department of Firefox");
  await fill(page, "Application name", "Benefits Portal");
  await go(page, "/review");
  assert.match((await download(page, "Download CSV")).text, /^\uFEFF/);
  assert.match((await download(page, "Download Markdown")).text, /^# Launch readiness: Department of Firefox/);
  await go(page, "/support/email");
  assert.match((await download(page, "Download .eml (opens as a draft)")).text, /^MIME-Version: 1\.0\r\n/m);
  await go(page, "/launch");
  await fill(page, "Requested deploy date", "2030-12-10");
  assert.match((await download(page, "Add the deploy and launch dates to a calendar (.ics)")).text, /^BEGIN:VCALENDAR\r\n/);
  assert.equal(JSON.parse((await download(page, "Download JSON")).text).agency, "Department of Firefox");
  assert.deepEqual(page.errors, []);
});

test("a launch request goes through the outbox to the endpoint", async () => {
  await receiver("reset");
  const page = await open("/");
  await fill(page, "Agency name", "Department of Firefox");
  await fill(page, "Application name", "Benefits Portal");
  await go(page, "/launch");
  await fill(page, "Application URL", "https://benefits.example.gov");
  await fill(page, "Audience", "general-public");
  await fill(page, "Agreement number", "LGABCFY210001-0001-0000");
  await page.click('label[for="launch-push_notifications-no"]');
  const soon = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  await fill(page, "Requested deploy date", soon);
  await page.waitForSelector("[data-testid=next-dates] button");
  await page.click("[data-testid=next-dates] button");
  const deploy = await page.evaluate(() => {
    const label = [...document.querySelectorAll("label")].find((l) => l.textContent.trim() === "Requested deploy date");
    return document.getElementById(label.htmlFor).value;
  });
  await fill(page, "Desired launch date", new Date(Date.parse(`${deploy}T12:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10));
  await fill(page, "Monthly active users", "12,000");
  await fill(page, "Estimated annual registrations", "5000");
  await fill(page, "Estimated annual authentications", "100000");
  await fill(page, "Program-management contacts", "Pat Lee, Program Manager, pm@example.gov, 202-555-0101");
  await fill(page, "Technical-support contacts", "Dev Lead, dev@example.gov");
  await fill(page, "Billing contacts", "Budget Office, billing@example.gov");
  await fill(page, "Your help desk's phone number", "202-555-0100");
  await fill(page, "Share of users new to Login.gov (%)", "60");
  await page.click('label[for="launch-phone_published-no"]');
  await clickButton(page, "Submit the launch request");
  await page.waitForFunction(() => document.querySelector("[data-testid=receipts]")?.textContent.includes("Reference: LR-1"), { timeout: 20_000 });
  const got = await receiver("received");
  assert.equal(got.submissions.length, 1);
  assert.equal(got.submissions[0].payload.agency, "Department of Firefox");
  assert.deepEqual(page.errors, []);
});
