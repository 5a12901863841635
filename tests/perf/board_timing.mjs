// Timing script (a benchmark, not a test) for a stand-up board with 500 work cards and
// 30 days of status cards from 6 people: time to open it, and to move a card (stored
// and redrawn), by the column chooser and one place up.
// Run after a release build: cargo run --release --example perf_board -- target/perf && node tests/perf/board_timing.mjs
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PORT = 8094;
const base = `http://127.0.0.1:${PORT}`;
const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run'];
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const fmt = (xs) => `median ${median(xs).toFixed(1)} ms (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)}, n=${xs.length})`;

const server = spawn('node', ['scripts/serve.mjs', 'dist', String(PORT), '127.0.0.1'], { cwd: root, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });

// As in week_timing.mjs: time until the DOM is updated, and until the next frame.
const timeInPage = async (page, act, done) => {
  const r = await page.evaluate(async ([act, done]) => {
    const t0 = performance.now();
    new Function(act)();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const dom = performance.now() - t0;
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return { dom, frame: performance.now() - t0, ok: !!new Function(done)() };
  }, [act, done]);
  if (!r.ok) throw new Error(`the change did not show: ${done}`);
  return r;
};

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/London', bypassCSP: true });
  const page = await context.newPage();
  await page.goto(base + '/');
  await page.getByLabel('Your name, as teammates will see it').fill('Ben');
  await page.getByRole('button', { name: 'Start' }).click();
  await page.goto(base + '/shared');
  await page.locator('#shared-file').setInputFiles(path.join(root, 'target/perf/board.unhurried'));
  await page.getByRole('heading', { level: 1, name: 'Team' }).waitFor();
  const boardPath = new URL(page.url()).pathname;

  const opens = [];
  for (let i = 0; i < 5; i++) {
    await page.goto(base + '/shared');
    await page.locator('.held-row a').first().waitFor();
    opens.push(await timeInPage(page,
      `document.querySelector('.held-row a[href="${boardPath}"]').click()`,
      "return document.querySelectorAll('li.work-card').length === 500"));
  }

  // The card to move: the first in "To do".
  const id = await page.locator('.kanban-column').first().locator('li.work-card').first().getAttribute('id');
  const columns = ['doing', 'done', 'blocked', 'todo'];
  await page.locator(`#${id}-actions`).click();
  const moves = [];
  for (let i = 0; i < 24; i++) {
    const to = columns[i % 4];
    moves.push(await timeInPage(page,
      `const s = document.querySelector('#${id} select'); s.value = '${to}'; s.dispatchEvent(new Event('change', { bubbles: true }));`,
      `const c = document.getElementById('${id}'); return !!c && c.querySelector('select').value === '${to}' && c.closest('.kanban-column').querySelector('h3').id === 'column-head-${to}'`));
  }
  const steps = [];
  const card = await page.locator('.kanban-column').first().locator('li.work-card').nth(5).getAttribute('id');
  await page.locator(`#${card}-actions`).click();
  for (let i = 0; i < 12; i++) {
    // One place up, then one down, in "To do".
    const label = i % 2 ? 'down' : 'up';
    steps.push(await timeInPage(page,
      `window.__before = [...document.querySelectorAll('.kanban-column')[0].querySelectorAll('li.work-card')].map((c) => c.id).indexOf('${card}');
       document.querySelector('#${card} button[aria-label^="Move"][aria-label$=" ${label}"]').click();`,
      `return [...document.querySelectorAll('.kanban-column')[0].querySelectorAll('li.work-card')].map((c) => c.id).indexOf('${card}') === window.__before + (${label === 'up' ? -1 : 1})`));
  }
  const pick = (xs, k) => xs.map((x) => x[k]);
  console.log('Stand-up board, 500 cards and 30 days of status cards from 6 people (release build, Chromium):');
  console.log(`  open the board: DOM ${fmt(pick(opens, 'dom'))}; painted ${fmt(pick(opens, 'frame'))}`);
  console.log(`  move a card to another column (stored, redrawn): DOM ${fmt(pick(moves, 'dom'))}; painted ${fmt(pick(moves, 'frame'))}`);
  console.log(`  move a card one place up or down: DOM ${fmt(pick(steps, 'dom'))}; painted ${fmt(pick(steps, 'frame'))}`);
  await context.close();
} finally {
  await browser.close();
  server.kill();
}
