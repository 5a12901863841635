// Timing script (a benchmark, not a test) for the monthly review with two years of
// data: 500 deadlines, 200 tasks, 24 reviewed months, 100 entries of the freed-time log,
// and 24 feedback requests with 100 answers and 48 meetings held as documents of their
// own. Times the page from the click on its link until its table and charts are
// drawn, and moving to the month before.
// Run after a release build:
//   cargo run --release --example perf_review -- target/perf && node tests/perf/review_timing.mjs
import path from 'node:path';
import { root, fmt, start, timeInPage } from './harness.mjs';

const { base, browser, stop } = await start(8096);

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/London', bypassCSP: true });
  const page = await context.newPage();
  // 10:00 on 2 December 2026: November is the month reviewed.
  await page.clock.setFixedTime(new Date('2026-12-02T10:00:00Z'));
  await page.goto(base + '/');
  await page.locator('#welcome-import').setInputFiles(path.join(root, 'target/perf/review.unhurried'));
  await page.getByRole('heading', { name: 'Hello, Ana' }).waitFor();

  const drawn = "const rows = [...document.querySelectorAll('.review-table tbody tr')];"
    + " const s = rows.find((r) => r.textContent.includes('Satisfaction'));"
    + " return rows.length === 11 && document.querySelectorAll('figure.chart').length >= 4"
    + " && !!s && s.querySelector('td').textContent.includes('from 5 answers')";
  const open = [];
  const back = [];
  for (let i = 0; i < 9; i++) {
    await page.goto(base + '/');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    open.push(await timeInPage(page, "document.querySelector('a[href=\"/review\"]').click()", drawn));
    back.push(await timeInPage(page,
      "window.__month = document.querySelector('[data-testid=review-month]').textContent;"
      + " [...document.querySelectorAll('button')].find((b) => b.textContent === 'Previous month').click()",
      "return document.querySelector('[data-testid=review-month]').textContent !== window.__month"));
  }
  console.log('Review page, 2 years of data (100 feedback answers, 48 meetings):');
  console.log(`  open from the menu, drawn:       DOM ${fmt(open.map((r) => r.dom))}; painted ${fmt(open.map((r) => r.frame))}`);
  console.log(`  the month before:                DOM ${fmt(back.map((r) => r.dom))}; painted ${fmt(back.map((r) => r.frame))}`);
} finally {
  await stop();
}
