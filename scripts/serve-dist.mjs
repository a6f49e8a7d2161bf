// A small static server for the release build, as any static host would serve it: files from
// dist/, compressed with brotli or gzip when the browser accepts it, and index.html for any
// path that is not a file (the single-page-app fallback). Used by the end-to-end tests.
//   node scripts/serve-dist.mjs [port] [dir] [--receiver]
// With --receiver it is also a launch-request receiver for the end-to-end tests (same origin, so
// the page's CSP needs no change): /config.json names /api/launch-requests as the endpoint,
// POSTs there are recorded by idempotency key, and /__receiver/* controls and reports it.
import { createServer } from "node:http";
import { readdir, readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const port = Number(args[0] || 4173);
const root = resolve(args[1] || "dist");
const receiverMode = process.argv.includes("--receiver");
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

/** The file for a request path, or null; undefined when the path is not valid percent-encoding. */
async function load(path) {
  let decoded;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  const safe = normalize(decoded).replace(/^(\.\.[/\\])+/, "");
  let file = join(root, safe);
  if (!file.startsWith(root)) return null;
  try {
    if ((await stat(file)).isFile()) return file;
  } catch {}
  return extname(safe) ? null : join(root, "index.html");
}

// The test receiver's state: received submissions by idempotency key, and what to do next.
const receiver = { received: new Map(), attempts: 0, failNext: 0, down: false };

function readBody(req) {
  return new Promise((done, fail) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => done(Buffer.concat(chunks).toString("utf8")));
    req.on("error", fail);
  });
}

function json(res, status, value) {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store", ...securityHeaders }).end(JSON.stringify(value));
}

async function handleReceiver(req, res, url) {
  if (url.pathname === "/config.json") {
    json(res, 200, { submission_endpoint: "/api/launch-requests" });
    return true;
  }
  if (url.pathname === "/api/launch-requests" && req.method === "POST") {
    receiver.attempts += 1;
    const body = await readBody(req);
    if (receiver.down) {
      req.socket.destroy();
      return true;
    }
    if (receiver.failNext > 0) {
      receiver.failNext -= 1;
      json(res, 503, { error: "receiver asked to fail" });
      return true;
    }
    let payload;
    try {
      payload = JSON.parse(body);
    } catch {
      json(res, 400, { error: "not JSON" });
      return true;
    }
    const key = payload.idempotency_key;
    if (!key) {
      json(res, 400, { error: "no idempotency_key" });
      return true;
    }
    // A repeated key is the same submission: answer with the same id, record it once.
    if (!receiver.received.has(key)) receiver.received.set(key, { id: `LR-${receiver.received.size + 1}`, payload });
    json(res, 201, { id: receiver.received.get(key).id });
    return true;
  }
  if (url.pathname.startsWith("/__receiver/")) {
    const action = url.pathname.slice("/__receiver/".length);
    switch (action) {
      case "received":
        json(res, 200, { attempts: receiver.attempts, submissions: [...receiver.received.values()] });
        return true;
      case "reset":
        Object.assign(receiver, { received: new Map(), attempts: 0, failNext: 0, down: false });
        break;
      case "fail-next":
        receiver.failNext = Number(url.searchParams.get("count") || 1);
        break;
      case "down":
        receiver.down = true;
        break;
      case "up":
        receiver.down = false;
        break;
      default:
        json(res, 404, {});
        return true;
    }
    json(res, 200, {});
    return true;
  }
  return false;
}

// Compress every file before listening, as a static host's build step would: brotli at its
// highest quality takes seconds for the wasm, which must not land on a test's first page load.
async function precompress(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = join(dir, entry.name);
    if (entry.isDirectory()) {
      await precompress(file);
    } else if (compressible.has(extname(file))) {
      const raw = await readFile(file);
      cache.set(`${file}:br`, brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      cache.set(`${file}:gzip`, gzipSync(raw, { level: 9 }));
    }
  }
}
await precompress(root);

// The headers a host should send with every response: the page's own policy (read from the
// built index.html, so it carries the build's script hash) plus what only a header can say.
const builtIndex = await readFile(join(root, "index.html"), "utf8").catch(() => "");
// Trunk minifies the tag: its attributes come in any order, the http-equiv value unquoted.
const policyTag = builtIndex.match(/<meta[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*>/i)?.[0];
const metaPolicy = policyTag?.match(/content="([^"]+)"/)?.[1];
const securityHeaders = {
  ...(metaPolicy ? { "content-security-policy": `${metaPolicy}; frame-ancestors 'none'` } : {}),
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};
// Trunk names the files it builds with a 16-hex-digit content hash; only those never change.
const hashed = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;

createServer(async (req, res) => {
  const url = new URL(req.url, "http://127.0.0.1");
  if (receiverMode && (await handleReceiver(req, res, url))) return;
  const file = await load(url.pathname);
  if (file === undefined) {
    res.writeHead(400, { "content-type": "text/plain", ...securityHeaders }).end("bad request: the path is not valid percent-encoding");
    return;
  }
  if (!file) {
    res.writeHead(404, { "content-type": "text/plain", ...securityHeaders }).end("not found");
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
    // Unhashed files (config.json, images, the favicon) revalidate, so a changed endpoint or
    // image reaches browsers; hashed ones are new files when they change.
    "cache-control": hashed.test(file) ? "public, max-age=31536000, immutable" : "no-cache",
    vary: "accept-encoding",
    ...securityHeaders,
  };
  if (encoding) headers["content-encoding"] = encoding;
  res.writeHead(200, headers).end(req.method === "HEAD" ? undefined : body);
}).listen(port, "127.0.0.1", () => console.log(`serving ${root} on http://127.0.0.1:${port}`));
