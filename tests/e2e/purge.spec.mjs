// The release build drops the stylesheet's rules for classes the source never names
// (scripts/purge-css.mjs), keeping the whole stylesheet in $CARGO_TARGET_DIR/purge-css/full.css. Every
// route must look exactly the same, pixel for pixel, with the whole stylesheet as with the purged
// one, at phone and desktop widths: a class built at run time that the purge missed (USWDS's
// `tablet:` prefixes were the first) changes the picture.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test, expect, appSettled, appRoutes } from "./helpers.mjs";

// Where purge-css.mjs kept it: Cargo's target directory, which scripts/test.sh and the Makefile
// put in the per-user cache; target/ in the checkout when a build ran with neither. Read when a
// test needs it, so the other files run without it.
let wholeStylesheet;
function full() {
  const home = process.env.HOME || "";
  const candidates = [
    process.env.CARGO_TARGET_DIR,
    join(process.env.XDG_CACHE_HOME || join(home, ".cache"), "readiness-portal", "target"),
    new URL("../../target", import.meta.url).pathname,
  ].filter(Boolean);
  const found = candidates.map((dir) => join(dir, "purge-css", "full.css")).find((file) => existsSync(file));
  if (!found) throw new Error(`no purge-css/full.css in ${candidates.join(" or ")}: run trunk build --release first`);
  return (wholeStylesheet ??= readFileSync(found));
}

/** A screenshot of the whole page at `path`, with the whole stylesheet if `whole`. */
async function look(page, path, whole) {
  if (whole) {
    await page.route(/\/main-[0-9a-f]+\.css$/, (route) => route.fulfill({ body: full(), contentType: "text/css" }));
    // The page's link carries the purged file's integrity hash: without it, the browser takes the whole one.
    await page.route((url) => url.pathname === path, async (route) => {
      const response = await route.fetch();
      route.fulfill({ response, body: (await response.text()).replace(/ integrity=[^ >]+/, "") });
    });
  }
  await page.goto(path);
  // Every chunk in before the picture: with a hundred small chunks (issue 17), a late one could
  // still be drawing its part in one screenshot and not in the other. The app says when.
  await appSettled(page);
  // A part that loads as it nears the screen (/launch's forecast) would arrive during one
  // screenshot and not the other: bring it in first, so its look is compared too.
  const lazyPart = page.locator("[data-lazy-part]");
  if (await lazyPart.count()) {
    await lazyPart.scrollIntoViewIfNeeded();
    await expect(lazyPart).toHaveCount(0);
    await expect(page.locator(".page-loading")).toHaveCount(0);
    await page.evaluate(() => window.scrollTo(0, 0));
  }
  const shot = await page.screenshot({ fullPage: true, animations: "disabled" });
  await page.unrouteAll();
  return shot;
}

for (const width of [375, 1280]) {
  test(`every route looks the same with the purged stylesheet as with the whole one at ${width} px`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width, height: 900 });
    expect(full().length, "the whole stylesheet is much larger than what is shipped").toBeGreaterThan(100_000);
    const changed = [];
    for (const path of [...appRoutes(), "/no-such-page"]) {
      const purged = await look(page, path, false);
      const whole = await look(page, path, true);
      if (!purged.equals(whole)) changed.push(path);
    }
    expect(changed, "routes that look different with the purged stylesheet").toEqual([]);
  });
}
