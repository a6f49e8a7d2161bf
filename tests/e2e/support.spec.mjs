import { test, expect, open, expectNoAxeViolations, downloadText } from "./helpers.mjs";

// The Contact Center number, as agencies must never write it. Test fixture only.
const CONTACT_CENTER = "(844) 875-6446";

test("the checker flags the Contact Center number with its excerpt", async ({ page }) => {
  await open(page, "/support/checker");
  await page.getByLabel("Text or HTML to check").fill(
    `<h1>Need help?</h1>\n<p>Questions about your account? Call Login.gov at ${CONTACT_CENTER}.</p>\n<p>Our help desk: (202) 555-0147.</p>`,
  );
  await expect(page.getByTestId("checker-summary")).toContainText("1 error");
  const findings = page.getByTestId("findings");
  await expect(findings.locator(".finding--error")).toHaveCount(1);
  await expect(findings.locator(".finding--error .finding__excerpt")).toHaveText(CONTACT_CENTER);
  await expect(findings.locator(".finding--error")).toContainText("Line 2");
  await expect(findings).toContainText("(202) 555-0147");
  await expect(page.getByTestId("tick-chk-no-phone-number").getByRole("button")).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("a clean page with a contact link passes and can tick its checklist item", async ({ page }) => {
  await open(page, "/support/checker");
  await page.getByLabel("Text or HTML to check").fill(
    '<p>Need help with your Login.gov account? Visit <a href="https://login.gov/contact/">the Login.gov contact page</a>. For questions about your benefits, email our help desk.</p>',
  );
  await expect(page.getByTestId("checker-summary")).toContainText("No Contact Center number found");
  await expect(page.getByTestId("checker-summary")).toContainText("It links to the Login.gov contact page");
  await expect(page.locator(".finding--error")).toHaveCount(0);
  await page.getByTestId("tick-chk-no-phone-number").getByRole("button").click();
  await expect(page.getByTestId("tick-chk-no-phone-number")).toContainText("is done");
  await open(page, "/checklist");
  await expect(page.locator("#chk-no-phone-number-done")).toBeChecked();
  await expect(page.locator("#chk-no-phone-number-note")).toHaveValue(/content checker/);
});

/** Names the agency and application, then fills the email page's own fields, as a person does. */
async function fillEmail(page) {
  await open(page, "/");
  await page.getByLabel("Agency name").fill("Department of Examples");
  await page.getByLabel("Application name").fill("Benefits Portal");
  await open(page, "/support/email");
  await page.getByLabel("Launch time frame").fill("in early March 2027");
  await page.getByLabel("Your help desk").fill("help@benefits.example.gov");
}

test("the email preview switches language and its links change with it", async ({ page }) => {
  await fillEmail(page);
  const preview = page.getByTestId("email-preview");
  await expect(preview).toContainText("Benefits Portal");
  await expect(preview).toContainText("https://login.gov/create-an-account/");
  await expect(preview).toContainText("https://login.gov/contact/");
  await expect(page.getByTestId("email-check")).toContainText("passed");
  await expectNoAxeViolations(page);

  for (const [lang, prefix, htmlLang] of [["es", "/es/", "es"], ["fr", "/fr/", "fr"], ["zh", "/zh/", "zh-Hans"]]) {
    await page.locator(`label[for="email-lang-${lang}"]`).click();
    await expect(preview).toHaveAttribute("lang", htmlLang);
    await expect(preview).toContainText(`https://login.gov${prefix}create-an-account/`);
    await expect(preview).toContainText(`https://login.gov${prefix}contact/`);
    await expect(preview).not.toContainText("https://login.gov/contact/");
    await expect(page.getByTestId("email-check")).toContainText("passed");
  }
});

test("the email's identity-verification paragraph follows the level, and the .eml downloads", async ({ page }, testInfo) => {
  await open(page, "/service-level");
  await page.locator('label[for="q-financial-yes"]').click();
  await open(page, "/support/email");
  await page.getByLabel("Launch time frame").fill("in spring 2027");
  const withIdv = await page.getByTestId("email-preview").innerText();
  await open(page, "/service-level");
  await page.locator('label[for="q-financial-no"]').click();
  for (const q of ["cui", "records", "others-data"]) await page.locator(`label[for="q-${q}-no"]`).click();
  await open(page, "/support/email");
  const withoutIdv = await page.getByTestId("email-preview").innerText();
  expect(withIdv.length).toBeGreaterThan(withoutIdv.length);
  expect(withIdv).toMatch(/verify your identity once/);
  expect(withoutIdv).not.toMatch(/verify your identity/);
  // In-person verification is offered to some partner agencies only: not mentioned unasked.
  expect(withIdv).not.toMatch(/Post Office/);

  const file = await downloadText(page, "Download .eml (opens as a draft)", testInfo);
  expect(file.name).toMatch(/^launch-email-.*\.eml$/);
  const eml = file.text;
  expect(eml).toContain("MIME-Version: 1.0");
  expect(eml).toContain("multipart/alternative");
  await expect(page.getByTestId("tick-chk-announcement").getByRole("button")).toBeVisible();
});

test("the link builder encodes attribution values into every link", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await open(page, "/support/links");
  await expect(page.locator('tr[data-link="contact-es"] code')).toHaveText("https://login.gov/es/contact/");
  await page.getByLabel("Agency value").fill("Dept of Examples & Co");
  // login.gov keeps each parameter on its own, so one alone already goes into the links.
  await expect(page.locator('tr[data-link="contact-es"] code')).toHaveText("https://login.gov/es/contact/?agency=Dept%20of%20Examples%20%26%20Co");
  await page.getByLabel("Integration value").fill("benefits/portal");
  await expect(page.locator('tr[data-link="contact-es"] code')).toHaveText(
    "https://login.gov/es/contact/?agency=Dept%20of%20Examples%20%26%20Co&integration=benefits%2Fportal",
  );
  await expect(page.locator("#html-help-zh")).toHaveValue(/^<a href="https:\/\/login.gov\/zh\/help\/\?agency=Dept%20of%20Examples%20%26%20Co&amp;integration=benefits%2Fportal" lang="zh-Hans">Login.gov 帮助中心<\/a>$/);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Copy the English contact link" }).click();
  await expect(page.locator('tr[data-link="contact-en"]')).toContainText("Copied.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    "https://login.gov/contact/?agency=Dept%20of%20Examples%20%26%20Co&integration=benefits%2Fportal",
  );
  await expect(page.getByTestId("tick-chk-link-contact").getByRole("button")).toBeVisible();
});

test("the FAQ is filled with the names, shows IAL2 answers only for IAL2, and exports", async ({ page }, testInfo) => {
  await open(page, "/");
  await page.getByLabel("Agency name").fill("Department of Examples");
  await page.getByLabel("Application name").fill("Benefits <Portal>");
  await open(page, "/support/faq");
  const faq = page.getByTestId("faq");
  await expect(faq).toContainText("Benefits <Portal>");
  await expect(faq.locator('[data-faq="sup-faq-verify-identity"]')).toHaveCount(0);
  await open(page, "/service-level");
  await page.locator('label[for="q-records-yes"]').click();
  await open(page, "/support/faq");
  await expect(page.getByTestId("faq").locator('[data-faq="sup-faq-verify-identity"]')).toHaveCount(1);
  await expectNoAxeViolations(page);

  const html = (await downloadText(page, "Download HTML", testInfo)).text;
  expect(html).toContain("Benefits &lt;Portal&gt;");
  expect(html).not.toContain("<Portal>");
  await expect(page.getByTestId("tick-chk-help-desk-briefing").getByRole("button")).toBeVisible();
});

test("the checker counts in words, groups identical findings and reads the lang attribute", async ({ page }) => {
  await open(page, "/support/checker");
  const input = page.getByLabel("Text or HTML to check");
  const lines = Array.from({ length: 170 }, () => "Call 202-555-0123 for help. See https://login.gov/contact/.").join("\n");
  await input.fill(lines);
  const summary = page.getByTestId("checker-summary");
  await expect(summary).toContainText("No Contact Center number found. 170 notes.");
  const findings = page.getByTestId("findings").locator("li");
  await expect(findings).toHaveCount(1);
  await expect(findings).toContainText("Lines 1, 2, 3, 4, 5 and 165 more:");
  await expect(findings).toContainText("(170 times)");
  await input.fill("Call 202-555-0123 for help. See https://login.gov/contact/.");
  await expect(summary).toContainText("1 note.");
  await input.fill('<p lang="es">Ayuda: <a href="https://login.gov/es/contact/">contacto</a></p>');
  await expect(summary).toContainText("The HTML says the text is Spanish.");
  await expect(summary).not.toContainText("could not be told");
  await expectNoAxeViolations(page);
});

test("outside English the typed text is marked to translate, files are named per language, and copying HTML puts HTML on the clipboard", async ({ page, context }, testInfo) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await fillEmail(page);
  const preview = page.getByTestId("email-preview");
  await expect(preview.getByTestId("typed-value")).toHaveCount(0);
  await expect(page.getByTestId("translate-notice")).toHaveCount(0);

  // "Copied." belongs to the text that was copied: it clears when the language changes.
  const htmlButton = page.getByRole("button", { name: "Copy as HTML" });
  await htmlButton.click();
  const status = page.locator(".copy-button", { has: htmlButton }).locator(".copy-button__status");
  await expect(status).toHaveText("Copied.");
  const types = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    return Object.fromEntries(await Promise.all(item.types.map(async (t) => [t, await (await item.getType(t)).text()])));
  });
  expect(Object.keys(types).sort()).toEqual(["text/html", "text/plain"]);
  expect(types["text/html"]).toContain('<div lang="en">');
  expect(types["text/plain"]).toContain("Benefits Portal will use Login.gov for sign-in");
  expect(types["text/plain"]).not.toContain("<p>");

  await page.locator('label[for="email-lang-es"]').click();
  await expect(status).toHaveText("");
  await expect(page.getByTestId("translate-notice")).toContainText("Write them in Spanish");
  await expect(preview.getByTestId("typed-value")).toHaveCount(2);
  await expect(preview.getByTestId("typed-value").first()).toContainText("in early March 2027");
  await expect(preview.getByTestId("typed-value").first()).toContainText("[your text: check it is in Spanish]");
  await expectNoAxeViolations(page);
  // The marks are only in the preview: the email itself carries the text as typed.
  await expect(page.locator("#email-html")).not.toHaveValue(/your text/);

  const names = [];
  for (const lang of ["es", "fr"]) {
    await page.locator(`label[for="email-lang-${lang}"]`).click();
    names.push((await downloadText(page, "Download .eml (opens as a draft)", testInfo)).name);
  }
  expect(names[0]).toMatch(/^launch-email-department-of-examples-benefits-portal-es-\d{4}-\d{2}-\d{2}\.eml$/);
  expect(names[1]).toMatch(/-fr-\d{4}-\d{2}-\d{2}\.eml$/);
});

