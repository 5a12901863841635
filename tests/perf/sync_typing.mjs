// Timing script (a benchmark, not a test): does live sync slow typing? A discussion with
// 1,000 comments (the full link written by examples/perf_link.rs) is opened in Chromium,
// and 40 keystrokes in its problem statement are timed from the input event until the
// DOM is updated and until the next task: first with the document only on this device,
// then kept in sync on the real sync server on 127.0.0.1 (each keystroke then also sends
// a sync message and the indicator counts what waits).
// Run after a release build:  node tests/perf/sync_typing.mjs
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root, start, fmt } from './harness.mjs';
import { startServer, stopServer } from '../e2e/sync-server.mjs';

const linkDir = fs.mkdtempSync(path.join(os.tmpdir(), 'unhurried-sync-typing-'));
execFileSync('cargo', ['run', '-q', '--release', '--example', 'perf_link', '--', linkDir], { cwd: root, stdio: 'inherit' });
const fragment = fs.readFileSync(path.join(linkDir, 'full.txt'), 'utf8');
const sync = await startServer(path.join(linkDir, 'server'));
const host = `127.0.0.1:${sync.port}`;
const { base, browser, stop } = await start(8098);

/** 40 keystrokes in the problem statement: time to DOM updated, in the page. */
async function type(page) {
  return page.evaluate(async () => {
    const nextTask = () => new Promise((r) => setTimeout(r, 0));
    const field = document.getElementById('text-problem');
    const out = [];
    for (let i = 0; i < 40; i++) {
      await new Promise((r) => setTimeout(r, 30));
      const t0 = performance.now();
      field.value += 'y';
      field.dispatchEvent(new Event('input', { bubbles: true }));
      await nextTask();
      out.push(performance.now() - t0);
    }
    return out;
  });
}

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(base + '/');
  await page.getByLabel('Your name, as teammates will see it').fill('Ana');
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('heading', { name: 'Hello, Ana' }).waitFor();
  await page.goto(`${base}/#${fragment}`);
  await page.locator('#text-problem').waitFor();
  const alone = await type(page);
  await page.goto(base + '/settings');
  await page.getByLabel('Sync server address').fill(sync.url);
  await page.getByRole('button', { name: 'Use this server' }).click();
  await page.goBack();
  await page.getByRole('button', { name: `Keep in sync on ${host}` }).click();
  await page.getByRole('button', { name: 'Keep it in sync' }).click();
  await page.getByText(`In sync on ${host}`).waitFor({ timeout: 60_000 });
  const synced = await type(page);
  await page.getByText(`In sync on ${host}`).waitFor({ timeout: 60_000 });
  console.log('Typing in the problem statement of a 1,000-comment discussion, keystroke to DOM updated:');
  console.log(`  on this device only:        ${fmt(alone)}`);
  console.log(`  kept in sync on the server: ${fmt(synced)}`);
} finally {
  await stop();
  await stopServer(sync);
  fs.rmSync(linkDir, { recursive: true, force: true });
}
