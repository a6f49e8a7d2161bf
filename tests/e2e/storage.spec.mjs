// When the browser's storage fills up mid-session, or refuses access altogether, the portal
// keeps working in memory, says so once, and everything typed can still be downloaded.
import { fileURLToPath } from "node:url";
import { test, expect, open, expectNoAxeViolations, downloadText, appRoutes } from "./helpers.mjs";

const KEY = "lgp-readiness-record";
const UNSAVED = "cannot be saved in this browser";

/** Site storage with a quota of `quota` characters (keys and values), like a browser's, but small. */
function smallQuota(quota) {
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    let used = 0;
    for (let i = 0; i < this.length; i++) {
      const k = this.key(i);
      if (k !== key) used += k.length + this.getItem(k).length;
    }
    if (used + String(key).length + String(value).length > quota) {
      throw new DOMException(`Setting the value of '${key}' exceeded the quota.`, "QuotaExceededError");
    }
    return setItem.call(this, key, value);
  };
}

/** Storage the browser refuses outright, as with blocked site data: even reading localStorage throws. */
function deniedStorage() {
  Object.defineProperty(window, "localStorage", {
    configurable: true,
    get() {
      throw new DOMException("Access is denied for this document.", "SecurityError");
    },
  });
}

/** Follows a link in the primary navigation: a client-side move that keeps what is in memory. */
async function go(page, label) {
  await page.getByRole("navigation", { name: "Primary" }).getByRole("link", { name: label, exact: true }).click();
  await expect(page.locator("h1")).toBeFocused();
}

/** Signs off the whole checklist on /review as Pat Reviewer (ISSO); returns the sign-off block. */
async function signOffOverall(page, decision) {
  const block = page.getByTestId("signoff-overall");
  await block.getByLabel("Reviewer name").fill("Pat Reviewer");
  await block.getByLabel("Reviewer role").fill("ISSO");
  await block.locator(`label[for="signoff-overall-${decision}"]`).click();
  // Approving with items still open asks for a confirmation that names them.
  if (await block.getByTestId("open-concerns").count()) await block.locator('label[for="signoff-overall-confirm"]').click();
  await block.getByRole("button", { name: "Sign off the whole checklist" }).click();
  return block;
}

test("when storage fills up mid-session, the work goes on in memory and downloads whole", async ({ page, browser }, testInfo) => {
  const QUOTA = 8_000;
  await page.addInitScript(smallQuota, QUOTA);
  await open(page, "/");
  await page.getByLabel("Agency name").fill("Department of Examples");
  await page.getByLabel("Application name").fill("Benefits Portal");
  // These saves fit.
  await expect.poll(() => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "{}").profile?.application, KEY)).toBe("Benefits Portal");
  await expect(page.locator(".notices")).not.toContainText(UNSAVED);
  const before = await page.evaluate((key) => localStorage.getItem(key), KEY);
  expect(before.length).toBeLessThan(QUOTA / 2);

  // A long note does not fit: the browser says the quota is exceeded.
  await go(page, "Checklist");
  await expect(page.getByTestId("progress-phase-agreement")).toHaveText(/^0 of \d+ complete$/);
  await page.locator('label[for="chk-iaa-signed-done"]').click();
  await page.locator("#chk-iaa-signed summary").click();
  const note = `Signed 2026-11-02. ${"Minutes of the signing meeting. ".repeat(300)}`.trim();
  expect(note.length).toBeGreaterThan(QUOTA);
  await page.locator("#chk-iaa-signed-note").fill(note);
  await expect(page.locator(".notices")).toContainText(UNSAVED);
  await expect(page.locator(".notices")).toContainText("exceeded the quota");
  await expect(page.getByTestId("progress-phase-agreement")).toHaveText(/^1 of \d+ complete$/);
  await expectNoAxeViolations(page);

  // The last copy that fitted is still there and still loads.
  const kept = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), KEY));
  expect(kept.profile.application).toBe("Benefits Portal");
  expect(kept.checklist.items["chk-iaa-signed"]?.note ?? "").toBe("");

  // The work goes on in memory across pages, and the notice is not repeated.
  await go(page, "Service level");
  await page.locator('label[for="q-financial-yes"]').click();
  await expect(page.getByTestId("recommended-level")).toHaveText("Recommended level: IAL2/AAL2 (Enhanced identity verification)");
  await go(page, "Review");
  const overall = await signOffOverall(page, "changes-requested");
  await expect(overall).toContainText("Changes requested by Pat Reviewer (ISSO)");
  await go(page, "Launch");
  await page.getByLabel("Agreement number").fill("LGABCFY210001-0001-0000");
  await go(page, "Home");
  await expect(page.locator(".notices .usa-alert")).toHaveCount(1);
  await expect(page.locator("#profile-saved")).toContainText("kept only in this tab");
  await expect(page.getByLabel("Agency name")).toHaveValue("Department of Examples");

  // Everything typed, before and after storage filled up, is in the download.
  const file = await downloadText(page, "Download your record (JSON)", testInfo);
  const record = JSON.parse(file.text);
  expect(record.profile.agency).toBe("Department of Examples");
  expect(record.checklist.items["chk-iaa-signed"]).toMatchObject({ status: "done", note });
  expect(record.service_level.answers.financial).toBe("yes");
  expect(record.checklist.sign_offs.overall).toMatchObject({ reviewer: "Pat Reviewer", role: "ISSO", decision: "changes-requested" });
  expect(record.launch.form.iaa_number).toBe("LGABCFY210001-0001-0000");

  // And it imports into a browser with room to keep it.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await open(other, "/");
  await other.getByLabel("Import a record").setInputFiles(file.path);
  await expect(other.getByText(/^Imported /)).toBeVisible();
  await go(other, "Checklist");
  await expect(other.locator("#chk-iaa-signed-note")).toHaveValue(note);
  await fresh.close();
});

