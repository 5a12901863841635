// Timing script (a benchmark, not a test): cold load to interactive, warm load through the
// service worker, and keypress-to-saved with 1,000 tasks. Run: node tests/perf/timing.mjs
// after a release build; prints the figures the README quotes.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PORT = 8092;
const base = `http://127.0.0.1:${PORT}`;
const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run'];
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const fmt = (xs) => `median ${median(xs).toFixed(1)} ms (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)}, n=${xs.length})`;

const server = spawn('node', ['scripts/serve.mjs', 'dist', String(PORT), '127.0.0.1'], { cwd: root, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });

// Time from navigation start until the welcome's name field is on screen and accepts input.
async function loadToInteractive(page) {
  await page.goto(base + '/', { waitUntil: 'commit' });
  await page.getByLabel('Your name, as teammates will see it').waitFor();
  return page.evaluate(() => performance.now());
}

try {
  const cold = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    cold.push(await loadToInteractive(page));
    await context.close();
  }
  console.log(`cold load to interactive: ${fmt(cold)}`);

  const warm = [];
  const context = await browser.newContext();
  const page = await context.newPage();
  await loadToInteractive(page);
  await page.waitForFunction(async () => !!(await navigator.serviceWorker.ready).active);
  await page.reload();
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  for (let i = 0; i < 5; i++) warm.push(await loadToInteractive(page));
  console.log(`warm load through the service worker: ${fmt(warm)}`);

  await page.getByLabel('Your name, as teammates will see it').fill('Perf');
  await page.getByRole('button', { name: 'Start' }).click();
  await page.goto(base + '/tasks');
  const t0 = Date.now();
  await page.evaluate(() => {
    const input = document.getElementById('new-task');
    const form = input.closest('form');
    for (let i = 0; i < 1000; i++) {
      input.value = `Task number ${i}`;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      form.requestSubmit();
    }
  });
  await page.waitForFunction(() => document.querySelectorAll('.task-row').length === 1000);
  console.log(`adding 1,000 tasks through the form: ${Date.now() - t0} ms in all`);
  await page.reload();
  await page.waitForFunction(() => document.querySelectorAll('.task-row').length === 1000);
  await page.getByRole('button', { name: 'Edit Task number 500', exact: true }).click();
  const title = page.getByLabel('What is it?');
  await title.focus();
  await page.evaluate(() => {
    window.__marks = [];
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) { set.call(this, k, v); window.__saved = performance.now(); };
    document.addEventListener('keydown', () => { window.__down = performance.now(); }, true);
    document.addEventListener('input', () => {
      const down = window.__down;
      requestAnimationFrame(() => setTimeout(() => window.__marks.push({ saved: window.__saved - down, painted: performance.now() - down }), 0));
    }, true);
  });
  for (let i = 0; i < 40; i++) await page.keyboard.press('x');
  await page.waitForFunction(() => window.__marks.length === 40);
  const marks = await page.evaluate(() => window.__marks);
  console.log(`keypress to saved state, 1,000 tasks: ${fmt(marks.map((m) => m.saved))}`);
  console.log(`keypress to next frame, 1,000 tasks: ${fmt(marks.map((m) => m.painted))}`);
  await context.close();
} finally {
  await browser.close();
  server.kill();
}
