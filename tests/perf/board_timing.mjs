// Timing script (a benchmark, not a test) for a stand-up board with 500 work cards and
// 30 days of status cards from 6 people: time to open it, and to move a card (stored
// and redrawn), by the column chooser and one place up.
// Run after a release build: cargo run --release --example perf_board -- target/perf && node tests/perf/board_timing.mjs
import path from 'node:path';
import { root, fmt, start, timeInPage } from './harness.mjs';

const { base, browser, stop } = await start(8094);

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
  await stop();
}
