#!/usr/bin/env node
// Static server for the built app: node scripts/serve.mjs [dir=dist] [port=8080] [host=127.0.0.1]
//
// Behaves like the production host should, so tests and size measurements
// mean something: SPA fallback to index.html, long-lived caching only for
// files whose URL changes with their content, and gzip so transfer sizes are
// real. Node 20, no dependencies. VERBOSE=1 logs each request.

import { createReadStream, promises as fs } from "node:fs";
import { createServer } from "node:http";
import { extname, join, resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";

const [dirArg = "dist", portArg = "8080", host = "127.0.0.1"] = process.argv.slice(2);
const root = resolve(dirArg);
const port = Number(portArg);
const verbose = process.env.VERBOSE === "1";

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`serve: invalid port ${JSON.stringify(portArg)}`);
  process.exit(2);
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};
// PNG is already deflated; gzipping it again only costs time.
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".webmanifest", ".wasm", ".svg", ".ico", ".txt", ".map"]);

// index.html and sw.js keep their URL across builds, so the browser must
// revalidate them; everything else is served as the build left it and, being
// fingerprinted or replaced together with a new sw.js, may be kept for good.
const NO_CACHE = new Set(["index.html", "sw.js"]);

// Compressing a 2 MB wasm at level 9 takes a noticeable moment: do it once
// per file version, not per request.
const gzipCache = new Map();

async function gzipped(file, stat) {
  const hit = gzipCache.get(file);
  if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.body;
  const body = gzipSync(await fs.readFile(file), { level: 9 });
  gzipCache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, body });
  return body;
}

function acceptsGzip(header = "") {
  return header.split(",").some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    if (coding !== "gzip" && coding !== "*") return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return !q || Number(q.slice(2)) > 0;
  });
}

async function statFile(file) {
  try {
    const stat = await fs.stat(file);
    return stat.isFile() ? stat : null;
  } catch {
    return null;
  }
}

// setHeader rather than writeHead(status, headers), so the VERBOSE log can
// read the headers back.
function head(res, status, headers) {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.writeHead(status);
}

function plain(res, status, text, extra = {}) {
  head(res, status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...extra });
  res.end(`${text}\n`);
}

async function handle(req, res) {
  if (req.method !== "GET" && req.method !== "HEAD") {
    return plain(res, 405, "method not allowed", { Allow: "GET, HEAD" });
  }

  // Decode the raw path ourselves: URL parsing would quietly resolve "..",
  // and a request that tries to climb out of the root deserves a refusal.
  let pathname;
  try {
    pathname = decodeURIComponent(req.url.split(/[?#]/)[0]);
  } catch {
    return plain(res, 400, "bad request");
  }
  const segments = pathname.split("/").filter((s) => s && s !== ".");
  if (!pathname.startsWith("/") || /[\0\\]/.test(pathname) || segments.includes("..")) {
    return plain(res, 400, "bad request");
  }

  let file = join(root, ...segments);
  if (file !== root && !file.startsWith(root + sep)) return plain(res, 400, "bad request");
  let stat = await statFile(file);
  if (!stat && pathname.endsWith("/")) {
    file = join(file, "index.html");
    stat = await statFile(file);
  }
  // Client-side routes (/tasks, /decisions/42) have no extension: give them
  // the app shell so a reload lands on the same view. A missing /foo.js is a
  // real 404, not HTML that the browser would try to run as script.
  if (!stat && !extname(segments.at(-1) ?? "")) {
    file = join(root, "index.html");
    stat = await statFile(file);
  }
  if (!stat) return plain(res, 404, "not found");

  const ext = extname(file).toLowerCase();
  const base = file.slice(file.lastIndexOf(sep) + 1);
  const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  const headers = {
    "Content-Type": TYPES[ext] || "application/octet-stream",
    "Cache-Control": NO_CACHE.has(base) ? "no-cache" : "public, max-age=31536000, immutable",
    "X-Content-Type-Options": "nosniff",
    ETag: etag,
    "Last-Modified": stat.mtime.toUTCString(),
  };
  if (COMPRESSIBLE.has(ext)) headers.Vary = "Accept-Encoding";

  const inm = req.headers["if-none-match"];
  if (inm && inm.split(",").some((t) => t.trim() === etag || t.trim() === "*")) {
    head(res, 304, headers);
    return res.end();
  }

  const body = COMPRESSIBLE.has(ext) && acceptsGzip(req.headers["accept-encoding"]) ? await gzipped(file, stat) : null;
  if (body && body.length < stat.size) {
    head(res, 200, { ...headers, "Content-Encoding": "gzip", "Content-Length": body.length });
    return res.end(req.method === "HEAD" ? undefined : body);
  }

  head(res, 200, { ...headers, "Content-Length": stat.size });
  if (req.method === "HEAD") return res.end();
  createReadStream(file)
    .on("error", () => res.destroy())
    .pipe(res);
}

const server = createServer((req, res) => {
  if (verbose) {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const size = res.getHeader("content-length") ?? "-";
      const enc = res.getHeader("content-encoding") ? " gzip" : "";
      console.log(`${req.method} ${req.url} ${res.statusCode} ${size}${enc} ${ms.toFixed(1)}ms`);
    });
  }
  handle(req, res).catch((err) => {
    console.error(`serve: ${req.method} ${req.url}: ${err.stack || err}`);
    if (!res.headersSent) plain(res, 500, "internal error");
    else res.destroy();
  });
});

server.on("error", (err) => {
  console.error(`serve: ${err.message}`);
  process.exit(1);
});

server.listen(port, host, () => {
  const { port: actual } = server.address();
  const shownHost = host.includes(":") ? `[${host}]` : host;
  console.log(`serving ${dirArg} at http://${shownHost}:${actual}`);
});

function shutdown() {
  // Keep-alive sockets from a browser would otherwise hold close() open.
  server.close(() => process.exit(0));
  server.closeAllConnections();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
