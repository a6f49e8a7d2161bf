// Hostile text in every free-text field of every page: markup that would run script if it were
// ever parsed as HTML, right-to-left overrides, emoji with zero-width joiners, spreadsheet
// formulas, and more text than a field takes. Each test finds the page's fields in the DOM and
// fails if they are not exactly the ones it knows, so a new field cannot be missed. Then it
// checks that nothing was injected, that the text shows literally where the portal shows it,
// that the page still fits a 375 px phone, that it survives a reload, and that every export
// holding the text is safe: CSV cannot run a formula, Markdown and HTML cannot carry markup,
// JSON imports back to the same record.
import { writeFile } from "node:fs/promises";
import { test, expect, open, expectNoAxeViolations, downloadText, appRoutes } from "./helpers.mjs";

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = "<script>window.__pwned=1</script>";
// Arabic, then Hebrew inside a right-to-left override (U+202E) closed by U+202C.
const RTL = "مرحبا بالعالم \u202Eשלום עולם\u202C";
// A family and a rainbow flag (zero-width-joiner sequences) and a skin-toned technologist.
const EMOJI = "👩‍👩‍👧‍👦 🏳️‍🌈 🧑🏽‍💻";
const FORMULAS = ["=cmd|' /C calc'!A0", "+1+1", "-2", "@SUM(1)"];
// How each field's text starts: every formula, a tab before a formula, and plain markup.
const STARTS = [...FORMULAS, "\t=1+1", ""];
/** The portal keeps at most this many characters per field. */
const LIMIT = 10_000;
/** What the test types: exactly what a field can save (tests/e2e/checklist.spec.mjs types more). */
const TYPED = LIMIT;

/** The text typed into field number `i`: hostile words, then an unbroken run that makes it 12,000 long. */
function hostile(i, { multiline = false } = {}) {
  const words = [STARTS[i % STARTS.length], IMG, SCRIPT, RTL, EMOJI, `field-${i}`].filter(Boolean).join(" ");
  const head = multiline ? `${words}\n# not a heading\n1. not a list <b>bold?</b>` : words;
  return `${head} ${"x".repeat(TYPED - head.length - 1)}`;
}

/** What the app receives when a person types `typed`: inputs drop line breaks (no field cuts text). */
function receivedValue(field, typed) {
  let value = field.tag === "INPUT" ? typed.replace(/[\r\n]/g, "") : typed;
  if (field.maxLength >= 0) value = value.slice(0, field.maxLength);
  return value;
}

/**
 * What a field shows after a person types `typed`: what the app received, and url and email
 * inputs, whose value the app sets back, trimmed by the browser as it does any value set so.
 */
function expectedValue(field, typed) {
  let value = receivedValue(field, typed);
  // url and email inputs strip leading and trailing whitespace (the HTML value sanitization algorithm).
  if (field.type === "url" || field.type === "email") value = value.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, "");
  return value;
}

/** The email and FAQ templates' clean-up of a typed value: controls become spaces, runs of space one. */
const clean = (text) => text.replace(/\p{Cc}/gu, " ").split(/\s+/).filter(Boolean).join(" ");
const htmlEscape = (text) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
/** A CSV cell's text as a spreadsheet must get it: a leading apostrophe before any formula start. */
const csvSafe = (text) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

// Every free-text field on every page, by kind: the item id of a checklist field and the scope
// of a sign-off field are replaced by <item> and <scope>.
const LAUNCH_FIELDS = [
  "application_url", "iaa_number", "seasonality", "monthly_active_users", "annual_registrations", "annual_authentications",
  "program_contacts", "technical_contacts", "billing_contacts", "help_desk_phone", "help_desk_email", "help_desk_other",
  "ramp_weeks", "announcement_recipients",
  "new_user_share", "share_en", "share_es", "share_fr", "share_zh", "idv_share", "in_person_share",
];
const ASSUMPTION_FIELDS = [
  "contact_rate_pct", "phone_share_pct", "service_level_target_pct", "answer_within_s", "handle_time_s", "interval_min",
  "occupancy_cap_pct", "shrinkage_pct", "form_response_days", "peak_interval_share_pct", "announcement_spike_multiplier",
  "surge_days", "surge_day_to_day_pct",
];
const FIELD_KINDS = {
  "/": ["profile-agency", "profile-application"],
  "/service-level": ["override-reason"],
  "/checklist": ["<item>-note", "<item>-evidence", "<item>-na-reason"],
  "/review": ["signoff-<scope>-reviewer", "signoff-<scope>-role", "signoff-<scope>-date", "signoff-<scope>-comments"],
  "/support": [],
  "/support/links": ["link-agency", "link-integration"],
  "/support/checker": ["checker-input"],
  "/support/email": ["launch-window", "help-desk"],
  "/support/faq": [],
  "/launch": [...LAUNCH_FIELDS.map((f) => `launch-${f}`), ...ASSUMPTION_FIELDS.map((f) => `assumption-${f}`)],
  "/sources": [],
  // Empty until requests are imported; then the launch filter and the assumptions (staffing.spec).
  "/staffing": [],
};

