// Timing script (a benchmark, not a test) for an SOP with 200 runs: time to open it
// (its checklist and history drawn), and to tick a step of a run (stored and redrawn).
// Run after a release build: cargo run --release --example perf_sop -- target/perf && node tests/perf/sop_timing.mjs
import path from 'node:path';
import { root, fmt, start, timeInPage } from './harness.mjs';

const { base, browser, stop } = await start(8095);

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/London', bypassCSP: true });
  const page = await context.newPage();
  await page.goto(base + '/');
  await page.getByLabel('Your name, as teammates will see it').fill('Ben');
  await page.getByRole('button', { name: 'Start' }).click();
  await page.goto(base + '/shared');
  await page.locator('#shared-file').setInputFiles(path.join(root, 'target/perf/sop.unhurried'));
  await page.getByRole('heading', { level: 1, name: 'Monthly invoices' }).waitFor();
  const sopPath = new URL(page.url()).pathname;
  // The file carries Ben's open run only as Ben's: this Ben is a new person, so he
  // starts his own run to tick.
  await page.getByRole('button', { name: 'Start a run' }).click();
  await page.locator('.run-steps input[type="checkbox"]').first().waitFor();

  const opens = [];
  for (let i = 0; i < 5; i++) {
    await page.goto(base + '/shared');
    await page.locator('.held-row a').first().waitFor();
    opens.push(await timeInPage(page,
      `document.querySelector('.held-row a[href="${sopPath}"]').click()`,
      "return document.querySelectorAll('.run-steps li').length === 8 && document.querySelectorAll('.run-line').length > 0"));
  }
  const ticks = [];
  for (let i = 0; i < 24; i++) {
    const n = i % 8;
    const on = Math.floor(i / 8) % 2 === 0;
    ticks.push(await timeInPage(page,
      `document.querySelectorAll('.run-steps input[type="checkbox"]')[${n}].click()`,
      `return document.querySelectorAll('.run-steps input[type="checkbox"]')[${n}].checked === ${on} && document.querySelectorAll('.run-steps li.done').length === ${on ? n + 1 : 7 - n}`));
  }
  const pick = (xs, k) => xs.map((x) => x[k]);
  console.log('SOP with 200 runs of 8 steps (release build, Chromium):');
  console.log(`  open the SOP: DOM ${fmt(pick(opens, 'dom'))}; painted ${fmt(pick(opens, 'frame'))}`);
  console.log(`  tick a step of the run (stored, redrawn): DOM ${fmt(pick(ticks, 'dom'))}; painted ${fmt(pick(ticks, 'frame'))}`);
  await context.close();
} finally {
  await stop();
}
