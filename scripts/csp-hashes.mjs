// Trunk post-build hook: puts the SHA-256 of every inline <script> of the built index.html into
// the Content-Security-Policy, so script-src needs no 'unsafe-inline'. Trunk writes a static
// nonce on its inline tags; a nonce baked into a static file protects nothing, so it is removed.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) throw new Error("run as a Trunk hook, or pass the dist folder");
const file = join(dir, "index.html");
let html = readFileSync(file, "utf8").replace(/\snonce="[^"]*"/g, "");

const hashes = [];
for (const match of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
  hashes.push(`'sha256-${createHash("sha256").update(match[1], "utf8").digest("base64")}'`);
}
const placeholder = "'sha256-CSP-LOADER-HASH'";
if (!html.includes(placeholder)) throw new Error(`${file}: CSP placeholder missing`);
html = html.replace(placeholder, hashes.join(" "));
writeFileSync(file, html);
console.log(`csp-hashes: ${hashes.length} inline script hash(es) written to ${file}`);
