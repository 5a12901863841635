// Timing script (a benchmark, not a test) for the week and the overlap view with 100
// blocks and 10 people: time to render each page, to move a block by keyboard and by
// pointer, and to change the overlap view's date.
// Run after a release build: cargo run --example perf_week -- target/perf && node tests/perf/week_timing.mjs
import path from 'node:path';
import { root, fmt, start, timeInPage } from './harness.mjs';

const { base, browser, stop } = await start(8093);

try {
  // The timing hooks build functions from strings, which the app's CSP forbids.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/London', bypassCSP: true });
  const page = await context.newPage();
  await page.goto(base + '/');
  await page.getByLabel('Your name, as teammates will see it').fill('Ana');
  await page.getByRole('button', { name: 'Start' }).click();
  await page.goto(base + '/settings');
  await page.locator('#settings-import').setInputFiles(path.join(root, 'target/perf/week.unhurried'));
  await page.getByTestId('import-message').waitFor();

  const render = [];
  const teamRender = [];
  for (let i = 0; i < 7; i++) {
    await page.goto(base + '/');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    render.push(await timeInPage(page,
      "document.querySelector('nav[aria-label=Main] a[href=\"/week\"]').click()",
      "return document.querySelectorAll('.week .block-hit').length >= 100"));
    teamRender.push(await timeInPage(page,
      "document.querySelector('nav[aria-label=Main] a[href=\"/team\"]').click()",
      "return document.querySelectorAll('.strip-row:not(.ticks)').length >= 11 && document.querySelectorAll('.person-row').length >= 10"));
  }

  await page.goto(base + '/team');
  await page.locator('.strip-row').first().waitFor();
  const dates = [];
  // Fifteen weekdays of March 2026, across the US change (8 March).
  const weekdays = [2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 16, 17, 18, 19, 20];
  for (const d of weekdays) {
    const day = String(d).padStart(2, '0');
    dates.push(await timeInPage(page,
      `const el = document.getElementById('overlap-date'); el.value = '2026-03-${day}'; el.dispatchEvent(new Event('change', { bubbles: true }));`,
      `return document.querySelector('.overlap-summary') && document.querySelector('#overlap-date').value === '2026-03-${day}' && !!document.querySelector('.strip .work')`));
  }

  await page.goto(base + '/week');
  await page.locator('#block-block050').waitFor();
  const keyMoves = [];
  for (let i = 0; i < 30; i++) {
    const key = i % 2 ? 'ArrowUp' : 'ArrowDown';
    keyMoves.push(await timeInPage(page,
      `const b = document.getElementById('block-block050'); b.focus(); window.__top = b.parentElement.style.top; b.dispatchEvent(new KeyboardEvent('keydown', { key: '${key}', bubbles: true }));`,
      "return document.getElementById('block-block050').parentElement.style.top !== window.__top"));
  }
  // Pointer drags: one step of a drag (the preview follows the pointer), and the drop
  // (stored and redrawn).
  const dragSteps = [];
  const drops = [];
  for (let i = 0; i < 15; i++) {
    const box = await page.locator('#block-block050').boundingBox();
    const x = box.x + box.width / 2;
    const y = box.y + 6;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x, y + 3);
    const dy = i % 2 ? -40 : 40;
    dragSteps.push(await timeInPage(page,
      `const b = document.getElementById('block-block050'); window.__top = b.parentElement.style.top;
       b.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, clientX: ${x}, clientY: ${y + dy}, pointerId: 1, isPrimary: true, button: 0 }));`,
      "return document.getElementById('block-block050').parentElement.style.top !== window.__top"));
    await page.mouse.move(x, y + dy);
    drops.push(await timeInPage(page,
      `const b = document.getElementById('block-block050'); 
       b.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, clientX: ${x}, clientY: ${y + dy}, pointerId: 1, isPrimary: true, button: 0 }));`,
      "return !document.getElementById('block-block050').parentElement.className.includes('dragging')"));
    await page.mouse.up();
  }

  const pick = (xs, k) => xs.map((x) => x[k]);
  console.log('Week and overlap view, 100 blocks and 10 people (release build, Chromium):');
  console.log(`  open the week page (100 blocks on screen): DOM ${fmt(pick(render, 'dom'))}; painted ${fmt(pick(render, 'frame'))}`);
  console.log(`  open the team page (11 strips, 10 people): DOM ${fmt(pick(teamRender, 'dom'))}; painted ${fmt(pick(teamRender, 'frame'))}`);
  console.log(`  change the overlap date: DOM ${fmt(pick(dates, 'dom'))}; painted ${fmt(pick(dates, 'frame'))}`);
  console.log(`  move a block by keyboard (stored, redrawn): DOM ${fmt(pick(keyMoves, 'dom'))}; painted ${fmt(pick(keyMoves, 'frame'))}`);
  console.log(`  drag step (preview follows the pointer): DOM ${fmt(pick(dragSteps, 'dom'))}; painted ${fmt(pick(dragSteps, 'frame'))}`);
  console.log(`  drop (stored, redrawn): DOM ${fmt(pick(drops, 'dom'))}; painted ${fmt(pick(drops, 'frame'))}`);
  await context.close();
} finally {
  await stop();
}
