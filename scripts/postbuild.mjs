#!/usr/bin/env node
// Trunk post_build hook (trunk.toml: stage = "post_build").
//
// Runs after trunk has written index.html and every asset into
// TRUNK_STAGING_DIR and before that folder becomes dist/. It:
//   1. moves trunk's inline wasm boot <script type="module"> into
//      boot-<sha256/16>.js, so the Content Security Policy can forbid inline
//      script altogether (trunk has no option to emit the boot script as a file);
//   2. writes the staged file list and a build id into sw.js, because trunk
//      fingerprints file names and the precache list changes on every build.
// Any surprise exits with status 1, which makes trunk fail the build: a build
// that silently ships a blocked boot script or a stale precache list is worse.
//
// Node 20, ESM, no dependencies. For a manual run:
//   TRUNK_STAGING_DIR=some/dir node scripts/postbuild.mjs

import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

const NAME = "postbuild";

function fail(message) {
  console.error(`${NAME}: error: ${message}`);
  process.exit(1);
}

const sha256 = (data) => createHash("sha256").update(data).digest("hex");

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) fail("TRUNK_STAGING_DIR is not set (this script is meant to run as a trunk post_build hook)");
if (!existsSync(staging) || !statSync(staging).isDirectory()) fail(`staging dir ${staging} does not exist`);

// Trunk normalises public_url to end in "/". URLs in the precache list are
// compared with location paths, so they have to carry the same prefix; a
// relative public_url ("./") has no fixed prefix, and "/" is the best guess.
const publicUrl = (() => {
  const url = process.env.TRUNK_PUBLIC_URL || "/";
  if (!url.startsWith("/")) return "/";
  return url.endsWith("/") ? url : `${url}/`;
})();

const indexPath = join(staging, "index.html");
const swPath = join(staging, "sw.js");
if (!existsSync(indexPath)) fail(`${indexPath} not found`);
if (!existsSync(swPath)) fail(`${swPath} not found (is public/ copied into the build?)`);

// ---------------------------------------------------------------------------
// 1. Externalise inline scripts.

let html = readFileSync(indexPath, "utf8");

// A commented-out <script> is not a script; blank comments out (keeping
// offsets) so the scan below only sees live markup.
const scannable = (text) => text.replace(/<!--[\s\S]*?-->/g, (c) => " ".repeat(c.length));

function parseAttrs(source) {
  const attrs = new Map();
  const re = /([^\s"'=<>\/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (const m of source.matchAll(re)) {
    attrs.set(m[1].toLowerCase(), m[2] ?? m[3] ?? m[4] ?? "");
  }
  return attrs;
}

// The HTML spec's JavaScript MIME types, plus the script kinds CSP also treats
// as inline script (import maps, speculation rules). Any other type (JSON,
// templates…) is an inert data block that CSP does not block.
const JS_TYPES = new Set([
  "", "module", "importmap", "speculationrules",
  "application/ecmascript", "application/javascript", "application/x-ecmascript",
  "application/x-javascript", "text/ecmascript", "text/javascript",
  "text/javascript1.0", "text/javascript1.1", "text/javascript1.2", "text/javascript1.3",
  "text/javascript1.4", "text/javascript1.5", "text/jscript", "text/livescript",
  "text/x-ecmascript", "text/x-javascript",
]);

function inlineScripts(text) {
  const found = [];
  const re = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/dgi;
  for (const m of scannable(text).matchAll(re)) {
    const attrs = parseAttrs(m[1]);
    if (attrs.has("src")) continue;
    const type = (attrs.get("type") ?? "").trim().toLowerCase();
    if (!JS_TYPES.has(type)) continue;
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      attrs,
      type,
      body: text.slice(m.indices[2][0], m.indices[2][1]),
    });
  }
  return found;
}

const nonceAttr = (attrs) => (attrs.has("nonce") ? ` nonce="${attrs.get("nonce")}"` : "");

// `trunk serve` also injects its live-reload client as a classic inline
// script; without moving it too, the hook would break every dev build.
const isTrunkAutoreload = (s) => s.type !== "module" && s.body.includes(".well-known/trunk/ws");

const scripts = inlineScripts(html);
const boot = scripts.filter((s) => s.type === "module");
if (boot.length === 0) fail("index.html has no inline <script type=\"module\">: did trunk change how it boots the wasm?");
if (boot.length > 1) fail(`index.html has ${boot.length} inline <script type="module"> elements; expected only trunk's boot script`);

const moved = [];
// Replace from the end so earlier offsets stay valid.
for (const s of scripts.filter((s) => s.type === "module" || isTrunkAutoreload(s)).reverse()) {
  const stem = s.type === "module" ? "boot" : "trunk-autoreload";
  const file = `${stem}-${sha256(s.body).slice(0, 16)}.js`;
  writeFileSync(join(staging, file), s.body);
  const typeAttr = s.type === "module" ? ' type="module"' : "";
  const tag = `<script${typeAttr} src="${publicUrl}${file}"${nonceAttr(s.attrs)}></script>`;
  html = html.slice(0, s.start) + tag + html.slice(s.end);
  moved.unshift(file);
}

const leftover = inlineScripts(html);
if (leftover.length > 0) {
  const preview = leftover.map((s) => JSON.stringify(s.body.trim().slice(0, 60))).join(", ");
  fail(`${leftover.length} inline script(s) left in index.html, which the CSP would block: ${preview}`);
}
writeFileSync(indexPath, html);

// ---------------------------------------------------------------------------
// 2. Precache list and build id for sw.js.

function walk(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

const files = walk(staging)
  .map((full) => ({ full, rel: relative(staging, full).split(sep).join("/") }))
  .filter(({ rel }) => rel !== "sw.js" && rel !== "index.html")
  .map((f) => ({ ...f, url: publicUrl + f.rel.split("/").map(encodeURIComponent).join("/") }))
  .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));

const swTemplate = readFileSync(swPath, "utf8");

// Names go into the hash with the contents, so a rename alone also yields a
// new build. sw.js's own source counts too: a change to the worker's logic
// should get a fresh cache rather than reuse the old one.
const build = createHash("sha256");
let totalBytes = 0;
for (const { rel, full } of files) {
  const data = readFileSync(full);
  totalBytes += data.length;
  build.update(`${rel}\0${data.length}\0`).update(data);
}
build.update(`index.html\0`).update(html);
build.update(`sw.js\0`).update(swTemplate);
const buildId = build.digest("hex").slice(0, 12);

const PRECACHE_LINE = /^self\.__PRECACHE\s*=\s*\[\s*\];?[ \t]*$/m;
const BUILD_LINE = /^self\.__BUILD\s*=\s*"dev";?[ \t]*$/m;
for (const [re, what] of [[PRECACHE_LINE, "self.__PRECACHE = [];"], [BUILD_LINE, 'self.__BUILD = "dev";']]) {
  const count = (swTemplate.match(new RegExp(re.source, "gm")) || []).length;
  if (count !== 1) fail(`sw.js must contain the line \`${what}\` exactly once (found ${count})`);
}
const sw = swTemplate
  .replace(PRECACHE_LINE, () => `self.__PRECACHE = ${JSON.stringify(files.map((f) => f.url))};`)
  .replace(BUILD_LINE, () => `self.__BUILD = ${JSON.stringify(buildId)};`);
writeFileSync(swPath, sw);

// ---------------------------------------------------------------------------
// 3. Summary.

const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
console.log(
  `${NAME}: build ${buildId}: moved inline script to ${moved.join(", ")}; ` +
    `sw.js precaches ${files.length} files (${kb(totalBytes)}) + index.html`,
);
