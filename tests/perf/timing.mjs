// Timing script (a benchmark, not a test): cold load to interactive, warm load through the
// service worker, keypress-to-saved with 1,000 tasks, and opening share links of a
// 1,000-comment discussion. Run: node tests/perf/timing.mjs
// after a release build; prints the figures the README quotes.
import { chromium } from '@playwright/test';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PORT = 8092;
const base = `http://127.0.0.1:${PORT}`;
const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run'];
// How many tasks the keypress timing runs with (the figure is for 1,000).
const N_TASKS = Number(process.env.TASKS || 1000);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const fmt = (xs) => `median ${median(xs).toFixed(1)} ms (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)}, n=${xs.length})`;

const server = spawn('node', ['scripts/serve.mjs', 'dist', String(PORT), '127.0.0.1'], { cwd: root, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });

// Records, inside the page, when the welcome's name field first exists (the app has
// mounted and answers input), so Playwright's own round trips are not counted.
const markReady = () => {
  new MutationObserver((_, obs) => {
    if (document.getElementById('welcome-name') && !window.__ready) {
      window.__ready = performance.now();
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};
const breakdown = [];

// Time from navigation start until the welcome's name field is on screen and accepts input.
async function loadToInteractive(page) {
  await page.goto(base + '/', { waitUntil: 'commit' });
  await page.getByLabel('Your name, as teammates will see it').waitFor();
  const t = await page.evaluate(() => {
    const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'));
    return { ready: window.__ready, wasmEnd: wasm ? wasm.responseEnd : null };
  });
  breakdown.push(t);
  return t.ready;
}

try {
  // One visit first so the server has compressed the files once (as any real server would have).
  { const c = await browser.newContext(); await c.addInitScript(markReady); await loadToInteractive(await c.newPage()); await c.close(); breakdown.length = 0; }
  const cold = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext();
    await context.addInitScript(markReady);
    const page = await context.newPage();
    cold.push(await loadToInteractive(page));
    await context.close();
  }
  console.log(`cold load to interactive: ${fmt(cold)}`);
  console.log(`  of which the wasm download had ended at: ${fmt(breakdown.map((b) => b.wasmEnd))}`);

  const warm = [];
  const context = await browser.newContext();
  await context.addInitScript(markReady);
  const page = await context.newPage();
  await loadToInteractive(page);
  await page.waitForFunction(async () => !!(await navigator.serviceWorker.ready).active);
  await page.reload();
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  for (let i = 0; i < 5; i++) warm.push(await loadToInteractive(page));
  console.log(`warm load through the service worker: ${fmt(warm)}`);

  await page.getByLabel('Your name, as teammates will see it').fill('Perf');
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('heading', { name: 'Hello, Perf' }).waitFor();
  await page.goto(base + '/tasks');
  await page.locator('#new-task').waitFor();
  const t0 = Date.now();
  await page.evaluate((N_TASKS) => {
    const input = document.getElementById('new-task');
    const form = input.closest('form');
    for (let i = 0; i < N_TASKS; i++) {
      input.value = `Task number ${i}`;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      form.requestSubmit();
    }
  }, N_TASKS);
  await page.waitForFunction((n) => document.querySelectorAll(".task-row").length === n, N_TASKS);
  console.log(`adding ${N_TASKS} tasks through the form: ${Date.now() - t0} ms in all`);
  await page.reload();
  await page.waitForFunction((n) => document.querySelectorAll(".task-row").length === n, N_TASKS);
  await page.getByRole('button', { name: `Edit Task number ${Math.floor(N_TASKS / 2)}`, exact: true }).click();
  const title = page.getByLabel('What is it?');
  await title.focus();
  await page.evaluate(() => {
    window.__marks = [];
    window.__saves = [];
    // Saved means kept in IndexedDB: the write transaction carrying the edit has completed.
    const transaction = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (...a) {
      const tx = transaction.apply(this, a);
      if (a[1] === 'readwrite') tx.addEventListener('complete', () => window.__saves.push(performance.now()));
      return tx;
    };
    document.addEventListener('keydown', () => { window.__down = performance.now(); }, true);
    document.addEventListener('input', () => {
      const down = window.__down;
      const mark = { down };
      // All of the app's work for this keypress (its handler, the reactive updates, the DOM) is
      // done by the next task; the frame after that is when the change can be on screen.
      setTimeout(() => { mark.done = performance.now() - down; }, 0);
      requestAnimationFrame(() => setTimeout(() => { mark.painted = performance.now() - down; window.__marks.push(mark); }, 0));
    }, true);
  });
  for (let i = 0; i < 40; i++) { await page.keyboard.press('x'); await page.waitForTimeout(30); }
  await page.waitForFunction(() => window.__marks.length === 40);
  const { marks, saves } = await page.evaluate(() => ({ marks: window.__marks, saves: window.__saves }));
  console.log(`keypress to the app's work done (stored in the mirror, DOM updated), ${N_TASKS} tasks: ${fmt(marks.map((m) => m.done))}`);
  console.log(`keypress to kept in IndexedDB (its write transaction completed), ${N_TASKS} tasks: ${fmt(marks.map((m) => saves.find((t) => t >= m.down) - m.down))}`);
  // The same edit driven from inside the page, free of the test driver's input latency:
  // the app's handler and reactive updates, then the layout the browser needs to show it.
  const inPage = await page.evaluate(async () => {
    const input = document.getElementById('task-title');
    const nextTask = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
    const out = [];
    for (let i = 0; i < 40; i++) {
      await nextTask();
      const t0 = performance.now();
      input.value += 'y';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await nextTask();
      const t1 = performance.now();
      void document.body.offsetHeight;
      const laidOut = performance.now();
      // Kept: the first IndexedDB write transaction to complete after the edit.
      while (!window.__saves.some((t) => t >= t0)) await new Promise((r) => setTimeout(r, 1));
      out.push({ update: t1 - t0, withLayout: laidOut - t0, kept: window.__saves.find((t) => t >= t0) - t0 });
    }
    return out;
  });
  console.log(`edit to kept in IndexedDB (in-page), ${N_TASKS} tasks: ${fmt(inPage.map((m) => m.kept))}`);
  console.log(`edit to DOM updated (in-page), ${N_TASKS} tasks: ${fmt(inPage.map((m) => m.update))}`);
  console.log(`edit to DOM updated and laid out (in-page), ${N_TASKS} tasks: ${fmt(inPage.map((m) => m.withLayout))}`);
  await context.close();

  // Share links of a 1,000-comment discussion (written by examples/perf_link.rs).
  const linkDir = fs.mkdtempSync(path.join(os.tmpdir(), 'unhurried-links-'));
  execFileSync('cargo', ['run', '-q', '--example', 'perf_link', '--', linkDir], { cwd: root, stdio: 'inherit' });
  const link = (name) => fs.readFileSync(path.join(linkDir, name), 'utf8');
  // Opens a link in a tab that is already running, as a pasted link does, and returns the
  // time the app spent taking it in (decode, check, merge, store) and the time until the
  // document's page shows all its comments.
  async function open(page, fragment, comments) {
    return page.evaluate(async ({ fragment, comments }) => {
      performance.clearMeasures();
      const t0 = performance.now();
      location.hash = fragment;
      await new Promise((resolve) => {
        // The page shows the latest comments and says how many there are in all.
        const poll = () => ((document.querySelector('section[aria-labelledby="comments-head"] .earlier')?.textContent || '')
          .includes(`of ${comments} comments`) ? resolve() : requestAnimationFrame(poll));
        poll();
      });
      const shown = performance.now() - t0;
      const m = performance.getEntriesByName('unhurried:receive', 'measure').at(-1);
      return { receive: m ? m.duration : NaN, shown };
    }, { fragment, comments });
  }
  const rounds = { first: [], merge: [], reply: [], firstShown: [], mergeShown: [], replyShown: [] };
  for (let i = 0; i < 5; i++) {
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    await p.goto(base + '/');
    await p.getByLabel('Your name, as teammates will see it').fill('Perf');
    await p.getByRole('button', { name: 'Start' }).click();
    await p.getByRole('heading', { name: 'Hello, Perf' }).waitFor();
    let r = await open(p, link('older.txt'), 900);
    rounds.first.push(r.receive); rounds.firstShown.push(r.shown);
    r = await open(p, link('reply.txt'), 1000);
    rounds.reply.push(r.receive); rounds.replyShown.push(r.shown);
    await ctx.close();
    const ctx2 = await browser.newContext();
    const p2 = await ctx2.newPage();
    await p2.goto(base + '/');
    await p2.getByLabel('Your name, as teammates will see it').fill('Perf');
    await p2.getByRole('button', { name: 'Start' }).click();
    await p2.getByRole('heading', { name: 'Hello, Perf' }).waitFor();
    await open(p2, link('older.txt'), 900);
    r = await open(p2, link('full.txt'), 1000);
    rounds.merge.push(r.receive); rounds.mergeShown.push(r.shown);
    await ctx2.close();
  }
  console.log(`links: full ${link('full.txt').length} characters (1,000 comments), reply with 100 comments ${link('reply.txt').length}`);
  console.log(`open a 900-comment link, new here: take in ${fmt(rounds.first)}; page shown ${fmt(rounds.firstShown)}`);
  console.log(`merge the 1,000-comment full link into the 900-comment copy: take in ${fmt(rounds.merge)}; page shown ${fmt(rounds.mergeShown)}`);
  console.log(`merge a 100-comment reply into it: take in ${fmt(rounds.reply)}; page shown ${fmt(rounds.replyShown)}`);
  fs.rmSync(linkDir, { recursive: true, force: true });
} finally {
  await browser.close();
  server.kill();
}
