import { test, expect, open, appRendered, expectNoAxeViolations, downloadText } from "./helpers.mjs";

/** Sets the profile and level the way a person does, through the home page and the guide. */
async function describe(page, { protocol, audience, financial }) {
  await open(page, "/");
  await page.getByLabel("Agency name").fill("Department of Examples");
  await page.getByLabel("Application name").fill("Benefits Portal");
  await page.locator('label[for="partner-federal"]').click();
  await page.locator(`label[for="protocol-${protocol}"]`).click();
  await page.locator(`label[for="audience-${audience}"]`).click();
  await open(page, "/service-level");
  for (const q of ["cui", "records", "others-data"]) await page.locator(`label[for="q-${q}-no"]`).click();
  await page.locator(`label[for="q-financial-${financial}"]`).click();
}

async function setStatus(page, item, status) {
  await page.locator(`label[for="${item}-${status}"]`).click();
}

test("IAL2 and SAML show the Failure-to-Proof and SAML items; IAL1 and OIDC hide them", async ({ page }) => {
  await describe(page, { protocol: "saml", audience: "public", financial: "yes" });
  await open(page, "/checklist");
  for (const id of ["chk-failure-to-proof", "chk-iaa-idv", "chk-saml-logout", "chk-saml-encryption"]) {
    await expect(page.locator(`article#${id}`)).toBeVisible();
  }
  await expect(page.locator("article#chk-phishing-resistant-workforce")).toHaveCount(0);
  await expect(page.getByTestId("scope")).toContainText("IAL2/AAL2");
  await expectNoAxeViolations(page);

  await describe(page, { protocol: "oidc", audience: "workforce", financial: "no" });
  await open(page, "/checklist");
  for (const id of ["chk-failure-to-proof", "chk-iaa-idv", "chk-saml-logout", "chk-saml-encryption"]) {
    await expect(page.locator(`article#${id}`)).toHaveCount(0);
  }
  await expect(page.locator("article#chk-phishing-resistant-workforce")).toBeVisible();
  await expect(page.getByTestId("scope")).toContainText("items do not apply and are hidden");
});

test("a state or local government gets the IGCA item instead of the IAA, and Help Desk actions link their forms", async ({ page }) => {
  await describe(page, { protocol: "oidc", audience: "public", financial: "no" });
  await page.goto("/");
  await page.locator('label[for="partner-state-local"]').click();
  await open(page, "/checklist");
  await expect(page.locator("article#chk-igca-signed")).toBeVisible();
  await expect(page.locator("article#chk-iaa-signed")).toHaveCount(0);
  await expect(page.locator("article#chk-launch-request .checklist-item__action a")).toHaveAttribute("href", /ticket_form_id=5663417357332$/);
  await expect(page.locator("article#chk-prod-account")).toContainText("secure.login.gov");
  await expectNoAxeViolations(page);
});

test("marked items, notes and evidence persist across a reload, and progress follows", async ({ page }) => {
  await describe(page, { protocol: "oidc", audience: "public", financial: "no" });
  await open(page, "/checklist");
  await expect(page.getByTestId("progress-phase-agreement")).toHaveText("0 of 3 complete");
  await expect(page.getByTestId("blockers")).toContainText("Get a signed IAA");
  await setStatus(page, "chk-iaa-signed", "done");
  await page.locator("#chk-iaa-signed summary").click();
  await page.locator("#chk-iaa-signed-note").fill("Signed on 2026-11-02, \"final\"");
  await page.locator("#chk-iaa-signed-evidence").fill("https://docs.example.gov/iaa/42");
  await setStatus(page, "chk-iaa-plan", "not-applicable");
  await page.locator("#chk-iaa-plan-na-reason").fill("The IAA was signed last year.");
  await expect(page.getByTestId("progress-phase-agreement")).toHaveText("2 of 3 complete");
  await expect(page.getByTestId("blockers")).not.toContainText("Get a signed IAA");

  await page.reload();
  await appRendered(page);
  await expect(page.locator("#chk-iaa-signed-done")).toBeChecked();
  await expect(page.locator("#chk-iaa-signed-note")).toHaveValue("Signed on 2026-11-02, \"final\"");
  await expect(page.locator("#chk-iaa-signed-evidence")).toHaveValue("https://docs.example.gov/iaa/42");
  await expect(page.locator("#chk-iaa-plan-na-reason")).toHaveValue("The IAA was signed last year.");
  await expect(page.getByTestId("progress-phase-agreement")).toHaveText("2 of 3 complete");
  await open(page, "/");
  await expect(page.getByTestId("checklist-progress")).toContainText("2 of ");
});

