import { test, expect, open, appRendered, expectNoAxeViolations, downloadText, fillLaunchForm, isoDaysAhead, isoPlus } from "./helpers.mjs";

// These tests share the one receiver in the local server.
test.describe.configure({ mode: "serial" });

async function receiver(page, action) {
  const response = await page.request.get(`/__receiver/${action}`);
  return response.json();
}

/** The next Thanksgiving (fourth Thursday of November) more than 14 days away: a holiday on a deploy day. */
function nextThanksgivingAfterTwoWeeks() {
  const earliest = isoDaysAhead(15);
  for (let year = new Date().getFullYear(); ; year++) {
    const first = new Date(Date.UTC(year, 10, 1));
    const thursday = 1 + ((4 - first.getUTCDay() + 7) % 7) + 21;
    const iso = `${year}-11-${String(thursday).padStart(2, "0")}`;
    if (iso >= earliest) return iso;
  }
}

/** The Login.gov Contact Center number, held only here as a fixture (nothing shipped may hold it). */
const CONTACT_CENTER = ["844", "875", "6446"].join("-");

test.beforeEach(async ({ page }) => {
  await receiver(page, "reset");
});

test("a deploy date 7 days ahead is refused with the next deploy dates offered", async ({ page }) => {
  await open(page, "/launch");
  const date = page.getByLabel("Requested deploy date");
  await date.fill(isoDaysAhead(7));
  await expect(page.locator("#launch-deploy_date-error")).toContainText("two weeks");
  await expect(date).toHaveAttribute("aria-describedby", /launch-deploy_date-error/);
  const offered = page.getByTestId("next-dates").getByRole("button");
  await expect(offered).toHaveCount(4);
  await expect(offered.first()).toHaveText(/^Use (Tuesday|Thursday) \d{4}-\d{2}-\d{2}$/);
  await page.getByRole("button", { name: "Submit the launch request" }).click();
  await expect(page.locator("#launch-error-summary")).toBeFocused();
  await expect(page.locator("#launch-error-summary")).toContainText("before you submit");
  await expectNoAxeViolations(page);
  await offered.first().click();
  await expect(page.locator("#launch-deploy_date-error")).toHaveCount(0);
  expect((await receiver(page, "received")).attempts).toBe(0);
});

test("a holiday Thursday more than two weeks out is accepted with a visible warning", async ({ page }) => {
  await fillLaunchForm(page);
  const thanksgiving = nextThanksgivingAfterTwoWeeks();
  const deploy = page.getByLabel("Requested deploy date");
  await deploy.fill(thanksgiving);
  await page.getByLabel("Desired launch date").fill(isoPlus(thanksgiving, 7));
  const warning = page.locator("#launch-deploy_date-warning");
  await expect(warning).toContainText("Thanksgiving Day");
  await expect(warning).toContainText("another day");
  await expect(page.locator("#launch-deploy_date-error")).toHaveCount(0);
  await expect(deploy).toHaveAttribute("aria-describedby", /launch-deploy_date-warning/);
  await expectNoAxeViolations(page);
  // A warning does not stop the request.
  await page.getByRole("button", { name: "Submit the launch request" }).click();
  await expect(page.getByTestId("receipts")).toContainText("Reference: LR-1");
  const payload = (await receiver(page, "received")).submissions[0].payload;
  expect(payload.version).toBe(2);
  expect(payload.launch.deploy_date).toBe(thanksgiving);
  expect(payload.launch.user_launch_date).toBe(isoPlus(thanksgiving, 7));
});

test("contacts are people, and the Contact Center number is refused as the help desk's", async ({ page }) => {
  await fillLaunchForm(page);
  const program = page.getByLabel("Program-management contacts");
  await program.fill("Jane Doe, Program Manager, jane@agency.gov, 202-555-0100");
  await program.blur();
  await expect(page.locator("#launch-program_contacts-error")).toHaveCount(0);
  await expect(page.locator("#launch-program_contacts-warning")).toHaveCount(0);
  const phone = page.getByLabel("Your help desk's phone number");
  await phone.fill(CONTACT_CENTER);
  await phone.blur();
  const error = page.locator("#launch-help_desk_phone-error");
  await expect(error).toContainText("Login.gov Contact Center");
  await expect(error).toContainText("your own help desk");
  await expect(phone).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Submit the launch request" }).click();
  await expect(page.locator("#launch-error-summary")).toContainText("Contact Center");
  expect((await receiver(page, "received")).attempts).toBe(0);
  await phone.fill("202-555-0100");
  await page.getByRole("button", { name: "Submit the launch request" }).click();
  await expect(page.getByTestId("receipts")).toContainText("Reference: LR-1");
  const payload = (await receiver(page, "received")).submissions[0].payload;
  expect(payload.launch.program_contacts).toEqual(["Jane Doe, Program Manager, jane@agency.gov, 202-555-0100"]);
});

