// The monthly review: a month's deadline figures from their dates, in a table and a
// chart whose numbers a screen reader can read, the questions answered, and figures
// kept once reviewed, unchanged by later edits.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { welcome, watchConsole, addDeadline, deadlineRow, axe } from './helpers.mjs';

// 09:30 on 2 April in Kolkata.
const NOW = new Date('2026-04-02T04:00:00Z');

const row = deadlineRow;
const measure = (page, name) => page.locator('.review-table tbody tr', { hasText: name }).locator('td');

test('March is reviewed: its deadlines counted, questions answered, figures kept as they were', async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: 'Asia/Kolkata', locale: 'en-IN', acceptDownloads: true });
  const page = await ctx.newPage();
  await page.clock.setFixedTime(NOW);
  const problems = watchConsole(page);
  await welcome(page, 'Priya');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Week' }).click();
  await addDeadline(page, 'Quarterly report', '2026-03-10');
  await addDeadline(page, 'Client invoice', '2026-03-20');
  await addDeadline(page, 'Launch', '2026-04-10');
  await row(page, 'Quarterly report').getByLabel('Met on').fill('2026-03-10');
  await row(page, 'Quarterly report').getByRole('button', { name: 'Met', exact: true }).click();
  await row(page, 'Client invoice').getByRole('button', { name: 'Missed', exact: true }).click();
  await expect(row(page, 'Client invoice').locator('.deadline-outcome')).toHaveText('Missed');

  // The review of March came due at 09:00 on 1 April, Priya's first working day of the
  // month (no office hours that day): the Reminders page asks for it.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Reminders/ }).click();
  await expect(page.getByRole('heading', { name: 'Monthly review due' })).toBeVisible();
  await expect(page.locator('[aria-labelledby="review-due-head"] .task-meta')).toContainText('Due ');
  await page.getByRole('link', { name: 'Review March 2026' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Monthly review' })).toBeVisible();
  await expect(page.getByTestId('review-month')).toHaveText('March 2026');
  await expect(measure(page, 'Deadlines met on time').first()).toHaveText('1 of 2 (50%)');
  // Six months back, never reviewed: only deadlines, none settled.
  await expect(measure(page, 'Deadlines met on time').last()).toHaveText('none settled');
  await expect(measure(page, 'Live work per month').last()).toHaveText('–');

  // The chart's numbers, as a table.
  const chart = page.locator('figure.chart', { hasText: 'Deadlines met on time' });
  await chart.getByText('Show the numbers').click();
  await expect(chart.locator('tbody tr').last()).toHaveText(/Mar\s*1 of 2 \(50%\)/);
  await expect(chart.locator('tbody tr')).toHaveCount(7);

  // The questions, in Priya's words.
  await page.getByLabel('Is the work getting done?').fill('Yes, except the invoice.');
  await page.getByLabel('Are client complaints rising?').fill('No.');
  await page.getByLabel('Is working with the rest of the organisation creating a problem?').fill('Finance wants a call each week.');
  await page.getByLabel('What will you change next month?').fill('Send the invoice from the SOP.');
  await page.getByLabel('What will you change next month?').blur();
  await axe(page, 'the review page');
  await page.screenshot({ path: 'tests/e2e/screenshots/review-desktop.png', fullPage: true });
  // Markdown and print: the figures and the answers; the charts' numbers print open.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download Markdown' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('unhurried-review-2026-03.md');
  const md = fs.readFileSync(await download.path(), 'utf8');
  expect(md).toContain('# Monthly review: March 2026');
  expect(md).toContain('| Deadlines met on time | 1 of 2 (50%) | none settled | none settled | none settled |');
  expect(md).toContain('## What will you change next month?\n\nSend the invoice from the SOP.');
  const freed = page.locator('figure.chart', { hasText: 'Hours freed per month' });
  await expect(freed.locator('table')).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await expect(freed.locator('table')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Keep these figures' })).toBeHidden();
  await page.screenshot({ path: 'tests/e2e/screenshots/review-print.png', fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: 'Keep these figures' }).click();
  await expect(page.getByTestId('review-kept')).toHaveText(/^Reviewed .*: these figures are kept as they were then\.$/);
  await expect(page.getByRole('button', { name: 'Keep these figures' })).toHaveCount(0);

  // Reviewed: no longer asked for.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Reminders/ }).click();
  await expect(page.getByRole('heading', { name: 'Monthly review due' })).toHaveCount(0);

  // A later change to March's deadlines leaves the reviewed month as it was.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Week' }).click();
  await row(page, 'Client invoice').getByRole('button', { name: 'Reopen' }).click();
  await row(page, 'Client invoice').getByLabel('Met on').fill('2026-03-20');
  await row(page, 'Client invoice').getByRole('button', { name: 'Met', exact: true }).click();
  await page.goto('/review');
  await expect(page.getByTestId('review-month')).toHaveText('March 2026');
  await expect(measure(page, 'Deadlines met on time').first()).toHaveText('1 of 2 (50%)');
  await expect(page.getByLabel('Is the work getting done?')).toHaveValue('Yes, except the invoice.');
  await expect(page.getByLabel('What will you change next month?')).toHaveValue('Send the invoice from the SOP.');

  // April, so far: the month in progress, and no month after it.
  await page.getByRole('button', { name: 'Next month' }).click();
  await expect(page.getByTestId('review-month')).toHaveText('April 2026');
  await expect(page.getByTestId('review-kept')).toHaveText(/^This month so far/);
  await expect(page.getByRole('button', { name: 'Next month' })).toBeDisabled();
  // One month back from April is March, as kept.
  await expect(measure(page, 'Deadlines met on time').nth(1)).toHaveText('1 of 2 (50%)');
  expect(problems).toEqual([]);
  await ctx.close();
});

test('the review on a phone, in the dark', async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: 'dark', timezoneId: 'Asia/Kolkata' });
  const page = await ctx.newPage();
  await page.clock.setFixedTime(NOW);
  await welcome(page, 'Priya');
  await page.goto('/review');
  await expect(page.getByTestId('review-month')).toHaveText('March 2026');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, 'no sideways scrolling').toBeLessThanOrEqual(390);
  await axe(page, 'the review page, dark, on a phone');
  // A newcomer with nothing from March is not asked to review it.
  await page.goto('/reminders');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Monthly review due' })).toHaveCount(0);
  await page.goto('/review');
  await page.screenshot({ path: 'tests/e2e/screenshots/review-phone-dark.png', fullPage: true });
  await ctx.close();
});
