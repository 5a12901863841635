// Timing script (a benchmark, not a test) for issue 17's storage: a cold load that moves a
// 4 MB localStorage profile (the corpus's personal document and 200 more documents' parts)
// into IndexedDB, and the cold load after it, with those 200 documents in IndexedDB,
// beside one with nothing stored. Run: node tests/perf/storage_timing.mjs after a release build.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PORT = 8094;
const base = `http://127.0.0.1:${PORT}`;
const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run'];
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const fmt = (xs) => `median ${median(xs).toFixed(1)} ms (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)}, n=${xs.length})`;

const personal = fs.readFileSync(path.join(root, 'tests/fixtures/2026-12-01-personal-parts.txt'), 'utf8')
  .trim().split('\n').map((line) => line.split('\t'));
// 200 documents of about 15 KB each (random bytes: they do not compress), as base64 text.
const profile = [...personal];
for (let i = 0; i < 200; i++) {
  const id = crypto.randomBytes(16).toString('hex');
  profile.push([`unhurried:doc:c-${id}:perf00000001:0000000000`, crypto.randomBytes(15_000).toString('base64')]);
}
const chars = profile.reduce((n, [k, v]) => n + k.length + v.length, 0);

const server = spawn('node', ['scripts/serve.mjs', 'dist', String(PORT), '127.0.0.1'], { cwd: root, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });

// When the app has mounted: its main navigation (a profile) or the welcome (none) exists.
const markReady = () => {
  new MutationObserver((_, obs) => {
    if ((document.querySelector('nav[aria-label="Main"]') || document.getElementById('welcome-name')) && !window.__ready) {
      window.__ready = performance.now();
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

async function load(page) {
  await page.goto(base + '/', { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__ready);
  return page.evaluate(() => window.__ready);
}

try {
  { const c = await browser.newContext(); await c.addInitScript(markReady); await load(await c.newPage()); await c.close(); }
  const empty = [], moving = [], after = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext();
    await context.addInitScript(markReady);
    const page = await context.newPage();
    empty.push(await load(page));
    await context.close();
  }
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext();
    await context.addInitScript(markReady);
    const page = await context.newPage();
    await page.goto(base + '/manifest.webmanifest');
    await page.evaluate((entries) => { for (const [k, v] of entries) localStorage.setItem(k, v); }, profile);
    moving.push(await load(page));
    const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('unhurried:doc:')).length);
    if (left !== 0) throw new Error(`${left} entries left in localStorage`);
    after.push(await load(page));
    await context.close();
  }
  console.log(`cold load, nothing stored: ${fmt(empty)}`);
  console.log(`cold load moving a ${(chars / 1e6).toFixed(1)} MB localStorage profile (${profile.length} parts, 201 documents) into IndexedDB: ${fmt(moving)}`);
  console.log(`cold load after, with those documents in IndexedDB: ${fmt(after)}`);
} finally {
  await browser.close();
  server.kill();
}