test("the page links the Help Desk launch form and says a production account is needed", async ({ page }) => {
  await open(page, "/launch");
  await expect(page.getByTestId("launch-form-link")).toHaveAttribute("href", "https://zendesk.login.gov/hc/en-us/requests/new?ticket_form_id=5663417357332");
  await expect(page.locator(".where-to-request")).toContainText("production account");
});

test("a valid submission reaches the receiver once", async ({ page }) => {
  await fillLaunchForm(page);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Submit the launch request" }).click();
  await expect(page.getByTestId("receipts")).toContainText("Reference: LR-1");
  const got = await receiver(page, "received");
  expect(got.submissions).toHaveLength(1);
  expect(got.attempts).toBe(1);
  const payload = got.submissions[0].payload;
  expect(payload.schema).toBe("login-gov-partner-launch-request");
  expect(payload.agency).toBe("Department of Examples");
  // crypto.randomUUID(): a version-4 UUID, not Math.random through a hash.
  expect(payload.idempotency_key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  await open(page, "/");
  await expect(page.getByTestId("launch-progress")).toContainText("submitted on");
});

test.describe("when the receiver fails", () => {
  test.use({ expectedConsoleErrors: /ERR_EMPTY_RESPONSE|status of 503/ });

test("with the receiver down, the submission waits in the outbox across a reload and goes through on retry", async ({ page }) => {
  await fillLaunchForm(page);
  await receiver(page, "down");
  await page.getByRole("button", { name: "Submit the launch request" }).click();
  await expect(page.getByTestId("outbox")).toContainText("could not be reached");
  await page.reload();
  await appRendered(page);
  await expect(page.getByTestId("outbox")).toContainText("Waiting to send");
  await expect(page.getByTestId("receipts")).not.toContainText("Sent on");
  await receiver(page, "up");
  // Retry now sends it at once. On a slow machine the automatic retry (backoff 2 s, then 4 s) can
  // send it first, and the button goes with the entry: then the receipt is there to click instead.
  const sent = page.getByTestId("receipts").getByText(/^Sent on/);
  await page.getByRole("button", { name: "Retry now" }).or(sent).first().click();
  await expect(page.getByTestId("receipts")).toContainText("Sent on");
  await expect(page.getByTestId("outbox")).not.toContainText("Waiting to send");
  const got = await receiver(page, "received");
  expect(got.submissions).toHaveLength(1);
});

test("a failed first attempt is retried with the same key and recorded exactly once", async ({ page }) => {
  await fillLaunchForm(page);
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

/** A route that holds each request until `release()` is called, then lets `answer` handle it. */
async function holdRoute(page, url, answer) {
  let release;
  const held = new Promise((done) => (release = done));
  await page.route(url, async (route) => {
    await held;
    await answer(route);
  });
  return release;
}

test("a request submitted before the configuration has arrived waits for it, then is sent", async ({ page }) => {
  await fillLaunchForm(page);
  const release = await holdRoute(page, "**/config.json", (route) => route.fulfill({ json: { submission_endpoint: "/api/launch-requests" } }));
  await page.reload();
  await appRendered(page);
  await expect(page.getByText("Reading the portal’s configuration")).toBeVisible();
  await page.getByRole("button", { name: "Submit the launch request" }).click();
  // Not a local receipt: the endpoint is not known yet, so the request waits in the outbox.
  await expect(page.getByTestId("outbox")).toContainText("It is sent once the portal knows where launch requests go");
  await expect(page.getByTestId("receipts")).not.toContainText("Saved in this browser");
  await expectNoAxeViolations(page);
  release();
  await expect(page.getByTestId("receipts")).toContainText("Reference: LR-1");
  await expect(page.getByTestId("outbox")).not.toContainText("Waiting to send");
  expect((await receiver(page, "received")).submissions).toHaveLength(1);
});

test("a request queued while another is being sent goes in the same run, without a reload", async ({ page }) => {
  await fillLaunchForm(page);
  const release = await holdRoute(page, "**/api/launch-requests", (route) => route.continue());
  const submit = page.getByRole("button", { name: "Submit the launch request" });
  await submit.click();
  await expect(page.getByTestId("outbox").locator(".outbox-entry")).toHaveCount(1);
  // While the first is in flight, a changed request is submitted.
  await page.getByLabel("Monthly active users").fill("13,000");
  await submit.click();
  await expect(page.getByTestId("outbox").locator(".outbox-entry")).toHaveCount(2);
  release();
  await expect(page.getByTestId("receipts").locator("li")).toHaveCount(2);
  await expect(page.getByTestId("outbox").locator(".outbox-entry")).toHaveCount(0);
  const got = await receiver(page, "received");
  expect(got.submissions.map((s) => s.payload.launch.monthly_active_users).sort()).toEqual([12000, 13000]);
});

test.describe("when the configuration cannot be read", () => {
  test.use({ expectedConsoleErrors: /status of 500/ });

  test("the page says it cannot tell where requests go, and a submission waits until the configuration is read", async ({ page }) => {
    await fillLaunchForm(page);
    const broken = (route) => route.fulfill({ status: 500, body: "broken" });
    await page.route("**/config.json", broken);
    await page.reload();
    await appRendered(page);
    const notice = page.getByTestId("config-unknown");
    await expect(notice).toContainText("The portal cannot tell where launch requests go");
    await expect(notice).toContainText("HTTP status 500");
    await page.getByRole("button", { name: "Submit the launch request" }).click();
    await expect(page.getByTestId("outbox")).toContainText("Waiting to send");
    await expect(page.getByTestId("receipts")).not.toContainText("Saved in this browser");
    expect((await receiver(page, "received")).attempts).toBe(0);
    await expectNoAxeViolations(page);
    // Once the configuration can be read, "Retry now" reads it and the request is sent. Reads
    // are held until after the click, so the automatic retry cannot send it first.
    // The held route goes in before the broken one comes out (the newer route answers first), so
    // no automatic retry reads the real configuration in between and sends it before the click.
    const release = await holdRoute(page, "**/config.json", (route) => route.fulfill({ json: { submission_endpoint: "/api/launch-requests" } }));
    await page.unroute("**/config.json", broken);
    await page.getByRole("button", { name: "Retry now" }).click();
    release();
    await expect(page.getByTestId("receipts")).toContainText("Reference: LR-1");
    await expect(notice).toHaveCount(0);
    expect((await receiver(page, "received")).submissions).toHaveLength(1);
  });
});

test.describe("when the code of the forecast and the submission does not arrive", () => {
  test.use({ expectedConsoleErrors: /Failed to load resource|Failed to fetch|net::ERR_FAILED|TypeError/ });

  test("the form keeps working, Submit says nothing was sent, and a retry brings the forecast in", async ({ page }) => {
    const results = /\/split_launch_results-[0-9a-f]{16}\.wasm$/;
    await page.route(results, (route) => route.abort("failed"));
    await fillLaunchForm(page);
    const failed = page.getByTestId("part-not-loaded");
    await expect(failed).toContainText("could not download the code for the forecast and the downloads");
    await expect(failed).toHaveAttribute("role", "alert");
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Submit the launch request" }).click();
    await expect(page.locator(".notices")).toContainText("The request was not submitted");
    await expect(page.getByTestId("outbox").locator(".outbox-entry")).toHaveCount(0);
    expect((await receiver(page, "received")).submissions).toHaveLength(0);
    // The draft is kept.
    await expect(page.getByLabel("Monthly active users")).toHaveValue("12,000");

    await page.unroute(results);
    await failed.getByRole("button", { name: "Try again" }).click();
    await expect(page.locator("#forecast-heading")).toBeFocused();
    await expect(page.getByTestId("forecast-chart")).toBeVisible();
    await page.getByRole("button", { name: "Submit the launch request" }).click();
    await expect(page.getByTestId("receipts")).toContainText("Reference: LR-1");
    expect((await receiver(page, "received")).submissions).toHaveLength(1);
  });
});

test("the phone-number switch shows the phone surge in the forecast", async ({ page }) => {
  await fillLaunchForm(page);
  await page.getByLabel("Monthly active users").fill("2,000,000");
  const agents = page.getByTestId("agents");
  await expect(agents).not.toHaveText("1");
  const published = page.getByTestId("agents-published");
  const linked = Number(await agents.innerText());
  const surge = Number(await published.innerText());
  expect(surge).toBeGreaterThan(linked);
  await page.locator('label[for="launch-phone_published-yes"]').click();
  // Each column keeps its own heading's meaning: linking stays linking, published stays published.
  await expect(page.getByTestId("forecast-summary")).toContainText("take the number down");
  await expect(agents).toHaveText(String(linked));
  await expect(published).toHaveText(String(surge));
  const chart = page.getByTestId("forecast-chart");
  await expect(chart).toBeVisible();
  // The deploy and launch days are marked, and the labels stay readable on a phone.
  await expect(chart.locator(".chart-label--marker")).toHaveText(["Launch", "Deploy"]);
  await expect(chart.locator(".chart-marker")).toHaveCount(2);
  const [launchX, deployX] = await chart.locator("line.chart-marker").evaluateAll((lines) => lines.map((l) => Number(l.getAttribute("x1"))));
  expect(deployX).toBeLessThan(launchX);
  await page.setViewportSize({ width: 375, height: 800 });
  const heights = await chart.locator("text.chart-label").evaluateAll((texts) => texts.map((t) => t.getBoundingClientRect().height));
  expect(Math.min(...heights), "chart labels at 375 px").toBeGreaterThanOrEqual(12);
  await page.setViewportSize({ width: 1280, height: 800 });
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
  await fillLaunchForm(page);
  await page.getByRole("button", { name: "Submit the launch request" }).click();
  await expect(page.getByTestId("receipts")).toContainText("Saved in this browser");
  expect((await receiver(page, "received")).attempts).toBe(0);

  const calendar = (await downloadText(page, "Add the deploy and launch dates to a calendar (.ics)", testInfo)).text;
  expect(calendar.match(/BEGIN:VEVENT/g)).toHaveLength(2);
  expect(calendar).toContain("SUMMARY:Login.gov launch: Benefits Portal");
  expect(calendar).toContain("SUMMARY:Login.gov deploy: Benefits Portal");
  // One UID for the launch, kept in the record: downloading again, or after a reload, updates the
  // same events; a changed date raises the SEQUENCE.
  const uid = calendar.match(/^UID:([0-9a-f-]{36})@readiness-portal-deploy\r$/m)?.[1];
  expect(uid, "a version-4 UUID").toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(calendar.match(/^SEQUENCE:0\r$/gm)).toHaveLength(2);
  await page.reload();
  await appRendered(page);
  const again = (await downloadText(page, "Add the deploy and launch dates to a calendar (.ics)", testInfo)).text;
  expect(again).toContain(`UID:${uid}@readiness-portal-launch`);
  expect(again.match(/^SEQUENCE:0\r$/gm)).toHaveLength(2);
  const deploy = page.getByLabel("Requested deploy date");
  await deploy.fill(isoPlus(await deploy.inputValue(), 2));
  const changed = (await downloadText(page, "Add the deploy and launch dates to a calendar (.ics)", testInfo)).text;
  expect(changed).toContain(`UID:${uid}@readiness-portal-deploy`);
  expect(changed.match(/^SEQUENCE:1\r$/gm)).toHaveLength(2);

  expect((await downloadText(page, "Download CSV", testInfo)).text).toContain("LGABCFY210001-0001-0000");
  await expect(page.getByLabel("Launch request text")).toHaveValue(/Benefits Portal/);
});

test("the same unchanged request is not submitted twice, and receipts show the reader's local time with its zone", async ({ page }) => {
  await page.route("**/config.json", (route) => route.fulfill({ json: { submission_endpoint: null } }));
  await fillLaunchForm(page);
  const submit = page.getByRole("button", { name: "Submit the launch request" });
  await submit.click();
  const receipts = page.getByTestId("receipts");
  await expect(receipts.locator("li")).toHaveCount(1);
  // Local time with a zone name, not an ISO string.
  await expect(receipts).not.toContainText(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  await expect(receipts).toContainText(/\d{1,2}:\d{2}.*(UTC|GMT|[A-Z]{2,4}T)/);
  await submit.click();
  await expect(page.locator(".submit-result--duplicate")).toContainText("This exact request was already saved on");
  await expect(receipts.locator("li")).toHaveCount(1);
  await expectNoAxeViolations(page);
  // A change makes it a new request.
  await page.getByLabel("Monthly active users").fill("12,500");
  await expect(page.locator(".submit-result--duplicate")).toHaveCount(0);
  await submit.click();
  await expect(receipts.locator("li")).toHaveCount(2);
});

test("with push-notification URLs, a deploy date 14 to 20 days ahead is a warning that says why", async ({ page }) => {
  await fillLaunchForm(page);
  await expect(page.getByTestId("deploy-date-field")).toContainText("no field for a deploy date");
  await page.locator('label[for="launch-push_notifications-yes"]').click();
  // The first Tuesday or Thursday 14 to 20 days away.
  let days = 14;
  while (![2, 4].includes(new Date(`${isoDaysAhead(days)}T12:00:00Z`).getUTCDay())) days++;
  const deploy = page.getByLabel("Requested deploy date");
  await deploy.fill(isoDaysAhead(days));
  await page.getByLabel("Desired launch date").fill(isoDaysAhead(days + 7));
  const warning = page.locator("#launch-deploy_date-warning");
  await expect(warning).toContainText("may need three weeks");
  await expect(warning).toContainText("allow their domain");
  await expect(page.locator("#launch-deploy_date-error")).toHaveCount(0);
  await expect(deploy).toHaveAttribute("aria-describedby", /launch-deploy_date-warning/);
  await expectNoAxeViolations(page);
  // 13 days ahead is still too soon, push URLs or not.
  await deploy.fill(isoDaysAhead(13));
  await expect(page.locator("#launch-deploy_date-error")).toContainText("two weeks");
});