test("unreadable saved work is never overwritten when storage is also full", async ({ page }, testInfo) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.setItem("lgp-readiness-record", "{ damaged");
      sessionStorage.setItem("seeded", "1");
    }
  });
  // No room for even a copy of it.
  await page.addInitScript(smallQuota, 0);
  await open(page, "/");
  const notices = page.locator(".notices");
  await expect(notices).toContainText("could not be opened");
  await expect(notices).toContainText("could not keep a copy, so download it now");
  await page.getByLabel("Agency name").fill("Office of Second Chances");
  await page.getByLabel("Application name").fill("Grants");
  await expect(page.locator("#profile-saved")).toContainText("kept only in this tab");
  expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBe("{ damaged");
  const saved = await downloadText(page, "Download the saved data", testInfo);
  expect(saved.text).toBe("{ damaged");
  const work = await downloadText(page, "Download your record (JSON)", testInfo);
  expect(JSON.parse(work.text).profile.agency).toBe("Office of Second Chances");
  await expectNoAxeViolations(page);
});

/** What a person does on each page, and what shows that it worked, with storage denied. */
const INTERACTIONS = {
  "/": async (page, testInfo) => {
    await page.getByLabel("Agency name").fill("Office of Memory");
    await expect(page.getByTestId("profile-progress")).toHaveText("1 of 5 answered");
    await expect(page.locator("#profile-saved")).toContainText("kept only in this tab");
    const file = await downloadText(page, "Download your record (JSON)", testInfo);
    expect(JSON.parse(file.text).profile.agency).toBe("Office of Memory");
  },
  "/service-level": async (page) => {
    await page.locator('label[for="q-records-yes"]').click();
    await expect(page.getByTestId("recommended-level")).toHaveText("Recommended level: IAL2/AAL2 (Enhanced identity verification)");
    await expect(page.getByLabel("Link to these answers")).toHaveValue(/records=yes/);
  },
  "/checklist": async (page) => {
    await expect(page.getByTestId("progress-phase-agreement")).toHaveText(/^0 of \d+ complete$/);
    await page.locator('label[for="chk-iaa-signed-done"]').click();
    await expect(page.getByTestId("progress-phase-agreement")).toHaveText(/^1 of \d+ complete$/);
  },
  "/review": async (page, testInfo) => {
    const block = await signOffOverall(page, "approved");
    await expect(block).toContainText("Approved by Pat Reviewer (ISSO)");
    const md = await downloadText(page, "Download Markdown", testInfo);
    expect(md.text).toContain("**Approved** by Pat Reviewer (ISSO)");
  },
  "/support": async (page) => {
    await page.getByRole("link", { name: "link builder" }).first().click();
    await expect(page.locator("h1")).toHaveText("Login.gov links for your users");
  },
  "/support/links": async (page) => {
    await page.getByLabel("Agency value").fill("DOE");
    await page.getByLabel("Integration value").fill("benefits");
    await expect(page.locator('tr[data-link="contact-en"] code')).toHaveText("https://login.gov/contact/?agency=DOE&integration=benefits");
  },
  "/support/checker": async (page) => {
    await page.getByLabel("Text or HTML to check").fill("Help desk: (202) 555-0147. See https://login.gov/contact/");
    await expect(page.getByTestId("checker-summary")).toContainText("No Contact Center number found");
  },
  "/support/email": async (page, testInfo) => {
    await page.getByLabel("Launch time frame").fill("in early March 2027");
    await expect(page.getByTestId("email-preview")).toContainText("in early March 2027");
    const txt = await downloadText(page, "Download .txt", testInfo);
    expect(txt.text).toContain("in early March 2027");
  },
  "/support/faq": async (page, testInfo) => {
    const md = await downloadText(page, "Download Markdown", testInfo);
    expect(md.text).toMatch(/^# Frequently asked questions/);
    await expect(page.getByTestId("tick-chk-help-desk-briefing").getByRole("button")).toBeVisible();
  },
  "/launch": async (page) => {
    // The forecast's code loads when the reader comes near it (src/components/lazy_part.rs).
    await page.getByRole("heading", { name: "Submit", exact: true }).scrollIntoViewIfNeeded();
    const summary = page.getByTestId("forecast-summary");
    const before = await summary.textContent();
    await page.getByLabel("Monthly active users").fill("2,000,000");
    await expect(summary).not.toHaveText(before);
    await page.getByRole("button", { name: "Submit the launch request" }).click();
    await expect(page.locator("#launch-error-summary")).toBeFocused();
  },
  "/sources": async (page) => {
    await expect(page.locator("tbody tr").first()).toBeVisible();
    // Work done on another page stays in memory when coming back.
    await go(page, "Home");
    await page.getByLabel("Application name").fill("Grants");
    await go(page, "Sources");
    await go(page, "Home");
    await expect(page.getByLabel("Application name")).toHaveValue("Grants");
  },
  "/staffing": async (page) => {
    // The planner keeps its workspace in IndexedDB, apart from the record: still saved here.
    await page.getByLabel("Launch request files").setInputFiles(fileURLToPath(new URL("../../core/tests/golden/planner/request.json", import.meta.url)));
    await expect(page.getByTestId("launch-count")).toContainText("1 of 1 launches are in the plan");
    await expect(page.getByTestId("keeping")).toHaveText("Saved in this browser’s database.");
  },
  "/no-such-page": async (page) => {
    await page.getByRole("main").getByRole("link", { name: "Checklist" }).click();
    await expect(page.locator("h1")).toHaveText("Launch checklist");
  },
};

test("every page has a storage-denied check", async () => {
  expect(Object.keys(INTERACTIONS).sort()).toEqual([...appRoutes(), "/no-such-page"].sort());
});

test.describe("when the browser denies site storage altogether", () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(deniedStorage);
  });

  for (const [route, interact] of Object.entries(INTERACTIONS)) {
    test(`${route} renders, says so once, and works`, async ({ page }, testInfo) => {
      await open(page, route);
      expect(await page.evaluate(() => { try { return localStorage.length; } catch (e) { return e.name; } })).toBe("SecurityError");
      await expect(page.locator(".notices")).toContainText(UNSAVED);
      await expect(page.locator(".notices")).toContainText("blocks site storage");
      await interact(page, testInfo);
      await expect(page.locator(".notices .usa-alert")).toHaveCount(1);
      await expectNoAxeViolations(page);
      await page.getByRole("button", { name: "Dismiss this message" }).click();
      await expect(page.locator(".notices .usa-alert")).toHaveCount(0);
    });
  }
});
