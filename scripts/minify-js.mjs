// Trunk post-build hook: minifies wasm-bindgen's JavaScript glue with esbuild. Trunk's own
// minifier gives up on this glue ("Failed to minify JS") and ships it as written. The exports
// keep their names, so the loader in Trunk.toml and the wasm's imports are unchanged.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) throw new Error("run as a Trunk hook, or pass the dist folder");
// Only in the release build: a debug build keeps readable glue.
if (process.env.TRUNK_PROFILE && process.env.TRUNK_PROFILE !== "release") process.exit(0);
for (const name of readdirSync(dir).filter((f) => f.endsWith(".js"))) {
  const file = join(dir, name);
  const source = readFileSync(file, "utf8");
  const { code } = transformSync(source, { minify: true, format: "esm", target: "es2020", legalComments: "none" });
  writeFileSync(file, code);
  console.log(`minify-js: ${name} ${source.length} -> ${code.length} bytes`);
}
