import { test, expect, open, appRendered, expectNoAxeViolations } from "./helpers.mjs";

/** Answers a decision question the way a person does: by clicking the label. */
async function answer(page, question, value) {
  await page.locator(`label[for="q-${question}-${value}"]`).click();
}

async function answerAll(page, values) {
  for (const [question, value] of Object.entries(values)) await answer(page, question, value);
}

const allNoPublic = { cui: "no", financial: "no", records: "no", "others-data": "no", audience: "public" };

test("the guide starts without a recommendation and with no axe violations", async ({ page }) => {
  await open(page, "/service-level");
  await expect(page.locator("h1")).toHaveText("Choose your service level");
  await expect(page.getByTestId("recommended-level")).toContainText("No level recommended yet");
  await expect(page.getByTestId("guidance")).toContainText("Still to answer");
  // Three levels, told honestly: the two main choices and basic verification, which is not IAL2.
  await expect(page.locator(".level-card")).toHaveCount(3);
  await expect(page.locator(".level-card--other")).toContainText("Why it is not IAL2");
  await expect(page.locator(".basic-verification a").first()).toHaveAttribute("href", /^https:\/\//);
  await expect(page.locator("main")).not.toContainText(/two service levels/i);
  await expect(page.getByTestId("settings-card")).toContainText("Answer the decision questions");
  await expectNoAxeViolations(page);
});

test("IAL2 ends in the exact settings to request, and each value copies", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await open(page, "/service-level");
  await answer(page, "financial", "yes");
  await answer(page, "audience", "public");
  const card = page.getByTestId("settings-card");
  const acr = "urn:acr.login.gov:verified-facial-match-required http://idmanagement.gov/ns/assurance/aal/2";
  await expect(card.locator("#settings-0-acr")).toHaveText(acr);
  await expect(card.getByTestId("portal-ial")).toHaveText("Identity verification permitted");
  await expect(card.getByTestId("portal-aal")).toHaveText("MFA required, remember device disallowed (AAL2)");
  await expect(card.locator("#settings-0-oidc-sandbox")).toContainText("https://idp.int.identitysandbox.gov/openid_connect/authorize?acr_values=");
  await expect(card.locator("#settings-0-oidc-production")).toContainText("https://secure.login.gov/openid_connect/authorize?");
  await expect(card.locator("#settings-0-saml")).toContainText("<saml:AuthnContextClassRef>urn:acr.login.gov:verified-facial-match-required</saml:AuthnContextClassRef>");
  await expect(card.getByTestId("settings-traps")).toContainText("verified-facial-match-preferred");
  await card.getByRole("button", { name: "Copy OIDC acr_values", exact: true }).click();
  await expect(card.locator(".copy-button__status").first()).toHaveText("Copied.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(acr);
  await expectNoAxeViolations(page);
});

test("a workforce audience gets the phishing-resistant value; public and workforce get one each", async ({ page }) => {
  await open(page, "/service-level");
  await answerAll(page, { ...allNoPublic, audience: "workforce" });
  const card = page.getByTestId("settings-card");
  await expect(card.locator("#settings-0-acr")).toHaveText("urn:acr.login.gov:auth-only http://idmanagement.gov/ns/assurance/aal/2?phishing_resistant=true");
  await expect(card.getByTestId("portal-aal")).toContainText("Phishing-resistant MFA");
  await expect(card.getByTestId("portal-ial")).toHaveText("Authentication only (no verified attributes)");
  await answer(page, "audience", "both");
  await expect(card.locator("#settings-0-acr")).toHaveText("urn:acr.login.gov:auth-only http://idmanagement.gov/ns/assurance/aal/2");
  await expect(card.locator("#settings-1-acr")).toHaveText("urn:acr.login.gov:auth-only http://idmanagement.gov/ns/assurance/aal/2?phishing_resistant=true");
  await expect(card).toContainText("never force it on the public");
  await expectNoAxeViolations(page);
});

test("choosing basic identity verification over the recommendation changes the settings", async ({ page }) => {
  await open(page, "/service-level");
  await answer(page, "financial", "yes");
  await page.locator('label[for="chosen-basic-idv"]').click();
  await page.getByLabel("Why does your agency choose this level?").fill("Our risk assessment of 2026-11 calls for verified attributes without IAL2.");
  await expect(page.getByTestId("settings-card").locator("#settings-0-acr")).toContainText("urn:acr.login.gov:verified http");
  await expect(page.getByTestId("effective-level")).toContainText("Basic identity verification (not IAL2)");
  await expectNoAxeViolations(page);
});

test("financial transactions: yes recommends IAL2/AAL2 with the Failure-to-Proof consequence", async ({ page }) => {
  await open(page, "/service-level");
  await answer(page, "financial", "yes");
  await expect(page.getByTestId("recommended-level")).toHaveText("Recommended level: IAL2/AAL2 (Enhanced identity verification)");
  await expect(page.getByTestId("reasons")).toContainText("financial transactions or banking information");
  await expect(page.getByTestId("consequences")).toContainText("Failure-to-Proof URL");
  await expect(page.getByTestId("consequences")).toContainText("identity verification");
  await expectNoAxeViolations(page);
});

test("all no with a public audience recommends IAL1/AAL2 with any MFA", async ({ page }) => {
  await open(page, "/service-level");
  await answerAll(page, allNoPublic);
  await expect(page.getByTestId("recommended-level")).toHaveText("Recommended level: IAL1/AAL2");
  await expect(page.getByTestId("recommended-auth")).toContainText("Any multi-factor method");
  await expect(page.getByTestId("consequences")).not.toContainText("Failure-to-Proof");
  await expect(page.getByTestId("effective-level")).toHaveText("The rest of the portal uses IAL1/AAL2.");
});

test("a workforce audience recommends phishing-resistant authentication", async ({ page }) => {
  await open(page, "/service-level");
  await answer(page, "audience", "workforce");
  await expect(page.getByTestId("recommended-auth")).toContainText("Phishing-resistant only");
  await expect(page.getByTestId("reasons")).toContainText("M-22-09");
});

test("not sure yields guidance instead of a guess", async ({ page }) => {
  await open(page, "/service-level");
  await answerAll(page, { ...allNoPublic, cui: "not-sure" });
  await expect(page.getByTestId("recommended-level")).toContainText("No level recommended yet");
  await expect(page.getByTestId("guidance")).toContainText("records or information security officer");
  await expectNoAxeViolations(page);
});

test("answers survive a reload and show on the home page", async ({ page }) => {
  await open(page, "/service-level");
  await answerAll(page, { ...allNoPublic, records: "yes" });
  await page.reload();
  await appRendered(page);
  await expect(page.locator("#q-records-yes")).toBeChecked();
  await expect(page.locator("#q-cui-no")).toBeChecked();
  await expect(page.getByTestId("recommended-level")).toHaveText("Recommended level: IAL2/AAL2 (Enhanced identity verification)");
  await open(page, "/");
  await expect(page.getByTestId("level-progress")).toHaveText("IAL2/AAL2 (Enhanced identity verification) (recommended)");
  await expect(page.locator("#audience-public")).toBeChecked();
});

test("choosing another level needs a reason tied to its field", async ({ page }) => {
  await open(page, "/service-level");
  await answer(page, "financial", "yes");
  await page.locator('label[for="chosen-ial1-aal2"]').click();
  const reason = page.getByLabel("Why does your agency choose this level?");
  await expect(page.locator("#override-reason-error")).toBeVisible();
  await expect(reason).toHaveAttribute("aria-describedby", /override-reason-error/);
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);
  await reason.fill("Our risk assessment of 2026-10-01 found no identity risk.");
  await expect(page.locator("#override-reason-error")).toHaveCount(0);
  await expect(page.getByTestId("effective-level")).toHaveText("The rest of the portal uses IAL1/AAL2.");
  await page.reload();
  await expect(page.getByLabel("Why does your agency choose this level?")).toHaveValue("Our risk assessment of 2026-10-01 found no identity risk.");
});