test("not applicable needs a reason, and a bad evidence link is explained at its field", async ({ page }) => {
  await open(page, "/checklist");
  await setStatus(page, "chk-iaa-plan", "not-applicable");
  const reason = page.locator("#chk-iaa-plan-na-reason");
  await expect(page.locator("#chk-iaa-plan-na-reason-error")).toContainText("Say why");
  await expect(reason).toHaveAttribute("aria-describedby", /(^| )chk-iaa-plan-na-reason-error( |$)/);
  await page.locator("#chk-iaa-plan summary").click();
  const evidence = page.locator("#chk-iaa-plan-evidence");
  // Words saying where the proof is kept are fine; something that looks like a link must be https.
  await evidence.fill("ticket 42 in our tracker");
  await expect(page.locator("#chk-iaa-plan-evidence-error")).toHaveCount(0);
  for (const bad of ["www.example.gov/iaa", "http://intranet.example.gov/iaa", "javascript:alert(1)"]) {
    await evidence.fill(bad);
    await expect(page.locator("#chk-iaa-plan-evidence-error")).toBeVisible();
    await expect(evidence).toHaveAttribute("aria-describedby", /chk-iaa-plan-evidence-error/);
  }
  await expectNoAxeViolations(page);
});

test("a required item marked not applicable says it cannot be waived, and still blocks launch", async ({ page }) => {
  await describe(page, { protocol: "oidc", audience: "public", financial: "no" });
  await open(page, "/checklist");
  await setStatus(page, "chk-iaa-signed", "not-applicable");
  await page.locator("#chk-iaa-signed-na-reason").fill("We think this does not apply");
  await expect(page.locator("#chk-iaa-signed").getByTestId("required-not-waivable")).toContainText("does not complete it");
  await expect(page.getByTestId("blockers")).toContainText("Get a signed IAA");
  await expect(page.getByTestId("progress-phase-agreement")).toHaveText("0 of 3 complete");
  await expectNoAxeViolations(page);
  await open(page, "/review");
  await expect(page.locator('tr[data-item="chk-iaa-signed"] td').nth(1)).toContainText("required here: still open");
});

test("with SAML, a workforce audience and IAL2, every mandatory item blocks until done; the links focus each item", async ({ page }) => {
  await describe(page, { protocol: "saml", audience: "workforce", financial: "yes" });
  await open(page, "/checklist");
  const blockers = page.getByTestId("blockers");
  for (const id of ["chk-failure-to-proof", "chk-iaa-idv", "chk-phishing-resistant-workforce", "chk-saml-encryption"]) {
    await expect(blockers.locator(`a[href="/checklist#${id}"]`)).toBeVisible();
    await expect(page.locator(`article#${id} .requirement`)).toHaveText("required");
  }
  // The link moves focus to the item itself, not only the scroll position.
  await blockers.locator('a[href="/checklist#chk-saml-encryption"]').click();
  await expect(page.locator("article#chk-saml-encryption")).toBeFocused();
  await expect(page.locator("article#chk-saml-encryption")).toBeInViewport();
  await expect(blockers).not.toHaveClass(/blockers--clear/);

  // Done with every blocker, one by one from the list: then nothing blocks, in the success style.
  const ids = await blockers.locator("a").evaluateAll((links) => links.map((a) => a.getAttribute("href").split("#")[1]));
  expect(ids.length).toBeGreaterThan(10);
  for (const id of ids) await setStatus(page, id, "done");
  await expect(blockers.getByTestId("nothing-blocks")).toHaveText("Nothing blocks launch: every required item that applies is done.");
  await expect(blockers).toHaveClass(/blockers--clear/);
  await expectNoAxeViolations(page);
});

test("text over the limit is kept whole and the field says so", async ({ page }) => {
  await open(page, "/checklist");
  await page.locator("#chk-iaa-plan summary").click();
  const note = page.locator("#chk-iaa-plan-note");
  const long = "n".repeat(10_214);
  await note.fill(long);
  expect((await note.inputValue()).length).toBe(10_214);
  const message = page.locator("#chk-iaa-plan-note-length");
  await expect(message).toHaveText(/^This is 10,214 characters, 214 more than the 10,000 the portal can save\. Nothing has been cut/);
  await expect(note).toHaveAttribute("aria-describedby", "chk-iaa-plan-note-length");
  await expectNoAxeViolations(page);
  await note.fill(long.slice(0, 10_000));
  await expect(message).toHaveText("");
});

