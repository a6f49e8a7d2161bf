// Trunk post-build step, release build only: removes the stylesheet's rules for class names the
// portal never uses. USWDS is compiled from the Sass packages the portal imports, and most of
// each package's rules style variants no page has. A rule is kept when every class it needs is
// written somewhere in the app's source (src/, core/src/, index.html). Class names built at run
// time from a word the source does not spell out whole are in the safelist.
// The file is renamed by its new content, and index.html's link and integrity hash follow.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PurgeCSS } from "purgecss";

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) throw new Error("run as a Trunk hook, or pass the dist folder");
if (process.env.TRUNK_PROFILE && process.env.TRUNK_PROFILE !== "release") process.exit(0);

// `requirement--{label}` (src/pages/checklist.rs) from export::requirement_label.
const SAFELIST = [/^requirement--/];
const FULL_DIR = join(process.env.CARGO_TARGET_DIR || "target", "purge-css");

const stylesheet = readdirSync(dir).find((f) => /^main-[0-9a-f]+\.css$/.test(f));
if (!stylesheet) throw new Error(`purge-css: no main-<hash>.css in ${dir}`);
const before = readFileSync(join(dir, stylesheet), "utf8");
const [result] = await new PurgeCSS().purge({
  content: ["src/**/*.rs", "core/src/**/*.rs", "index.html"],
  // Words as class names are written, with USWDS's responsive prefixes (`tablet:grid-col-6`),
  // which PurgeCSS's default extractor splits at the colon, and also split there, for Leptos's
  // `class:name=` directives.
  defaultExtractor: (text) => {
    const words = text.match(/[A-Za-z0-9_:-]+/g) ?? [];
    return [...words, ...words.flatMap((word) => word.split(":"))];
  },
  css: [{ raw: before }],
  safelist: { standard: SAFELIST },
});
const css = result.css;
// The whole stylesheet, kept outside the site for tests/e2e/purge.spec.mjs, which checks that
// every page looks the same with it as with the purged one.
mkdirSync(FULL_DIR, { recursive: true });
writeFileSync(join(FULL_DIR, "full.css"), before);
const named = `main-${createHash("sha256").update(css).digest("hex").slice(0, 16)}.css`;
writeFileSync(join(dir, named), css);
if (named !== stylesheet) rmSync(join(dir, stylesheet));

const index = join(dir, "index.html");
let html = readFileSync(index, "utf8");
const link = new RegExp(`<link[^>]*${stylesheet.replace(".", "\\.")}[^>]*>`);
const tag = html.match(link)?.[0];
if (!tag) throw new Error(`purge-css: index.html does not link ${stylesheet}`);
const integrity = `sha384-${createHash("sha384").update(css).digest("base64")}`;
html = html.replace(tag, tag.replace(stylesheet, named).replace(/integrity=("?)sha384-[A-Za-z0-9+/=]+\1/, `integrity=$1${integrity}$1`));
writeFileSync(index, html);
console.log(`purge-css: ${stylesheet} ${before.length} -> ${named} ${css.length} bytes`);
