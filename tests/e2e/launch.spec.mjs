import { test, expect, open, appRendered, expectNoAxeViolations, downloadText } from "./helpers.mjs";

// These tests share the one receiver in the local server.
test.describe.configure({ mode: "serial" });

function isoDaysAhead(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

async function receiver(page, action) {
  const response = await page.request.get(`/__receiver/${action}`);
  return response.json();
}

/** Fills a valid launch request; the date comes from the page's own "next valid dates". */
async function fillValidForm(page) {
  await open(page, "/");
  await page.getByLabel("Agency name").fill("Department of Examples");
  await page.getByLabel("Application name").fill("Benefits Portal");
  await open(page, "/launch");
  await page.getByLabel("Application URL").fill("https://benefits.example.gov");
  await page.getByLabel("Audience").selectOption("general-public");
  await page.getByLabel("IAA number").fill("LGABCFY210001-0001-0000");
  await page.getByLabel("Desired launch date").fill(isoDaysAhead(7));
  await page.getByTestId("next-dates").getByRole("button").first().click();
  await page.getByLabel("Monthly active users").fill("12,000");
  await page.getByLabel("Estimated annual registrations").fill("5000");
  await page.getByLabel("Estimated annual authentications").fill("100000");
  await page.getByLabel("Program-management contacts").fill("pm@example.gov");
  await page.getByLabel("Technical-support contacts").fill("dev@example.gov, ops@example.gov");
  await page.getByLabel("Billing contacts").fill("billing@example.gov");
  await page.getByLabel("Help-desk contact information").fill("help@benefits.example.gov");
  await page.getByLabel("Share of users new to Login.gov (%)").fill("60");
  await page.locator('label[for="launch-phone_published-no"]').click();
}

test.beforeEach(async ({ page }) => {
  await receiver(page, "reset");
});

test("a launch date 7 days ahead is refused with the next valid dates offered", async ({ page }) => {
  await open(page, "/launch");
  const date = page.getByLabel("Desired launch date");
  await date.fill(isoDaysAhead(7));
  await expect(page.locator("#launch-launch_date-error")).toContainText("14 days");
  await expect(date).toHaveAttribute("aria-describedby", /launch-launch_date-error/);
  const offered = page.getByTestId("next-dates").getByRole("button");
  await expect(offered).toHaveCount(4);
  await expect(offered.first()).toHaveText(/^Use (Tuesday|Thursday) \d{4}-\d{2}-\d{2}$/);
  await page.getByRole("button", { name: "Submit the launch request" }).click();
  await expect(page.locator("#launch-error-summary")).toBeFocused();
  await expect(page.locator("#launch-error-summary")).toContainText("before you submit");
  await expectNoAxeViolations(page);
  await offered.first().click();
  await expect(page.locator("#launch-launch_date-error")).toHaveCount(0);
  expect((await receiver(page, "received")).attempts).toBe(0);
});

test("a valid submission reaches the receiver once", async ({ page }) => {
  await fillValidForm(page);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Submit the launch request" }).click();
  await expect(page.getByTestId("receipts")).toContainText("Reference: LR-1");
  const got = await receiver(page, "received");
  expect(got.submissions).toHaveLength(1);
  expect(got.attempts).toBe(1);
  const payload = got.submissions[0].payload;
  expect(payload.schema).toBe("login-gov-partner-launch-request");
  expect(payload.agency).toBe("Department of Examples");
  expect(payload.idempotency_key).toMatch(/^[0-9a-f]{32}$/);
  await open(page, "/");
  await expect(page.getByTestId("launch-progress")).toContainText("submitted on");
});

test.describe("when the receiver fails", () => {
  test.use({ expectedConsoleErrors: /ERR_EMPTY_RESPONSE|status of 503/ });

test("with the receiver down, the submission waits in the outbox across a reload and goes through on retry", async ({ page }) => {
  await fillValidForm(page);
  await receiver(page, "down");
  await page.getByRole("button", { name: "Submit the launch request" }).click();
  await expect(page.getByTestId("outbox")).toContainText("could not be reached");
  await page.reload();
  await appRendered(page);
  await expect(page.getByTestId("outbox")).toContainText("Waiting to send");
  await expect(page.getByTestId("receipts")).not.toContainText("Sent on");
  await receiver(page, "up");
  await page.getByRole("button", { name: "Retry now" }).click();
  await expect(page.getByTestId("receipts")).toContainText("Sent on");
  await expect(page.getByTestId("outbox")).not.toContainText("Waiting to send");
  const got = await receiver(page, "received");
  expect(got.submissions).toHaveLength(1);
});

test("a failed first attempt is retried with the same key and recorded exactly once", async ({ page }) => {
  await fillValidForm(page);
  await page.request.get("/__receiver/fail-next?count=1");
  await page.getByRole("button", { name: "Submit the launch request" }).click();
  await expect(page.getByTestId("outbox")).toContainText("HTTP status 503");
  // The automatic retry comes after 2 seconds.
  await expect(page.getByTestId("receipts")).toContainText("Reference: LR-1", { timeout: 10_000 });
  const got = await receiver(page, "received");
  expect(got.attempts).toBe(2);
  expect(got.submissions).toHaveLength(1);
});

});

test("the phone-number switch shows the phone surge in the forecast", async ({ page }) => {
  await fillValidForm(page);
  await page.getByLabel("Monthly active users").fill("2,000,000");
  const agents = page.getByTestId("agents");
  await expect(agents).not.toHaveText("1");
  const published = page.getByTestId("agents-published");
  const linked = Number(await agents.innerText());
  const surge = Number(await published.innerText());
  expect(surge).toBeGreaterThan(linked);
  await page.locator('label[for="launch-phone_published-yes"]').click();
  await expect(agents).toHaveText(String(surge));
  await expect(page.getByTestId("forecast-chart")).toBeVisible();
  await page.locator(".forecast-data summary").click();
  await expect(page.getByTestId("forecast-table").locator("tbody tr").first()).toBeVisible();
  await page.getByLabel("Average handle time (seconds)").fill("600");
  await expect.poll(async () => Number(await agents.innerText())).toBeGreaterThan(surge);
  await page.getByLabel("Average handle time (seconds)").fill("-5");
  await expect(page.locator("#assumption-handle_time_s-error")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("without an endpoint, submitting keeps a local receipt and the files download", async ({ page }, testInfo) => {
  await page.route("**/config.json", (route) => route.fulfill({ json: { submission_endpoint: null } }));
  await fillValidForm(page);
  await page.getByRole("button", { name: "Submit the launch request" }).click();
  await expect(page.getByTestId("receipts")).toContainText("Saved in this browser");
  expect((await receiver(page, "received")).attempts).toBe(0);

  const calendar = (await downloadText(page, "Add the launch date to a calendar (.ics)", testInfo)).text;
  expect(calendar).toContain("BEGIN:VEVENT");
  expect(calendar).toContain("SUMMARY:Login.gov launch: Benefits Portal");

  expect((await downloadText(page, "Download CSV", testInfo)).text).toContain("LGABCFY210001-0001-0000");
  await expect(page.getByLabel("Launch request text")).toHaveValue(/Benefits Portal/);
});