test("a sign-off goes stale when an item it covers changes", async ({ page }) => {
  await describe(page, { protocol: "oidc", audience: "public", financial: "no" });
  await open(page, "/checklist");
  await setStatus(page, "chk-iaa-signed", "done");
  await open(page, "/review");
  const block = page.getByTestId("signoff-phase-agreement");
  await block.getByRole("button", { name: "Sign off Agreement" }).click();
  // An empty sign-off moves focus to an error summary that links each field.
  const summary = block.getByTestId("signoff-error-summary");
  await expect(summary).toBeFocused();
  await expect(summary.locator("li")).toHaveText(["Enter the reviewer’s name.", /Enter the reviewer’s role/, "Choose approved or changes requested."]);
  await summary.getByRole("link", { name: "Enter the reviewer’s name." }).click();
  await expect(block.getByLabel("Reviewer name")).toBeFocused();
  await expect(block.locator("#signoff-phase-agreement-reviewer-error")).toContainText("Enter the reviewer’s name");
  await expect(block.getByLabel("Reviewer name")).toHaveAttribute("aria-describedby", /signoff-phase-agreement-reviewer-error/);
  await expectNoAxeViolations(page);
  await block.getByLabel("Reviewer name").fill("Pat Reviewer");
  await block.getByLabel("Reviewer role").fill("ISSO");
  await block.locator('label[for="signoff-phase-agreement-approved"]').click();
  // An agreement item is still open: approving needs a confirmation that names it.
  const open_ = block.getByTestId("open-concerns");
  await expect(open_.locator("li")).toHaveText(["Blocks launch: Keep the agreement number for the launch request (Agreement)"]);
  await expectNoAxeViolations(page);
  await block.getByRole("button", { name: "Sign off Agreement" }).click();
  await expect(summary).toBeFocused();
  await expect(summary.locator("li")).toHaveText([/^Confirm that you approve/]);
  await expect(block.getByTestId("approved-with-open")).toHaveCount(0);
  await block.locator('label[for="signoff-phase-agreement-confirm"]').click();
  await block.getByRole("button", { name: "Sign off Agreement" }).click();
  await expect(block).toContainText("Approved by Pat Reviewer (ISSO)");
  await expect(block.getByTestId("approved-with-open")).toHaveText("Approved with 1 still open:");
  await expect(block.getByTestId("stale")).toHaveCount(0);

  await open(page, "/checklist");
  await setStatus(page, "chk-iaa-number", "done");
  await open(page, "/review");
  await expect(page.getByTestId("signoff-phase-agreement").getByTestId("stale")).toBeVisible();
  await expect(page.getByTestId("signoff-phase-sandbox").getByTestId("stale")).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("home shows the overall sign-off's staleness, as the review page does", async ({ page }) => {
  await describe(page, { protocol: "oidc", audience: "public", financial: "no" });
  await open(page, "/review");
  const block = page.getByTestId("signoff-overall");
  await block.getByLabel("Reviewer name").fill("Pat Reviewer");
  await block.getByLabel("Reviewer role").fill("ISSO");
  await block.locator('label[for="signoff-overall-changes-requested"]').click();
  await block.getByRole("button", { name: "Sign off the whole checklist" }).click();
  await expect(block).toContainText("Changes requested by Pat Reviewer (ISSO)");
  await open(page, "/");
  await expect(page.getByTestId("signoff-progress")).not.toContainText("Stale");
  await open(page, "/checklist");
  await setStatus(page, "chk-iaa-signed", "done");
  await open(page, "/");
  await expect(page.getByTestId("signoff-progress")).toContainText("Changes requested by Pat Reviewer (ISSO)");
  await expect(page.getByTestId("signoff-progress")).toContainText("Stale: the work changed after this sign-off");
});

test("evidence links are links on the review page, and long ones wrap instead of scrolling sideways", async ({ page }) => {
  await open(page, "/checklist");
  await setStatus(page, "chk-iaa-signed", "done");
  await page.locator("#chk-iaa-signed summary").click();
  const longUrl = `https://docs.example.gov/agreements/${"very-long-path-segment-".repeat(12)}iaa.pdf?version=${"9".repeat(40)}`;
  await page.locator("#chk-iaa-signed-evidence").fill(longUrl);
  await page.locator("#chk-iaa-signed-note").fill(`${"word ".repeat(60)}${"unbroken".repeat(30)}`);
  await page.locator("#chk-iaa-plan summary").click();
  await page.locator("#chk-iaa-plan-evidence").fill("Ticket 4521 in our tracker");
  await open(page, "/review");
  const link = page.locator('tr[data-item="chk-iaa-signed"] a[href^="https://docs.example.gov/"]');
  await expect(link).toHaveAttribute("href", longUrl);
  await expect(page.locator('tr[data-item="chk-iaa-plan"]')).toContainText("Ticket 4521 in our tracker");
  await expect(page.locator('tr[data-item="chk-iaa-plan"] td a')).toHaveCount(0);
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `no sideways scroll at ${width} px`).toBeLessThanOrEqual(0);
    const table = await page.locator("table.review-table").first().evaluate((t) => t.scrollWidth - t.clientWidth);
    expect(table, `the table fits at ${width} px`).toBeLessThanOrEqual(1);
  }
  await expectNoAxeViolations(page);
});

