// The shipped files never contain the Login.gov Contact Center number, in any layout.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { test, expect } from "@playwright/test";

const NATIONAL = ["844", "875", "6446"].join("");

async function files(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(path)));
    else out.push(path);
  }
  return out;
}

test("dist/ holds no Contact Center number in any format", async () => {
  const shipped = (await files("dist")).filter((f) => /\.(html|js|wasm|json|css|svg|txt)$/.test(f));
  expect(shipped.some((f) => f.endsWith(".wasm"))).toBe(true);
  for (const file of shipped) {
    const text = (await readFile(file)).toString("latin1");
    // Digits with up to three non-digits between groups, a tel: link, or the bare digit run.
    const pattern = new RegExp(`${NATIONAL.slice(0, 3)}\\D{0,3}${NATIONAL.slice(3, 6)}\\D{0,3}${NATIONAL.slice(6)}`);
    expect(pattern.test(text), file).toBe(false);
    expect(text.includes(NATIONAL), file).toBe(false);
  }
});

test("every image the stylesheet refers to is shipped", async () => {
  const css = (await files("dist")).filter((f) => f.endsWith(".css"));
  expect(css.length).toBe(1);
  const text = await readFile(css[0], "utf8");
  const shipped = new Set((await files("dist")).map((f) => f.slice("dist".length)));
  for (const [, path] of text.matchAll(/url\("(\/img\/[^"]+)"\)/g)) expect(shipped.has(path), path).toBe(true);
});
