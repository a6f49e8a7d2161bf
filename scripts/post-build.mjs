// Trunk's post-build hook. Trunk starts the hooks of one stage all at once, so steps that must
// follow each other run from here, in order: split the wasm (it replaces the JavaScript glue),
// minify the JavaScript, drop the stylesheet's unused rules, then hash the inline loader into the Content-Security-Policy.
import { execFileSync } from "node:child_process";

for (const step of ["split-wasm.mjs", "minify-js.mjs", "purge-css.mjs", "csp-hashes.mjs"]) {
  execFileSync(process.execPath, [new URL(step, import.meta.url).pathname, ...process.argv.slice(2)], { stdio: "inherit" });
}
