// Deadlines with outcomes: past ones ask, and each can be marked met (on a date of the
// person's own calendar), missed, or moved with a reason; all of it is kept.
import { test, expect } from '@playwright/test';
import { welcome, watchConsole, addDeadline, deadlineRow, axe } from './helpers.mjs';

// 00:15 on 1 April in Kolkata (still 31 March in London and UTC).
const NOW = new Date('2026-03-31T18:45:00Z');

async function goTo(page, name) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
}

const row = deadlineRow;

test('a past deadline asks what became of it; met, missed and moved are kept', async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Asia/Kolkata', locale: 'en-IN' });
  const page = await ctx.newPage();
  await page.clock.setFixedTime(NOW);
  const problems = watchConsole(page);
  await welcome(page, 'Priya');
  await goTo(page, 'Week');

  await addDeadline(page, 'Quarterly report', '2026-03-30');
  await addDeadline(page, 'Client invoice', '2026-03-31');
  await addDeadline(page, 'Launch', '2026-04-10');

  // Both March deadlines are past on Priya's calendar (it is 1 April in Kolkata): they
  // ask, open; the April one keeps the question folded.
  const report = row(page, 'Quarterly report');
  const invoice = row(page, 'Client invoice');
  const launch = row(page, 'Launch');
  await expect(report.locator('details.deadline-ask')).toHaveAttribute('open', '');
  await expect(report.getByText('Its date has passed: was it met?')).toBeVisible();
  await expect(invoice.locator('details.deadline-ask')).toHaveAttribute('open', '');
  await expect(launch.locator('details.deadline-ask')).not.toHaveAttribute('open', '');
  await axe(page, 'deadlines with their questions', '.deadlines');

  // Met: the date offered is today in Kolkata, a day after the invoice's date.
  await expect(invoice.getByLabel('Met on')).toHaveValue('2026-04-01');
  await invoice.getByRole('button', { name: 'Met', exact: true }).click();
  await expect(invoice.locator('.deadline-outcome')).toHaveText(/^Met 1 day late, on /);
  await report.getByRole('button', { name: 'Missed', exact: true }).click();
  await expect(report.locator('.deadline-outcome')).toHaveText('Missed');
  await expect(report.locator('details.deadline-ask')).toHaveCount(0);

  // Moved, with a reason: open again at its new date.
  await launch.locator('summary').click();
  await launch.getByLabel('Move to').fill('2026-04-17');
  await launch.getByLabel('Why').fill('Waiting for the figures');
  await launch.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(launch.locator('.deadline-outcome')).toHaveText(/^Moved from .*: Waiting for the figures$/);
  await expect(launch.locator('.deadline-date')).toContainText('17');

  // Reopening undoes a mark, in what is stored too.
  await report.getByRole('button', { name: 'Reopen' }).click();
  await expect(report.locator('.deadline-outcome')).toHaveCount(0);
  await page.reload();
  await expect(report.getByText('Its date has passed: was it met?')).toBeVisible();
  await expect(report.locator('.deadline-outcome')).toHaveCount(0);
  await report.getByRole('button', { name: 'Missed', exact: true }).click();
  await expect(report.locator('.deadline-outcome')).toHaveText('Missed');

  // Everything is kept.
  await page.reload();
  await expect(row(page, 'Quarterly report').locator('.deadline-outcome')).toHaveText('Missed');
  await expect(row(page, 'Client invoice').locator('.deadline-outcome')).toHaveText(/^Met 1 day late/);
  await expect(row(page, 'Launch').locator('.deadline-outcome')).toHaveText(/Waiting for the figures$/);
  await page.locator('.deadlines').screenshot({ path: 'tests/e2e/screenshots/deadlines-desktop.png' });
  expect(problems).toEqual([]);
  await ctx.close();
});

test('midnight passing leaves an open question as it was, and a deadline that falls due starts asking', async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Asia/Kolkata', locale: 'en-IN' });
  const page = await ctx.newPage();
  // 23:59 on 9 April in Kolkata.
  await page.clock.setFixedTime(new Date('2026-04-09T18:29:00Z'));
  const problems = watchConsole(page);
  await welcome(page, 'Priya');
  await goTo(page, 'Week');
  await addDeadline(page, 'Launch', '2026-04-10');
  await addDeadline(page, 'Review', '2026-04-09');
  const launch = row(page, 'Launch');
  await launch.getByText('Met, missed or moved?').click();
  await launch.getByLabel('Move to').fill('2026-04-17');
  await launch.getByLabel('Why').fill('Waiting for the figures');
  // 00:01 on 10 April: the page follows the minute. The question Priya opened stays
  // open with what she typed; 'Review' (9 April) is now past and asks.
  await page.clock.setFixedTime(new Date('2026-04-09T18:31:00Z'));
  const review = row(page, 'Review');
  await expect(review.locator('summary')).toHaveText('Its date has passed: was it met?');
  await expect(review.locator('details')).toHaveAttribute('open', '');
  await expect(launch.locator('details')).toHaveAttribute('open', '');
  await expect(launch.getByLabel('Why')).toHaveValue('Waiting for the figures');
  await launch.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(launch.locator('.deadline-outcome')).toHaveText(/^Moved from .*: Waiting for the figures$/);
  expect(problems).toEqual([]);
  await ctx.close();
});
