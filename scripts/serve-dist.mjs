// A small static server for the release build, as any static host would serve it: files from
// dist/, compressed with brotli or gzip when the browser accepts it, and index.html for any
// path that is not a file (the single-page-app fallback). Used by the end-to-end tests.
//   node scripts/serve-dist.mjs [port] [dir]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const port = Number(process.argv[2] || 4173);
const root = resolve(process.argv[3] || "dist");
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};
const compressible = new Set([".html", ".js", ".wasm", ".css", ".json", ".svg", ".txt"]);
const cache = new Map();

async function load(path) {
  const safe = normalize(decodeURIComponent(path)).replace(/^(\.\.[/\\])+/, "");
  let file = join(root, safe);
  if (!file.startsWith(root)) return null;
  try {
    if ((await stat(file)).isFile()) return file;
  } catch {}
  return extname(safe) ? null : join(root, "index.html");
}

createServer(async (req, res) => {
  const url = new URL(req.url, "http://127.0.0.1");
  const file = await load(url.pathname);
  if (!file) {
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    return;
  }
  const ext = extname(file);
  const accept = String(req.headers["accept-encoding"] || "");
  const encoding = compressible.has(ext) ? (accept.includes("br") ? "br" : accept.includes("gzip") ? "gzip" : null) : null;
  const key = `${file}:${encoding}`;
  let body = cache.get(key);
  if (!body) {
    const raw = await readFile(file);
    body =
      encoding === "br"
        ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
        : encoding === "gzip"
          ? gzipSync(raw, { level: 9 })
          : raw;
    cache.set(key, body);
  }
  const headers = {
    "content-type": types[ext] || "application/octet-stream",
    "content-length": body.length,
    "cache-control": ext === ".html" ? "no-cache" : "public, max-age=31536000, immutable",
    vary: "accept-encoding",
  };
  if (encoding) headers["content-encoding"] = encoding;
  res.writeHead(200, headers).end(req.method === "HEAD" ? undefined : body);
}).listen(port, "127.0.0.1", () => console.log(`serving ${root} on http://127.0.0.1:${port}`));