function kindOf(id) {
  return id.replace(/^chk-.+-(note|evidence|na-reason)$/, "<item>-$1").replace(/^signoff-.+-(reviewer|role|date|comments)$/, "signoff-<scope>-$1");
}

/** The editable text fields on the page now: inputs a person types into, and textareas. */
async function freeTextFields(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("input, textarea")]
      .filter((e) => !e.readOnly && !e.disabled && !["radio", "checkbox", "file", "hidden", "date", "submit", "button"].includes(e.type))
      .map((e) => ({ id: e.id, tag: e.tagName, type: e.type, maxLength: e.maxLength })),
  );
}

/** Fails unless the page's fields are exactly the kinds this test knows for `route`. */
async function expectKnownFields(page, route) {
  const fields = await freeTextFields(page);
  expect(fields.every((f) => f.id), "every field has an id").toBe(true);
  expect([...new Set(fields.map((f) => kindOf(f.id)))].sort(), `free-text fields on ${route}`).toEqual([...FIELD_KINDS[route]].sort());
  return fields;
}

/** The values the app received and keeps, by field id, for each map `fillAll` returned. */
const RECEIVED = new WeakMap();
const received = (values) => RECEIVED.get(values);

/**
 * Types hostile text into every field, the way a person does, and checks each holds what they
 * typed up to its limit. Returns the values the fields show by id; `received(values)` gives what
 * the app received and keeps (for url and email fields, before the browser's trimming).
 */
async function fillAll(page, fields, first = 0) {
  const typed = {};
  for (const [n, field] of fields.entries()) {
    typed[field.id] = hostile(first + n, { multiline: field.tag === "TEXTAREA" });
    await page.locator(`[id="${field.id}"]`).fill(typed[field.id]);
  }
  // One read for all fields: a round trip per 12,000-character value is most of this test's time.
  const values = await valuesOf(page, Object.keys(typed));
  for (const field of fields) {
    const value = values[field.id];
    expect(value === expectedValue(field, typed[field.id]), `${field.id} holds the typed text up to its limit (got ${value?.length} characters)`).toBe(true);
  }
  RECEIVED.set(values, Object.fromEntries(fields.map((field) => [field.id, receivedValue(field, typed[field.id])])));
  return values;
}

/** The current values of the fields with these ids, read in one round trip. */
async function valuesOf(page, ids) {
  return page.evaluate((ids) => Object.fromEntries(ids.map((id) => [id, document.getElementById(id)?.value])), ids);
}

/** Each field with an id in `values` holds its value again, e.g. after a reload. */
async function expectValues(page, values, when) {
  const now = await valuesOf(page, Object.keys(values));
  for (const [id, value] of Object.entries(values)) expect(now[id] === value, `${id} ${when}`).toBe(true);
}

/** Nothing typed became markup: no stray image, script or handler, and no script ran. */
async function expectNothingInjected(page) {
  const found = await page.evaluate(() => ({
    pwned: typeof window.__pwned,
    images: [...document.querySelectorAll("img")].map((i) => i.getAttribute("src")).filter((src) => !src.startsWith("/img/")),
    scripts: [...document.querySelectorAll("script")].filter((s) => s.textContent.includes("__pwned")).length,
    handlers: document.querySelectorAll("[onerror], [onload], [onclick]").length,
    bold: document.querySelectorAll("main b").length,
  }));
  expect(found).toEqual({ pwned: "undefined", images: [], scripts: 0, handlers: 0, bold: 0 });
}

/** The page is no wider than the phone it is on. */
async function expectFitsWidth(page) {
  const widths = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    widest: [...document.querySelectorAll("main *")]
      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .slice(0, 3)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join(".")}#${e.id}`),
  }));
  expect(widths.scrollWidth, `no horizontal overflow (${widths.widest.join(", ")})`).toBeLessThanOrEqual(widths.innerWidth);
}

/** Opens a page from the saved record and checks it is safe, fits and raised no notice. */
async function visit(page, path) {
  await open(page, path);
  await expectNothingInjected(page);
  await expectFitsWidth(page);
  await expect(page.locator(".notices > *"), `no notice on ${path} (the saved record loaded)`).toHaveCount(0);
}

/** Opens `html` (an exported file or a copied snippet) as a page of its own: no script runs, the text is there. */
async function expectInertHtml(page, html, texts) {
  const viewer = await page.context().newPage();
  await viewer.route("**/*", (route) => route.abort());
  // setContent returns after the load event, which comes after every image's error event: any
  // handler the HTML could carry has had its chance to run.
  await viewer.setContent(html, { waitUntil: "load" });
  expect(await viewer.evaluate(() => typeof window.__pwned)).toBe("undefined");
  expect(await viewer.locator("img, script, [onerror]").count()).toBe(0);
  const body = await viewer.evaluate(() => document.body.textContent.replace(/\s+/g, " "));
  for (const text of texts) expect(body.includes(text.replace(/\s+/g, " ")), "the exported HTML shows the text").toBe(true);
  await viewer.close();
}

