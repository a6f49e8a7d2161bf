// Two tabs of the portal in one browser share the saved record (issue 14, item 5): a change
// saved in one shows in the other, and when both change the record at once nothing is lost.
import { test, expect, open, expectNoAxeViolations } from "./helpers.mjs";

/** A second tab in the same browser context (same storage), with the app rendered at `path`. */
async function secondTab(page, path, { holdStorageEvents = false } = {}) {
  const other = await page.context().newPage();
  const errors = [];
  other.on("pageerror", (err) => errors.push(err.message));
  if (holdStorageEvents) {
    // Holds back the `storage` events this tab would get, as when both tabs save in the same
    // moment: a capturing listener on window runs before the app's and stops them.
    await other.addInitScript(() => {
      window.addEventListener("storage", (event) => event.stopImmediatePropagation(), true);
    });
  }
  await open(other, path);
  return { other, errors };
}

test("a change saved in one tab shows in the other, both ways, and both survive a reload", async ({ page }) => {
  await open(page, "/");
  const { other, errors } = await secondTab(page, "/");
  await page.getByLabel("Agency name").fill("Department of One");
  await expect(other.getByLabel("Agency name")).toHaveValue("Department of One");
  await other.getByLabel("Application name").fill("Written in the second tab");
  await expect(page.getByLabel("Application name")).toHaveValue("Written in the second tab");
  // The first tab goes on typing: the second tab's work is not written over.
  await page.getByLabel("Agency name").fill("Department of One, renamed");
  await expect(other.getByLabel("Agency name")).toHaveValue("Department of One, renamed");
  await page.reload();
  await expect(page.getByLabel("Agency name")).toHaveValue("Department of One, renamed");
  await expect(page.getByLabel("Application name")).toHaveValue("Written in the second tab");
  // A change on another page of the app shows too.
  await open(other, "/checklist");
  await other.locator('label[for="chk-iaa-signed-done"]').click();
  await open(page, "/checklist");
  await expect(page.locator("#chk-iaa-signed-done")).toBeChecked();
  expect(errors).toEqual([]);
});

test("when both tabs change the record at once, neither change is lost and the clash is offered both ways", async ({ page }) => {
  await open(page, "/");
  const { other, errors } = await secondTab(page, "/", { holdStorageEvents: true });
  // The first tab saves; the second has not heard of it and changes the same field and another.
  await page.getByLabel("Agency name").fill("Agency from tab one");
  await page.getByLabel("Application name").fill("Application from tab one");
  await other.getByLabel("Agency name").fill("Agency from tab two");
  // Before saving, the second tab merges: tab one's application stays, and the agency clash is
  // named, with tab one's (saved first) kept and this tab's offered.
  const clash = other.locator(".notices .usa-alert", { hasText: "also changed in another tab" });
  await expect(clash).toContainText("the integration profile, the agency");
  await expect(other.getByLabel("Agency name")).toHaveValue("Agency from tab one");
  await expect(other.getByLabel("Application name")).toHaveValue("Application from tab one");
  await expectNoAxeViolations(other);
  await expect(clash.getByRole("button", { name: "Download this tab's version" })).toBeVisible();
  await clash.getByRole("button", { name: "Use this tab's version" }).click();
  await expect(other.getByLabel("Agency name")).toHaveValue("Agency from tab two");
  await expect(other.getByLabel("Application name")).toHaveValue("Application from tab one");
  // Tab one hears of the choice.
  await expect(page.getByLabel("Agency name")).toHaveValue("Agency from tab two");
  await expect(page.getByLabel("Application name")).toHaveValue("Application from tab one");
  expect(errors).toEqual([]);
});