test("the share link restores the answers in a new browser", async ({ page, browser, baseURL }) => {
  await open(page, "/service-level");
  await answerAll(page, { ...allNoPublic, financial: "yes", audience: "workforce" });
  const link = await page.getByLabel("Link to these answers").inputValue();
  expect(link).toBe(`${baseURL}/service-level?cui=no&financial=yes&records=no&others-data=no&audience=workforce`);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByTestId("recommended-level")).toHaveText("Recommended level: IAL2/AAL2 (Enhanced identity verification)");
  await expect(other.getByTestId("recommended-auth")).toContainText("Phishing-resistant only");
  await expect(other.locator("#q-financial-yes")).toBeChecked();
  await expect(other).toHaveURL(/\/service-level$/);
  await other.reload();
  await expect(other.locator("#q-financial-yes")).toBeChecked();
  await fresh.close();
});

test("a share link asks before replacing different answers", async ({ page }) => {
  await open(page, "/service-level");
  await answerAll(page, allNoPublic);
  await page.goto("/service-level?financial=yes&audience=workforce");
  await expect(page.getByRole("heading", { name: "This link has different answers" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Keep my answers" }).click();
  await expect(page.locator("#q-financial-no")).toBeChecked();
  await page.goto("/service-level?financial=yes&audience=workforce");
  await page.getByRole("button", { name: "Use the link’s answers" }).click();
  await expect(page.locator("#q-financial-yes")).toBeChecked();
  await expect(page.getByTestId("recommended-level")).toHaveText("Recommended level: IAL2/AAL2 (Enhanced identity verification)");
});

test("a share link carries the reason for a chosen level, so the recipient sees no error", async ({ page, browser }) => {
  await open(page, "/service-level");
  await answerAll(page, { ...allNoPublic, financial: "yes" });
  await page.locator('label[for="chosen-ial1-aal2"]').click();
  const reason = "Risk assessment of 2026-10-01 & sign-off #4: authentication only";
  await page.locator("#override-reason").fill(reason);
  const link = await page.getByLabel("Link to these answers").inputValue();
  expect(new URL(link).searchParams.get("reason")).toBe(reason);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.locator("#chosen-ial1-aal2")).toBeChecked();
  await expect(other.locator("#override-reason")).toHaveValue(reason);
  await expect(other.locator("#override-reason-error")).toHaveCount(0);
  await expectNoAxeViolations(other);
  await fresh.close();
});

test("IAL2 is named Enhanced identity verification on the guide and the settings card, and the AAL trap shows only for IAL1", async ({ page }) => {
  await open(page, "/service-level");
  await expect(page.locator("#level-ial2-aal2")).toContainText("Enhanced identity verification");
  await page.locator('label[for="q-financial-yes"]').click();
  const card = page.getByTestId("settings-card");
  await expect(card.getByTestId("settings-portal")).toContainText("IAL2/AAL2 (Enhanced identity verification)");
  await expect(card.getByTestId("settings-traps")).not.toContainText("remember device up to 30 days");
  await expect(card.getByTestId("idp-certificates")).toContainText("https://secure.login.gov/api/openid_connect/certs");
  const year = new Date().getFullYear();
  await expect(card.getByTestId("saml-endpoints")).toContainText(`https://secure.login.gov/api/saml/auth${year}`);
  await expect(card.getByTestId("idp-certificates")).toContainText(`metadata${year}`);
  await page.locator('label[for="q-financial-no"]').click();
  for (const q of ["cui", "records", "others-data"]) await page.locator(`label[for="q-${q}-no"]`).click();
  await expect(page.getByTestId("recommended-level")).toHaveText("Recommended level: IAL1/AAL2");
  await expect(card.getByTestId("settings-traps")).toContainText("remember device up to 30 days");
  await expectNoAxeViolations(page);
});
