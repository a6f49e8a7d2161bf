// Runs binaryen's optimiser (`wasm-opt -Oz`) on the wasm files it is given, in place, for
// scripts/split-wasm.mjs. binaryen's npm package is binaryen compiled to wasm: its `wasm-opt`
// command starts a new Node process and compiles binaryen for every file (about a second each),
// so ~180 chunks took minutes; one worker per core loading it once takes seconds.
import { readFileSync, writeFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import binaryen from "binaryen";

binaryen.setOptimizeLevel(2); // -Oz: -O2 ...
binaryen.setShrinkLevel(2); // ... and the most shrinking
binaryen.setDebugInfo(false);
for (const file of workerData.files) {
  const module = binaryen.readBinary(readFileSync(file));
  module.optimize();
  if (!module.validate()) throw new Error(`wasm-opt-worker: ${file} does not validate after optimising`);
  writeFileSync(file, module.emitBinary());
  module.dispose();
}
parentPort.postMessage("done");
