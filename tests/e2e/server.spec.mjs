// The example server (scripts/serve-dist.mjs), which deployers copy: bad paths get a 400 and the
// server lives on, only content-hashed files are cached for good, and every response carries the
// security headers a host should send. Plus a download detail the server cannot fix: the page
// keeps a download's object URL alive after the click.
import { test, expect, open } from "./helpers.mjs";

test("a malformed path gets a 400 and the server keeps serving", async ({ request }) => {
  const bad = await request.get("/%E0%A4%A");
  expect(bad.status()).toBe(400);
  expect((await request.get("/")).status()).toBe(200);
});

test("only content-hashed files are immutable; config.json and images revalidate", async ({ request }) => {
  const html = await (await request.get("/")).text();
  const wasm = html.match(/\/readiness_portal-[0-9a-f]{16}_bg\.wasm/)?.[0];
  expect(wasm, "the page names its hashed wasm").toBeTruthy();
  expect((await request.get(wasm)).headers()["cache-control"]).toContain("immutable");
  for (const path of ["/config.json", "/img/us_flag_small.png", "/", "/favicon.svg"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    // Revalidated (no-cache) or never stored (no-store, the test receiver's config): never pinned.
    expect(response.headers()["cache-control"], path).toMatch(/^no-(cache|store)$/);
  }
});

test("every response carries the page's policy with frame-ancestors, nosniff and a referrer policy", async ({ request }) => {
  const page = await request.get("/checklist");
  const html = await page.text();
  const tag = html.match(/<meta[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*>/i)[0];
  const meta = tag.match(/content="([^"]+)"/)[1];
  const headers = page.headers();
  expect(headers["content-security-policy"]).toBe(`${meta}; frame-ancestors 'none'`);
  expect(headers["content-security-policy"]).not.toContain("unsafe-inline");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect((await request.get("/config.json")).headers()["x-content-type-options"]).toBe("nosniff");
});

test("a download's object URL is not revoked as soon as the link is clicked", async ({ page }, testInfo) => {
  await page.addInitScript(() => {
    window.__revoked = [];
    const revoke = URL.revokeObjectURL.bind(URL);
    URL.revokeObjectURL = (url) => {
      window.__revoked.push(url);
      revoke(url);
    };
  });
  // The page's clock, moved on by the test: no waiting for real time to pass.
  await page.clock.install();
  await open(page, "/");
  const started = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download your record (JSON)" }).click();
  const download = await started;
  await download.saveAs(testInfo.outputPath("record.json"));
  // Firefox and Safari start the download after click() returns: the URL must outlive it.
  await page.clock.runFor(30_000);
  expect(await page.evaluate(() => window.__revoked)).toEqual([]);
  // A minute later it is let go, so a long visit does not keep every download in memory.
  await page.clock.runFor(31_000);
  expect(await page.evaluate(() => window.__revoked.length)).toBe(1);
});