/** Markdown back to the text it shows: backslash escapes and entities undone, continued lines joined. */
function markdownShows(md) {
  return md
    .replace(/ {2}\n +/g, "\n")
    .replace(/\\([\\`*_[\]#|~!.+-])/g, "$1")
    .replace(/&(lt|gt|amp);/g, (_, e) => ({ lt: "<", gt: ">", amp: "&" })[e]);
}
/** What Markdown export keeps of a value: trimmed, each line trimmed. */
const markdownValue = (text) => text.trim().split("\n").map((l) => l.trim()).join("\n");

function expectInertMarkdown(md, values) {
  // Fenced code blocks (the integration settings card's request values) are shown literally.
  const outsideCode = md.split("```").filter((_, i) => i % 2 === 0).join("");
  expect(outsideCode.includes("<"), "no markup in the Markdown: every < outside code is escaped").toBe(false);
  const shown = markdownShows(md);
  for (const value of values) expect(shown.includes(markdownValue(value)), "the Markdown shows the text literally").toBe(true);
}

/** RFC 4180 CSV to rows of { text, quoted } cells. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let i = 0;
  while (i < text.length) {
    let cell = "";
    let quoted = false;
    if (text[i] === '"') {
      quoted = true;
      i++;
      for (;;) {
        const end = text.indexOf('"', i);
        if (end < 0) throw new Error("unterminated quoted CSV cell");
        cell += text.slice(i, end);
        i = end + 1;
        if (text[i] === '"') {
          cell += '"';
          i++;
        } else break;
      }
    } else {
      while (i < text.length && text[i] !== "," && text[i] !== "\r" && text[i] !== "\n") cell += text[i++];
    }
    row.push({ text: cell, quoted });
    if (text[i] === ",") i++;
    else {
      if (text.startsWith("\r\n", i)) i += 2;
      else if (i < text.length) throw new Error(`unexpected ${JSON.stringify(text[i])} after a CSV cell`);
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

/** Every cell quoted and none a formula; returns the rows as plain text. */
function expectSafeCsv(text) {
  expect(text.startsWith("\ufeff"), "a byte-order mark first, so spreadsheets read UTF-8").toBe(true);
  const rows = parseCsv(text.slice(1));
  const cells = rows.flat();
  expect(cells.filter((c) => !c.quoted).length, "every CSV cell is quoted").toBe(0);
  // Plain numbers such as -7 are numbers, not formulas (OWASP): they are left as they are.
  const formula = (t) => /^[=+\-@\t\r]/.test(t) && !/^[-+]?\d+(\.\d+)?$/.test(t);
  expect(cells.filter((c) => formula(c.text)).map((c) => c.text.slice(0, 20)), "no CSV cell starts a formula").toEqual([]);
  return rows.map((r) => r.map((c) => c.text));
}

/** Imports a record file into a fresh browser, checks it, and returns that browser's own export. */
async function importIntoFreshBrowser(browser, file, testInfo, check) {
  const context = await browser.newContext();
  const other = await context.newPage();
  await open(other, "/");
  await other.getByLabel("Import a record").setInputFiles(file);
  await expect(other.getByText(/^Imported /)).toBeVisible();
  await expectNothingInjected(other);
  if (check) await check(other);
  await open(other, "/");
  const again = await downloadText(other, "Download your record (JSON)", testInfo);
  await context.close();
  return JSON.parse(again.text);
}

/** The JSON record downloads, imports into a fresh browser and comes back the same. */
async function expectJsonRoundTrip(page, browser, testInfo, check) {
  await open(page, "/");
  const exported = await downloadText(page, "Download your record (JSON)", testInfo);
  const record = JSON.parse(exported.text);
  expect(await importIntoFreshBrowser(browser, exported.path, testInfo, check)).toEqual(record);
  return record;
}

async function setProfile(page, agency, application) {
  await open(page, "/");
  await page.getByLabel("Agency name").fill(agency);
  await page.getByLabel("Application name").fill(application);
}

test.use({ viewport: { width: 375, height: 812 } });
test.describe.configure({ timeout: 180_000 });

test("every routed page is covered, and pages without free-text fields have none", async ({ page }) => {
  expect(appRoutes().sort()).toEqual(Object.keys(FIELD_KINDS).sort());
  for (const route of ["/support", "/support/faq", "/sources"]) {
    await visit(page, route);
    await expectKnownFields(page, route);
  }
});

test("hostile text in the profile shows literally on every page that uses it, and its exports are inert", async ({ page, browser }, testInfo) => {
  await open(page, "/");
  const fields = await expectKnownFields(page, "/");
  const values = await fillAll(page, fields);
  const agency = values["profile-agency"];
  const application = values["profile-application"];
  await expectNothingInjected(page);
  await expectFitsWidth(page);

  await visit(page, "/review");
  const summary = page.getByTestId("summary").locator("dd");
  expect(await summary.nth(0).textContent()).toBe(agency);
  expect(await summary.nth(1).textContent()).toBe(application);
  await expectNoAxeViolations(page);
  const md = await downloadText(page, "Download Markdown", testInfo);
  expect(md.name).toMatch(/^readiness-[a-z0-9-]+\.md$/);
  expectInertMarkdown(md.text, [agency, application]);

  await visit(page, "/launch");
  const prefill = await page.getByTestId("launch-prefill").textContent();
  expect(prefill.includes(`Agency: ${agency}.`) && prefill.includes(`Application: ${application}.`)).toBe(true);

  await visit(page, "/support/faq");
  const faq = await page.getByTestId("faq").textContent();
  expect(faq.includes(clean(application))).toBe(true);
  expect(await page.locator("#routing-heading ~ h3").nth(1).textContent()).toBe(`Contact ${agency} for`);
  const faqMd = await downloadText(page, "Download Markdown", testInfo);
  expectInertMarkdown(faqMd.text, [clean(agency), clean(application)]);
  const faqHtml = await downloadText(page, "Download HTML", testInfo);
  expect(faqHtml.text.includes(htmlEscape(clean(application)))).toBe(true);
  await expectInertHtml(page, faqHtml.text, [clean(agency), clean(application)]);

  await visit(page, "/support/email");
  const preview = await page.getByTestId("email-preview").textContent();
  expect(preview.includes(clean(agency)) && preview.includes(clean(application))).toBe(true);

  await expectJsonRoundTrip(page, browser, testInfo, async (other) => {
    expect(await other.getByLabel("Agency name").inputValue()).toBe(agency);
    expect(await other.getByLabel("Application name").inputValue()).toBe(application);
  });
});

test("a hostile reason for overriding the service level shows literally in the review and its exports", async ({ page, browser }, testInfo) => {
  await open(page, "/service-level");
  await page.locator('label[for="q-financial-yes"]').click();
  await page.locator('label[for="chosen-ial1-aal2"]').click();
  const fields = await expectKnownFields(page, "/service-level");
  const values = await fillAll(page, fields, 3);
  const reason = values["override-reason"];
  await expectNothingInjected(page);
  await expect(page.locator("#override-reason-error")).toHaveCount(0);
  await expectFitsWidth(page);

  await visit(page, "/service-level");
  expect(await page.locator("#override-reason").inputValue()).toBe(reason);
  await visit(page, "/review");
  expect(await page.getByTestId("summary").locator('dd[data-fact="Reason for the chosen level"]').textContent()).toBe(reason);
  const md = await downloadText(page, "Download Markdown", testInfo);
  expectInertMarkdown(md.text, [reason]);
  await expectJsonRoundTrip(page, browser, testInfo, async (other) => {
    await open(other, "/service-level");
    expect(await other.locator("#override-reason").inputValue()).toBe(reason);
  });
});

test("hostile notes, evidence and reasons on every checklist item show literally in the review, CSV, Markdown and JSON", async ({ page, browser }, testInfo) => {
  await open(page, "/checklist");
  // Every item of the first phase is not applicable, so its reason field shows.
  const firstPhase = await page.locator("section.phase").first().locator("article.checklist-item").evaluateAll((items) => items.map((i) => i.id));
  for (const id of firstPhase) await page.locator(`label[for="${id}-not-applicable"]`).click();
  await page.locator("details.checklist-item__details").evaluateAll((all) => all.forEach((d) => (d.open = true)));
  // The fields of a details are built when it opens (src/pages/checklist.rs).
  await expect(page.locator("details.checklist-item__details:not(:has(textarea))")).toHaveCount(0);
  const fields = await expectKnownFields(page, "/checklist");
  const values = await fillAll(page, fields);
  await expectNothingInjected(page);
  await expectFitsWidth(page);
  const items = await page.locator("article.checklist-item").evaluateAll((all) => all.map((i) => i.id));
  const kept = received(values);

  await visit(page, "/checklist");
  await expectValues(page, values, "after a reload");

  await visit(page, "/review");
  const rows = await page.locator("tr[data-item]").evaluateAll((rows) =>
    Object.fromEntries(rows.map((r) => [r.dataset.item, [...r.querySelectorAll("td")].map((td) => td.textContent)])),
  );
  for (const item of items) {
    const cells = rows[item];
    expect(cells, `${item} has a row in the review`).toBeDefined();
    // A recommended item's reason, or a required item's (which stays open: it cannot be waived).
    const reason = kept[`${item}-na-reason`];
    if (reason !== undefined)
      expect([`Not applicable: ${reason}`, `Marked not applicable, but required here: still open. Reason given: ${reason}`].includes(cells[1]), `${item} status`).toBe(true);
    expect(cells[2] === kept[`${item}-note`], `${item} note in the review`).toBe(true);
    expect(cells[3] === kept[`${item}-evidence`], `${item} evidence in the review`).toBe(true);
  }
  await expectNoAxeViolations(page);

  const csv = expectSafeCsv((await downloadText(page, "Download CSV", testInfo)).text);
  // The header facts come first; the table's own header row names its columns.
  const header = csv.find((r) => r[0] === "Phase" && r[1] === "Item id");
  const column = (name) => header.indexOf(name);
  for (const item of items) {
    const row = csv.find((r) => r[column("Item id")] === item);
    expect(row[column("Note")] === csvSafe(kept[`${item}-note`]), `${item} note in the CSV`).toBe(true);
    expect(row[column("Evidence")] === csvSafe(kept[`${item}-evidence`]), `${item} evidence in the CSV`).toBe(true);
    if (kept[`${item}-na-reason`] !== undefined) expect(row[column("Reason not applicable")]).toBe(csvSafe(kept[`${item}-na-reason`]));
  }
  const md = await downloadText(page, "Download Markdown", testInfo);
  expectInertMarkdown(md.text, Object.values(kept));

  const record = await expectJsonRoundTrip(page, browser, testInfo, async (other) => {
    await open(other, "/checklist");
    const [id, value] = Object.entries(values)[0];
    expect(await other.locator(`[id="${id}"]`).inputValue()).toBe(value);
  });
  for (const item of items) expect(record.checklist.items[item].note === kept[`${item}-note`], `${item} note in the JSON`).toBe(true);
});

test("hostile sign-off names, roles and comments are refused or shown literally, and reach the exports", async ({ page, browser }, testInfo) => {
  await open(page, "/review");
  const fields = await expectKnownFields(page, "/review");
  const values = await fillAll(page, fields);
  await expectNothingInjected(page);
  const blocks = await page.locator("[data-testid^=signoff-]").evaluateAll((all) => all.map((b) => b.dataset.testid.replace(/^signoff-/, "")));
  expect(blocks.length).toBeGreaterThan(1);
  for (const scope of blocks) {
    const block = page.getByTestId(`signoff-${scope}`);
    // A hostile date is refused with an explanation, and nothing is signed.
    await block.locator('button[type="submit"]').click();
    await expect(block.locator(`#signoff-${scope}-date-error`)).toContainText("year-month-day");
    await expect(block.locator(".sign-off__status")).toHaveText("Not signed off yet.");
    await block.locator(`#signoff-${scope}-date`).fill("2026-11-23");
    await block.locator(`label[for="signoff-${scope}-approved"]`).click();
    // Where items are still open, approving asks for a confirmation that names them.
    if (await block.getByTestId("open-concerns").count()) await block.locator(`label[for="signoff-${scope}-confirm"]`).click();
    await block.locator('button[type="submit"]').click();
    const status = await block.locator(".sign-off__status p").first().textContent();
    const [reviewer, role, comments] = ["reviewer", "role", "comments"].map((f) => values[`signoff-${scope}-${f}`].trim());
    expect(status === `Approved by ${reviewer} (${role}) on 2026-11-23. Comments: ${comments}`, `${scope} sign-off shows the text literally`).toBe(true);
  }
  await expectNothingInjected(page);
  await expectFitsWidth(page);
  await expectNoAxeViolations(page);

  await visit(page, "/review");
  const md = await downloadText(page, "Download Markdown", testInfo);
  expectInertMarkdown(md.text, Object.entries(values).filter(([id]) => !id.endsWith("-date")).map(([, v]) => v));
  await visit(page, "/");
  const overall = values["signoff-overall-reviewer"].trim();
  const overallRole = values["signoff-overall-role"].trim();
  expect(await page.getByTestId("signoff-progress").textContent()).toMatch(/, with \d+ items still open$/);
  expect((await page.getByTestId("signoff-progress").textContent()).startsWith(`Approved by ${overall} (${overallRole}) on 2026-11-23, with `)).toBe(true);
  const record = await expectJsonRoundTrip(page, browser, testInfo);
  expect(record.checklist.sign_offs.overall.comments === values["signoff-overall-comments"].trim()).toBe(true);
});

test("hostile link-builder values are percent-encoded into every link and escaped in its HTML", async ({ page, browser }, testInfo) => {
  await open(page, "/support/links");
  const fields = await expectKnownFields(page, "/support/links");
  const values = await fillAll(page, fields, 1);
  const [agency, integration] = [values["link-agency"].trim(), values["link-integration"].trim()];
  await expectNothingInjected(page);
  await expectFitsWidth(page);

  await visit(page, "/support/links");
  const urls = await page.locator("code.link-url").allTextContents();
  expect(urls.length).toBe(12);
  for (const text of urls) {
    expect(text).toMatch(/^https:\/\/login\.gov\/[a-z/-]*\?agency=[A-Za-z0-9%._~-]+&integration=[A-Za-z0-9%._~-]+$/);
    const url = new URL(text);
    expect(url.searchParams.get("agency") === agency && url.searchParams.get("integration") === integration, "the link carries the values exactly").toBe(true);
  }
  // The ready-to-paste HTML is one link to exactly the URL shown, whatever the values hold.
  const snippet = await page.locator("#html-contact-en").inputValue();
  await expectInertHtml(page, snippet, ["Login.gov"]);
  const parsed = await page.evaluate((html) => {
    const body = new DOMParser().parseFromString(html, "text/html").body;
    return { elements: [...body.querySelectorAll("*")].map((e) => e.tagName), href: body.querySelector("a")?.getAttribute("href") };
  }, snippet);
  expect(parsed).toEqual({ elements: ["A"], href: urls[0] });

  await visit(page, "/support/email");
  const preview = await page.getByTestId("email-preview").textContent();
  expect(preview).toContain(`https://login.gov/contact/?agency=`);
  await expectJsonRoundTrip(page, browser, testInfo, async (other) => {
    await open(other, "/support/links");
    expect(await other.getByLabel("Agency value").inputValue()).toBe(values["link-agency"]);
  });
});

test("hostile text pasted into the content checker is checked, never rendered as markup", async ({ page }) => {
  await open(page, "/support/checker");
  const fields = await expectKnownFields(page, "/support/checker");
  const typed = `${hostile(0, { multiline: true })}\nCall our desk at (202) 555-0147 or see https://login.gov/es/contact/ ${IMG}`;
  await page.locator("#checker-input").fill(typed);
  // The checker is not a stored field: it takes any length, and checks all of it.
  expect(fields).toHaveLength(1);
  expect(await page.locator("#checker-input").inputValue()).toBe(typed);
  await expect(page.getByTestId("checker-summary")).toContainText("No Contact Center number found");
  const excerpts = await page.locator(".finding__excerpt").allTextContents();
  expect(excerpts.length).toBeGreaterThan(0);
  for (const excerpt of excerpts) expect(typed.includes(excerpt), `excerpt ${excerpt} is the pasted text`).toBe(true);
  await expect(page.getByTestId("findings")).toContainText("(202) 555-0147");
  await expectNothingInjected(page);
  await expectFitsWidth(page);
  await expectNoAxeViolations(page);
});

test("hostile launch time frame and help desk fill the email literally; its HTML and .eml are inert", async ({ page, browser }, testInfo) => {
  await setProfile(page, hostile(2), hostile(5));
  const agency = await page.getByLabel("Agency name").inputValue();
  const application = await page.getByLabel("Application name").inputValue();
  await open(page, "/support/email");
  const fields = await expectKnownFields(page, "/support/email");
  const values = await fillAll(page, fields);
  const typed = [agency, application, values["launch-window"], values["help-desk"]].map(clean);
  await expectNothingInjected(page);
  await expectFitsWidth(page);

  await visit(page, "/support/email");
  const preview = await page.getByTestId("email-preview").textContent();
  for (const value of typed) expect(preview.includes(value), "the preview shows the text").toBe(true);
  const html = await page.locator("#email-html").inputValue();
  await expectInertHtml(page, html, typed);

  const txt = await downloadText(page, "Download .txt", testInfo);
  for (const value of typed) expect(txt.text.includes(value)).toBe(true);
  const eml = (await downloadText(page, "Download .eml (opens as a draft)", testInfo)).text;
  const [head, ...rest] = eml.split("\r\n\r\n");
  // Headers are header lines or folded continuations: no typed text became a header of its own.
  for (const line of head.split("\r\n")) expect(line).toMatch(/^([A-Za-z-]+: |\s)/);
  const subject = head.match(/^Subject: (.*(?:\r\n .*)*)/m)[1];
  const decoded = subject.split(/\r\n /).map((w) => Buffer.from(w.match(/^=\?UTF-8\?B\?(.*)\?=$/)[1], "base64")).reduce((a, b) => Buffer.concat([a, b]));
  expect(decoded.toString("utf8")).toBe(`${clean(application)} will use Login.gov for sign-in`);
  const parts = rest.join("\r\n\r\n").split(/--=_readiness_portal_launch_email(?:--)?\r\n/);
  const bodies = parts.map((p) => p.split("\r\n\r\n")[1]).filter(Boolean).map((b) => Buffer.from(b.replace(/\r\n/g, ""), "base64").toString("utf8"));
  expect(bodies).toHaveLength(2);
  for (const value of typed) expect(bodies[0].replace(/\r\n/g, "\n").includes(value)).toBe(true);
  await expectInertHtml(page, bodies[1], typed);
  await expectJsonRoundTrip(page, browser, testInfo, async (other) => {
    await open(other, "/support/email");
    expect(await other.getByLabel("Launch time frame").inputValue()).toBe(values["launch-window"]);
  });
});

test("hostile text in every launch field and assumption reaches the text block, CSV, JSON and calendar safely", async ({ page, browser }, testInfo) => {
  await setProfile(page, hostile(1), hostile(0));
  const agency = await page.getByLabel("Agency name").inputValue();
  const application = await page.getByLabel("Application name").inputValue();
  // IAL2 and a phased rollout show every conditional field.
  await open(page, "/service-level");
  await page.locator('label[for="q-financial-yes"]').click();
  await open(page, "/launch");
  await page.locator('label[for="launch-ramp-phased"]').click();
  await page.getByLabel("Requested deploy date").fill("2000-01-04");
  await page.getByTestId("next-dates").getByRole("button").first().click();
  const deploy = new Date(`${await page.getByLabel("Requested deploy date").inputValue()}T12:00:00Z`);
  deploy.setUTCDate(deploy.getUTCDate() + 7);
  await page.getByLabel("Desired launch date").fill(deploy.toISOString().slice(0, 10));
  // The assumptions' fields come with the forecast's code, fetched at the first change.
  await expect(page.locator("#forecast-heading")).toBeAttached();
  const fields = await expectKnownFields(page, "/launch");
  const values = await fillAll(page, fields);
  const kept = received(values);
  await expectNothingInjected(page);
  await expectFitsWidth(page);
  await expect(page.getByTestId("forecast-chart")).toBeVisible();
  for (const key of ASSUMPTION_FIELDS) await expect(page.locator(`#assumption-${key}-error`)).toBeVisible();
  await page.getByRole("button", { name: "Submit the launch request" }).click();
  await expect(page.locator("#launch-error-summary")).toBeFocused();
  await expectNothingInjected(page);
  await expectNoAxeViolations(page);

  await visit(page, "/launch");
  await expectValues(page, values, "after a reload");
  const block = await page.getByLabel("Launch request text").inputValue();
  for (const field of ["application_url", "iaa_number", "monthly_active_users"]) {
    expect(block.includes(`: ${kept[`launch-${field}`].trim()}\n`), `${field} in the text block`).toBe(true);
  }
  // People are split on line breaks and semicolons (a person's own line holds commas), one per line.
  const contacts = (text) => text.split(/[;\n\r]/).map((c) => c.trim()).filter(Boolean);
  const listed = (items) => items.map((item) => `\n  - ${item}`).join("");
  expect(block.includes(`Billing POCs:${listed(contacts(kept["launch-billing_contacts"]))}\n`), "billing contacts in the text block").toBe(true);
  expect(block.includes(`\n  - ${kept["launch-help_desk_phone"].trim()}\n`), "the help desk's phone in the text block").toBe(true);
  expect(block.includes(`Agency: ${agency.trim()}\n`)).toBe(true);
  const seasonality = kept["launch-seasonality"].trim().split("\n").map((l) => l.trimEnd()).join("\n  ");
  expect(block.includes(`: ${seasonality}\n`), "multi-line seasonality, indented").toBe(true);

  const csv = expectSafeCsv((await downloadText(page, "Download CSV", testInfo)).text);
  const cell = (name) => csv.find((r) => r[0] === name)?.[1];
  expect(cell("agency") === csvSafe(agency) && cell("application") === csvSafe(application), "names in the CSV").toBe(true);
  for (const field of ["application_url", "iaa_number", "help_desk_other", "seasonality"]) {
    expect(cell(`launch.${field}`) === csvSafe(kept[`launch-${field}`]), `${field} in the CSV`).toBe(true);
  }
  // Lists are written as in the JSON payload.
  expect(cell("launch.program_contacts") === csvSafe(JSON.stringify(contacts(kept["launch-program_contacts"]))), "contacts in the CSV").toBe(true);
  expect(cell("launch.monthly_active_users")).toBe("");

  const json = JSON.parse((await downloadText(page, "Download JSON", testInfo)).text);
  expect(json.agency === agency && json.application === application).toBe(true);
  for (const field of ["application_url", "iaa_number", "help_desk_other", "seasonality"]) expect(json.launch[field] === kept[`launch-${field}`], `${field} in the JSON`).toBe(true);
  expect(json.launch.monthly_active_users).toBeNull();
  expect(json.launch.program_contacts).toEqual(contacts(kept["launch-program_contacts"]));

  const ics = (await downloadText(page, "Add the deploy and launch dates to a calendar (.ics)", testInfo)).text;
  const lines = ics.replace(/\r\n /g, "").split("\r\n").filter(Boolean);
  for (const line of lines) expect(line).toMatch(/^[A-Z-]+[;:]/);
  const unescape = (v) => v.replace(/\\([\\;,nN])/g, (_, c) => (c === "n" || c === "N" ? "\n" : c));
  expect(lines.filter((l) => l.startsWith("SUMMARY:")).map((l) => unescape(l.slice(8)))).toEqual([`Login.gov deploy: ${application.trim()}`, `Login.gov launch: ${application.trim()}`]);
  expect(unescape(lines.find((l) => l.startsWith("DESCRIPTION:"))).includes(`Application URL: ${kept["launch-application_url"]}`)).toBe(true);

  await expectJsonRoundTrip(page, browser, testInfo, async (other) => {
    await open(other, "/launch");
    expect(await other.getByLabel("Seasonality of usage").inputValue()).toBe(values["launch-seasonality"]);
    expect(await other.locator("#assumption-handle_time_s").inputValue()).toBe(values["assumption-handle_time_s"]);
  });
});

test("an imported record with hostile text in every field renders safely on every page", async ({ page }, testInfo) => {
  // Starts a JSON file can hold but a form cannot: a carriage return, and a line feed.
  const text = (i) => `${["\r=1+1", "\n@x", ...STARTS][i % (STARTS.length + 2)]} ${IMG} ${SCRIPT} ${RTL} ${EMOJI} imported-${i}`;
  let n = 0;
  const next = () => text(n++);
  const item = () => ({ status: "not-applicable", na_reason: next(), note: next(), evidence: next() });
  const signOff = () => ({ reviewer: next(), role: next(), date: "2026-11-23", decision: "approved", comments: next(), fingerprint: "0" });
  const record = {
    kind: "login-gov-partner-readiness-record",
    version: 5,
    profile: { agency: next(), application: next(), protocol: "saml", audience: "both" },
    service_level: { answers: { financial: "yes" }, chosen: "ial1-aal2", override_reason: next() },
    checklist: { items: { "chk-iaa-signed": item(), "chk-iaa-plan": item() }, sign_offs: { overall: signOff(), "phase-agreement": signOff() } },
    support: { link_agency: next(), link_integration: next(), launch_window: next(), help_desk: next(), email_lang: "es" },
    launch: {
      form: { application_url: next(), seasonality: next(), iaa_number: next(), program_contacts: next(), help_desk_contact: next(), ramp: "phased", ramp_weeks: next() },
      assumption_texts: { handle_time_s: next() },
    },
  };
  const file = testInfo.outputPath("hostile-record.json");
  await writeFile(file, JSON.stringify(record));
  await open(page, "/");
  await page.getByLabel("Import a record").setInputFiles(file);
  await expect(page.getByText(/^Imported hostile-record\.json/)).toBeVisible();
  for (const route of appRoutes()) {
    await visit(page, route);
    await expect(page.locator("h1")).toBeVisible();
  }
  await visit(page, "/review");
  expect(await page.getByTestId("summary").locator("dd").first().textContent()).toBe(record.profile.agency);
  expect(await page.locator('tr[data-item="chk-iaa-signed"] td').nth(2).textContent()).toBe(record.checklist.items["chk-iaa-signed"].note);
  const csv = expectSafeCsv((await downloadText(page, "Download CSV", testInfo)).text);
  const row = csv.find((r) => r[1] === "chk-iaa-signed");
  expect(row.includes(csvSafe(record.checklist.items["chk-iaa-signed"].note))).toBe(true);
  expect(csv.flat().some((c) => c.startsWith("'\r=1+1"))).toBe(true);
  expectInertMarkdown((await downloadText(page, "Download Markdown", testInfo)).text, [record.profile.agency, record.service_level.override_reason]);
  const again = JSON.parse((await downloadText(page, "Download JSON record", testInfo)).text);
  // The record was version 5: it migrates, gaining the partner type, the OIDC flow and whether
  // users can verify in person, all unanswered.
  expect(again.profile).toEqual({ ...record.profile, partner_type: null, oidc_flow: null, in_person: null });
  expect(again.launch.form.help_desk_other).toBe(record.launch.form.help_desk_contact);
  expect(again.checklist.items).toEqual(record.checklist.items);
  expect(again.support).toEqual(record.support);
  expect(again.launch.form.seasonality).toBe(record.launch.form.seasonality);
});

test("hostile addresses and share links are shown as text or ignored", async ({ page }) => {
  // No dot in the path: a static host serves dotted paths as files.
  const path = `<img src=x onerror="__pwned=1">${RTL}${EMOJI}${"x".repeat(500)}`;
  await page.goto(`/${encodeURIComponent(path)}`);
  await expect(page.locator("h1")).toHaveText("Page not found", { timeout: 15_000 });
  expect(decodeURIComponent(await page.locator("main code").textContent())).toBe(`/${path}`);
  await expectNothingInjected(page);
  await expectFitsWidth(page);

  await page.goto(`/service-level?financial=${encodeURIComponent(IMG)}&audience=${encodeURIComponent(SCRIPT)}&level=${encodeURIComponent(EMOJI)}&cui=yes`);
  await expect(page.locator("#q-cui-yes")).toBeChecked({ timeout: 15_000 });
  await expect(page.locator("#q-financial-yes")).not.toBeChecked();
  await expectNothingInjected(page);
});
