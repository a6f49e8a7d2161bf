// Trunk post-build hook, release build only: cuts the app's wasm into a main module and one chunk
// per page (src/components/lazy_page.rs), so each route fetches only its own code.
//
// Trunk has already run wasm-bindgen on the whole wasm; that output is set aside. From cargo's
// linked wasm (built with --emit-relocs, see build.rs) this hook
//   1. runs the splitter (wasm-split-cli, pinned in scripts/setup.sh): main module, chunks and
//      the loader `__wasm_split.js`;
//   2. runs wasm-bindgen on the main module, keeping the exports the chunks link against;
//   3. runs binaryen's optimiser (wasm-opt -Oz) on every module, one worker per core;
//   4. names every file by its content (chunks by their own bytes; the main module's JavaScript
//      and the loader, which import each other, by the bytes of the whole build) and rewrites the
//      references in the loader, the glue and index.html.
// Doing the wasm-bindgen step here, not in Trunk, keeps the order of steps in one place.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";

const started = Date.now();
const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) throw new Error("run as a Trunk hook, or pass the dist folder");
if (process.env.TRUNK_PROFILE && process.env.TRUNK_PROFILE !== "release") process.exit(0);

const CRATE = "readiness_portal";
const root = process.cwd();
const targetDir = process.env.CARGO_TARGET_DIR || join(root, "target");
const linked = join(targetDir, "wasm32-unknown-unknown", "release", `${CRATE}.wasm`);

const files = readdirSync(dir);
const trunkJs = files.find((f) => new RegExp(`^${CRATE}-[0-9a-f]+\\.js$`).test(f));
const trunkWasm = files.find((f) => new RegExp(`^${CRATE}-[0-9a-f]+_bg\\.wasm$`).test(f));
if (!trunkJs || !trunkWasm) throw new Error(`split-wasm: Trunk's ${CRATE} .js and _bg.wasm are not in ${dir}`);
const stem = trunkJs.slice(0, -".js".length);

const work = mkdtempSync(join(tmpdir(), "split-wasm-"));
try {
  // 1. Split.
  const split = join(work, "split");
  execFileSync("wasm-split-cli", ["--target", "web", "--out-name", stem, linked, split], { stdio: ["ignore", "ignore", "inherit"] });
  const chunks = readdirSync(split).filter((f) => f.endsWith(".wasm") && f !== `${stem}.wasm`);
  if (chunks.length === 0) throw new Error("split-wasm: the splitter made no chunks (is the `split` feature on?)");

  // 2. The main module's glue.
  const bound = join(work, "bound");
  execFileSync("wasm-bindgen", ["--target", "web", "--no-typescript", "--keep-lld-exports", "--out-dir", bound, "--out-name", stem, join(split, `${stem}.wasm`)], {
    stdio: "inherit",
  });

  // 3. Optimise every module, one worker per core, the largest files dealt out first.
  const modules = [join(bound, `${stem}_bg.wasm`), ...chunks.map((c) => join(split, c))];
  const workers = Math.min(availableParallelism(), modules.length);
  const shares = Array.from({ length: workers }, () => ({ files: [], bytes: 0 }));
  for (const file of [...modules].sort((a, b) => statSync(b).size - statSync(a).size)) {
    const lightest = shares.reduce((a, b) => (b.bytes < a.bytes ? b : a));
    lightest.files.push(file);
    lightest.bytes += statSync(file).size;
  }
  const optimiseStarted = Date.now();
  await Promise.all(
    shares.map(
      ({ files }) =>
        new Promise((done, fail) => {
          const worker = new Worker(new URL("./wasm-opt-worker.mjs", import.meta.url), { workerData: { files } });
          worker.on("message", done);
          worker.on("error", fail);
          worker.on("exit", (code) => code === 0 || fail(new Error(`wasm-opt worker exited with ${code}`)));
        }),
    ),
  );
  const optimiseSeconds = (Date.now() - optimiseStarted) / 1000;

  // 4. Content names.
  const digest = (...parts) => {
    const hash = createHash("sha256");
    for (const part of parts) hash.update(part);
    return hash.digest("hex").slice(0, 16);
  };
  let loader = readFileSync(join(split, "__wasm_split.js"), "utf8");
  let glue = readFileSync(join(bound, `${stem}.js`), "utf8");
  const mainWasm = readFileSync(join(bound, `${stem}_bg.wasm`));
  const chunkBytes = chunks.map((c) => readFileSync(join(split, c)));
  const build = digest(mainWasm, glue, loader, ...chunkBytes);

  const replaceAll = (text, from, to) => {
    if (!text.includes(from)) throw new Error(`split-wasm: expected a reference to ${from}`);
    return text.split(from).join(to);
  };
  chunks.forEach((chunk, i) => {
    const named = `${chunk.slice(0, -".wasm".length)}-${digest(chunkBytes[i])}.wasm`;
    loader = replaceAll(loader, `"./${chunk}"`, `"./${named}"`);
    writeFileSync(join(dir, named), chunkBytes[i]);
  });
  const mainJs = `${CRATE}-${build}.js`;
  const mainWasmName = `${CRATE}-${digest(mainWasm)}_bg.wasm`;
  const loaderName = `__wasm_split-${build}.js`;
  loader = replaceAll(loader, `"./${stem}.js"`, `"./${mainJs}"`);
  // Only the import statements: the wasm's own import module stays "./__wasm_split.js".
  glue = replaceAll(glue, 'from "./__wasm_split.js"', `from "./${loaderName}"`);
  glue = glue.split(`${stem}_bg.wasm`).join(mainWasmName);
  writeFileSync(join(dir, loaderName), loader);
  writeFileSync(join(dir, mainJs), glue);
  writeFileSync(join(dir, mainWasmName), mainWasm);
  rmSync(join(dir, trunkJs));
  rmSync(join(dir, trunkWasm));

  const index = join(dir, "index.html");
  let html = readFileSync(index, "utf8");
  html = replaceAll(html, trunkJs, mainJs);
  html = replaceAll(html, trunkWasm, mainWasmName);
  writeFileSync(index, html);

  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
  const chunkTotal = chunkBytes.reduce((sum, b) => sum + b.length, 0);
  console.log(
    `split-wasm: main module ${kb(mainWasm.length)}, ${chunks.length} chunks ${kb(chunkTotal)}; ` +
      `wasm-opt on ${modules.length} modules in ${optimiseSeconds.toFixed(1)} s (${availableParallelism()} at once); ` +
      `whole step ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