test("the in-person question decides whether the email and the FAQ mention the Post Office", async ({ page }) => {
  await open(page, "/service-level");
  await page.locator('label[for="q-financial-yes"]').click();
  // Not answered yet: the guide says to ask, and nothing for users mentions it.
  await expect(page.getByTestId("in-person-text")).toContainText("Ask your Login.gov account manager");
  await open(page, "/support/email");
  const preview = page.getByTestId("email-preview");
  await expect(preview).toContainText("verify your identity once");
  await expect(preview).not.toContainText("Post Office");
  await expect(preview).toContainText("U.S. passport");
  await expect(preview).toContainText("phone number or mailing address");
  await page.locator('label[for="email-in-person-yes"]').click();
  await expect(preview).toContainText("participating Post Office");
  await expectNoAxeViolations(page);
  for (const lang of ["es", "fr", "zh"]) {
    await page.locator(`label[for="email-lang-${lang}"]`).click();
    await expect(preview).toContainText(lang === "zh" ? "美国邮政局" : lang === "es" ? "Servicio Postal" : "U.S. Postal Service");
  }
  await open(page, "/support/faq");
  await expect(page.getByTestId("faq")).toContainText("Can I verify my identity in person?");
  await expect(page.getByTestId("faq-written-from")).toContainText("Login.gov also publishes its own answers");
  // "Not sure" is not "yes": the FAQ leaves it out again, and the guide says to ask.
  await page.locator('label[for="faq-in-person-not-sure"]').click();
  await expect(page.getByTestId("faq")).not.toContainText("in person");
  await expect(page.getByTestId("faq")).not.toContainText("Post Office");
  await expectNoAxeViolations(page);
  await open(page, "/service-level");
  await expect(page.locator("#service-level-in-person-not-sure")).toBeChecked();
  await page.locator('label[for="service-level-in-person-yes"]').click();
  await expect(page.getByTestId("in-person-text")).toContainText("users can verify in person");
  await expect(page.getByTestId("consequences")).toContainText("users can verify in person");
  await page.locator('label[for="service-level-in-person-no"]').click();
  await expect(page.getByTestId("in-person-text")).toContainText("not enabled");
  await expect(page.getByTestId("in-person-text")).toContainText("What this portal does");
});

test("the support page says what users do themselves, what only the agency handles and what nobody can", async ({ page }) => {
  await open(page, "/support");
  await expect(page.getByTestId("agent-cannot-user")).toContainText("Reset, create or delete accounts");
  await expect(page.getByTestId("agent-cannot-user").getByRole("link", { name: "Delete your account" })).toHaveAttribute("href", "https://www.login.gov/help/manage-your-account/delete-your-account/");
  await expect(page.getByTestId("agent-cannot-agency")).toContainText("account-linking codes");
  await expect(page.getByTestId("agent-cannot-nobody")).toContainText("24-hour waiting period");
  await expect(page.getByTestId("nobody-can")).toContainText("not your help desk");
  await expectNoAxeViolations(page);
});
