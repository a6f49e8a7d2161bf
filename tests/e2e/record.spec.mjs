import { writeFile } from "node:fs/promises";
import { test, expect, open, appRendered, expectNoAxeViolations, downloadText } from "./helpers.mjs";

async function fillProfile(page) {
  await page.getByLabel("Agency name").fill("Department of Examples");
  await page.getByLabel("Application name").fill('Benefits "Portal" <script>alert(1)</script>');
  // USWDS hides the radio circles themselves; people click the labels.
  await page.locator('label[for="partner-federal"]').click();
  await page.locator('label[for="protocol-saml"]').click();
  await page.locator('label[for="audience-both"]').click();
}

test("the profile autosaves and survives a reload", async ({ page }) => {
  await open(page, "/");
  await fillProfile(page);
  await expect(page.getByTestId("profile-progress")).toHaveText("5 of 5 answered");
  await page.reload();
  await appRendered(page);
  await expect(page.getByLabel("Agency name")).toHaveValue("Department of Examples");
  await expect(page.getByLabel("Application name")).toHaveValue('Benefits "Portal" <script>alert(1)</script>');
  await expect(page.getByLabel("SAML")).toBeChecked();
  await expect(page.getByLabel("A federal agency (signs an IAA)")).toBeChecked();
  await expect(page.getByLabel("Both the public and the workforce")).toBeChecked();
  await expectNoAxeViolations(page);
});

test("the record downloads and imports into a fresh browser", async ({ page, browser }, testInfo) => {
  await open(page, "/");
  await fillProfile(page);
  const download = await downloadText(page, "Download your record (JSON)", testInfo, "record.json");
  expect(download.name).toMatch(/^readiness-department-of-examples-benefits-portal-script-alert-1-script-\d{4}-\d{2}-\d{2}\.json$/);
  const file = download.path;
  const saved = JSON.parse(download.text);
  expect(saved.kind).toBe("login-gov-partner-readiness-record");
  expect(saved.profile.agency).toBe("Department of Examples");

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto("/");
  await expect(other.getByLabel("Agency name")).toHaveValue("");
  await other.getByLabel("Import a record").setInputFiles(file);
  await expect(other.getByText(/^Imported record\.json/)).toBeVisible();
  await expect(other.getByLabel("Agency name")).toHaveValue("Department of Examples");
  await expect(other.getByLabel("SAML")).toBeChecked();
  await fresh.close();
});

test("a bad import is explained next to the field and changes nothing", async ({ page }, testInfo) => {
  await open(page, "/");
  await fillProfile(page);
  const bad = testInfo.outputPath("not-a-record.json");
  await writeFile(bad, JSON.stringify({ hello: "world" }));
  const input = page.getByLabel("Import a record");
  await input.setInputFiles(bad);
  const error = page.locator("#import-record-error");
  await expect(error).toContainText("not a readiness record");
  await expect(error).toContainText("Your current work is unchanged");
  await expect(input).toHaveAttribute("aria-describedby", /import-record-error/);
  await expect(page.getByLabel("Agency name")).toHaveValue("Department of Examples");
  await expectNoAxeViolations(page);
});

test("unreadable saved work is set aside with a notice and a download", async ({ page }, testInfo) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.setItem("lgp-readiness-record", "{ this is not json");
      sessionStorage.setItem("seeded", "1");
    }
  });
  await open(page, "/");
  await expect(page.locator(".notices")).toContainText("could not be opened");
  expect(await page.evaluate(() => localStorage.getItem("lgp-readiness-record-unreadable"))).toBe("{ this is not json");
  expect((await downloadText(page, "Download the saved data", testInfo)).name).toMatch(/^unreadable-readiness-record-\d{4}-\d{2}-\d{2}\.json$/);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Dismiss this message" }).click();
  await expect(page.locator(".notices")).not.toContainText("could not be opened");
});

test("when the browser refuses storage, the app works in memory and says so", async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException("quota exceeded", "QuotaExceededError");
    };
  });
  await open(page, "/");
  await page.getByLabel("Agency name").fill("Office of Memory");
  await expect(page.locator(".notices")).toContainText("cannot be saved in this browser");
  await expect(page.getByLabel("Agency name")).toHaveValue("Office of Memory");
  await expect(page.locator("#profile-saved")).toContainText("kept only in this tab");
});

test("an import that would replace other work says what would be lost, asks, and can be undone", async ({ page, browser }, testInfo) => {
  // A reviewer's record, exported from another browser.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await open(other, "/");
  await other.getByLabel("Agency name").fill("Office of the Team");
  const file = (await downloadText(other, "Download your record (JSON)", testInfo, "team.json")).path;
  await fresh.close();

  await open(page, "/");
  await fillProfile(page);
  await open(page, "/checklist");
  await page.locator('label[for="chk-iaa-signed-done"]').click();
  await open(page, "/");
  const input = page.getByLabel("Import a record");
  await input.setInputFiles(file);
  const confirm = page.getByTestId("import-confirm");
  await expect(confirm).toBeFocused();
  await expect(confirm).toContainText("Replace your work with team.json?");
  await expect(confirm).toContainText("Importing replaces all the work shown here: 5 integration profile answers and 1 checklist item with work. The file holds 1 integration profile answer.");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Keep my work" }).click();
  await expect(page.getByText("team.json was not imported. Your work is unchanged.")).toBeVisible();
  await expect(page.getByLabel("Agency name")).toHaveValue("Department of Examples");

  await input.setInputFiles(file);
  await page.getByRole("button", { name: "Replace my work" }).click();
  await expect(page.getByText(/^Imported team\.json/)).toBeVisible();
  await expect(page.getByLabel("Agency name")).toHaveValue("Office of the Team");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Undo import" }).click();
  await expect(page.getByText("Import undone: the work you had before is back.")).toBeVisible();
  await expect(page.getByLabel("Agency name")).toHaveValue("Department of Examples");
  await expect(page.getByRole("button", { name: "Undo import" })).toHaveCount(0);
  // The undone work is saved again, so it survives a reload.
  await page.reload();
  await appRendered(page);
  await expect(page.getByLabel("Agency name")).toHaveValue("Department of Examples");
});

test("import errors say what is wrong in the user's words, and where", async ({ page }, testInfo) => {
  await open(page, "/");
  const record = JSON.parse((await downloadText(page, "Download your record (JSON)", testInfo)).text);
  record.checklist.sign_offs.overall = { reviewer: "Pat", role: "ISSO", date: "2026-12-02", decision: "approved-by-gsa", comments: "", fingerprint: "0" };
  const damaged = testInfo.outputPath("damaged.json");
  await writeFile(damaged, JSON.stringify(record));
  const cut = testInfo.outputPath("cut.json");
  await writeFile(cut, JSON.stringify(record, null, 2).slice(0, 200));
  const input = page.getByLabel("Import a record");
  await input.setInputFiles(damaged);
  const error = page.locator("#import-record-error");
  await expect(error).toHaveText(
    "damaged.json was not imported. The record is damaged: in the overall sign-off, the decision, the value “approved-by-gsa” is not one the portal knows: it can be “approved” or “changes requested”. Your current work is unchanged.",
  );
  await input.setInputFiles(cut);
  await expect(error).toContainText("cut.json was not imported. The file stops part-way through the record (at line");
  await expect(error).not.toContainText("EOF");
  await expectNoAxeViolations(page);
});
