// Timing script (a benchmark, not a test) for live sync in the browser: Ana and Ben in two
// Chromium contexts keep one discussion in sync through the real sync server on
// 127.0.0.1. Ana adds 100 comments, one at a time; each is timed from her click until it
// is in Ben's page (both read the same clock, Date.now()).
// Run after a release build:  node tests/perf/sync_timing.mjs
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { start, median } from './harness.mjs';
import { startServer, stopServer } from '../e2e/sync-server.mjs';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unhurried-sync-timing-'));
const sync = await startServer(dir);
const host = `127.0.0.1:${sync.port}`;
const { base, browser, stop } = await start(8097);

async function person(name) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(base + '/');
  await page.getByLabel('Your name, as teammates will see it').fill(name);
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('heading', { name: `Hello, ${name}` }).waitFor();
  await page.goto(base + '/settings');
  await page.getByLabel('Sync server address').fill(sync.url);
  await page.getByRole('button', { name: 'Use this server' }).click();
  return page;
}

try {
  const a = await person('Ana');
  const b = await person('Ben');
  await a.goto(base + '/shared');
  await a.getByLabel('What needs deciding?').fill('Timing');
  await a.getByRole('button', { name: 'Start', exact: true }).click();
  await a.getByRole('button', { name: `Keep in sync on ${host}` }).click();
  await a.getByRole('button', { name: 'Keep it in sync' }).click();
  await a.getByText(`In sync on ${host}`).waitFor();
  await a.getByRole('button', { name: 'Copy link', exact: true }).click();
  const link = await a.locator('#share-url').inputValue();
  await b.goto(link);
  await b.getByRole('button', { name: `Keep in sync on ${host}` }).click();
  await b.getByText(`In sync on ${host}`).waitFor();
  // Ben's page notes when each comment first shows.
  await b.evaluate(() => {
    window.__seen = {};
    new MutationObserver(() => {
      for (const c of document.querySelectorAll('.comment-text')) {
        window.__seen[c.textContent] ??= Date.now();
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const delays = [];
  for (let n = 0; n < 100; n++) {
    const text = `update ${n}`;
    const t0 = await a.evaluate((text) => {
      const thread = document.querySelector('section[aria-labelledby="comments-head"]');
      const label = [...thread.querySelectorAll('label')].find((l) => l.textContent.trim() === 'Add a comment');
      const field = document.getElementById(label.htmlFor);
      field.value = text;
      field.dispatchEvent(new Event('input', { bubbles: true }));
      const button = [...thread.querySelectorAll('button')].find((x) => x.textContent.trim() === 'Comment');
      const t0 = Date.now();
      button.click();
      return t0;
    }, text);
    await b.waitForFunction((text) => window.__seen[text] !== undefined, text, { polling: 5, timeout: 10_000 });
    const seen = await b.evaluate((text) => window.__seen[text], text);
    delays.push(seen - t0);
  }
  const sorted = [...delays].sort((x, y) => x - y);
  console.log('Live sync in Chromium through the sync server on 127.0.0.1, 100 comments:');
  console.log(`  click in A to shown in B: median ${median(delays).toFixed(0)} ms, p95 ${sorted[94].toFixed(0)} ms, max ${sorted[99].toFixed(0)} ms`);
} finally {
  await stop();
  await stopServer(sync);
  fs.rmSync(dir, { recursive: true, force: true });
}