test("the CSV and Markdown downloads hold the checklist", async ({ page }, testInfo) => {
  await describe(page, { protocol: "saml", audience: "public", financial: "yes" });
  await open(page, "/checklist");
  await setStatus(page, "chk-iaa-signed", "done");
  await page.locator("#chk-iaa-signed summary").click();
  await page.locator("#chk-iaa-signed-note").fill("=HYPERLINK(\"https://evil.example\")");
  await open(page, "/review");

  const csvFile = await downloadText(page, "Download CSV", testInfo);
  expect(csvFile.name).toMatch(/^readiness-department-of-examples-benefits-portal-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = csvFile.text;
  expect(csv.startsWith('\ufeff"Agency","Department of Examples"')).toBe(true);
  for (const fact of ['"Application","Benefits Portal"', '"Protocol","SAML"', '"Recommended service level","IAL2/AAL2 (Enhanced identity verification)"', '"Overall sign-off","not signed off yet"'])
    expect(csv).toContain(fact);
  expect(csv).toContain('"Phase","Item id","Item","Requirement","Applies","Status","Counts as complete"');
  expect(csv).toContain('"Agreement","chk-iaa-signed","Get a signed IAA that lists this application","required","yes","Done"');
  expect(csv).toContain('"\'=HYPERLINK(""https://evil.example"")"');
  expect(csv).toContain('"chk-saml-logout","Set the SAML logout URL","required","yes"');

  const mdFile = await downloadText(page, "Download Markdown", testInfo);
  expect(mdFile.name).toMatch(/\.md$/);
  const md = mdFile.text;
  expect(md).toContain("# Launch readiness: Department of Examples – Benefits Portal");
  expect(md).toContain("- Recommended service level: IAL2/AAL2");
  expect(md).toContain("- Overall sign-off: not signed off yet");
  expect(md).toContain("- [x] **Get a signed IAA that lists this application** (required): Done");
  expect(md).toContain("**Publish a Failure-to-Proof page and give Login.gov its URL**");
});

test("the JSON record imports into a fresh browser with the same checklist state", async ({ page, browser }, testInfo) => {
  await describe(page, { protocol: "saml", audience: "both", financial: "yes" });
  await open(page, "/checklist");
  await setStatus(page, "chk-saml-logout", "done");
  await setStatus(page, "chk-prod-logo", "not-applicable");
  await page.locator("#chk-prod-logo-na-reason").fill("Logo already on file");
  await open(page, "/review");
  const file = (await downloadText(page, "Download JSON record", testInfo, "record.json")).path;

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto("/");
  await other.getByLabel("Import a record").setInputFiles(file);
  await expect(other.getByText(/^Imported record\.json/)).toBeVisible();
  await other.getByRole("navigation", { name: "Primary" }).getByRole("link", { name: "Checklist" }).click();
  await expect(other.locator("#chk-saml-logout-done")).toBeChecked();
  await expect(other.locator("#chk-prod-logo-na-reason")).toHaveValue("Logo already on file");
  await expect(other.locator("article#chk-failure-to-proof")).toBeVisible();
  await expect(other.locator("article#chk-phishing-resistant-both")).toBeVisible();
  await fresh.close();
});

test("the printed review holds every applicable item and no forms", async ({ page }) => {
  await describe(page, { protocol: "saml", audience: "workforce", financial: "yes" });
  await open(page, "/checklist");
  const applicable = await page.locator("article.checklist-item").evaluateAll((items) => items.map((i) => i.id));
  expect(applicable.length).toBeGreaterThan(20);
  await open(page, "/review");
  await expectNoAxeViolations(page);
  await page.emulateMedia({ media: "print" });
  for (const id of applicable) await expect(page.locator(`tr[data-item="${id}"]`)).toBeVisible();
  await expect(page.locator("tr[data-item]")).toHaveCount(applicable.length);
  await expect(page.locator("form").first()).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Primary" })).toBeHidden();
});

test("a link to an item in a later phase scrolls to it once the phase is built", async ({ page }) => {
  await open(page, "/checklist#chk-launch-details");
  await expect(page.locator("#chk-launch-details")).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
});
