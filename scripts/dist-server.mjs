// Serving the release build for the measuring scripts (report.mjs, staffing-bench.mjs): a free
// loopback port and scripts/serve-dist.mjs on it, as a static host would serve dist/.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

/** A loopback port nothing listens on right now. */
export function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.on("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

/** Starts scripts/serve-dist.mjs on `dist` and resolves once it listens (it compresses every file first). */
export async function startDistServer(dist) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(here, "serve-dist.mjs"), String(port), dist], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  await new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`serve-dist.mjs did not start in 120 s:\n${output}`)), 120_000);
    const listen = (chunk) => {
      output += chunk;
      if (output.includes(`http://127.0.0.1:${port}`)) {
        clearTimeout(timer);
        done();
      }
    };
    child.stdout.on("data", listen);
    child.stderr.on("data", listen);
    child.on("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`serve-dist.mjs exited with ${code}:\n${output}`));
    });
  });
  return { origin: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}
