// Three months of going async, measured (framework step 5): Priya in Kolkata defines
// done for two tasks, ties deadlines to them and marks them met, missed and moved, asks
// for feedback from Ben (New York) and Chie (Tokyo), who answer offline in their own
// browsers and reply by link, logs where freed time went, and reviews February, March
// and April as each comes due, with the page clock moved across the months.
import { test, expect } from '@playwright/test';
import path from 'node:path';
import { welcome, watchConsole, waitForServiceWorker, addTask, taskButton, addDeadline, deadlineRow, makeLink, openLink, axe } from './helpers.mjs';

const shots = 'tests/e2e/screenshots';
const at = (iso) => new Date(iso);
const measure = (page, name) => page.locator('.review-table tbody tr', { hasText: name }).locator('td');
const chartRows = (page, title) => page.locator('figure.chart', { hasText: title }).locator('tbody tr');
const nav = (page, name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });

async function person(browser, timezoneId, locale) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId, locale });
  const page = await ctx.newPage();
  return { ctx, page, problems: watchConsole(page) };
}

/** Someone the request was sent to: opens it, goes offline, answers, gives a name on the
 *  first save, and returns the reply link. */
async function answer(who, link, name, score, help) {
  const p = who.page;
  await openLink(p, link);
  await waitForServiceWorker(p);
  await who.ctx.setOffline(true);
  await expect(p.getByRole('heading', { level: 2, name: 'Your answers' })).toBeVisible();
  await p.getByLabel(new RegExp(`^${score}: `)).check();
  await p.getByLabel('What would help?').fill(help);
  await p.getByLabel('Does my way of working cause you problems?').fill('No.');
  await p.getByLabel('Is the weekly report useful?').fill('Yes, on Mondays.');
  await p.getByRole('button', { name: 'Save my answers' }).click();
  // Asked for a name only now, when they first write; the save is made after it.
  await p.getByLabel('Your name, as others will see it').fill(name);
  await p.getByRole('button', { name: 'Post' }).click();
  await expect(p.getByText('Your answers are saved. Send them back with the reply link.')).toBeVisible();
  await p.reload();
  await expect(p.getByLabel('What would help?')).toHaveValue(help);
  await expect(p.getByLabel(new RegExp(`^${score}: `))).toBeChecked();
  return makeLink(p, 'Copy reply link');
}

test('three months measured: done defined, deadlines, feedback from two people, freed time, a review each month', async ({ browser }) => {
  test.setTimeout(120_000);
  const A = await person(browser, 'Asia/Kolkata', 'en-IN');
  const a = A.page;
  // 10:00 on Tuesday 10 February in Kolkata.
  await a.clock.setFixedTime(at('2026-02-10T04:30:00Z'));
  await welcome(a, 'Priya');

  // Done, defined for two tasks.
  await nav(a, 'Tasks').click();
  const editor = a.getByRole('region', { name: 'Edit task' });
  for (const [task, output, checks] of [
    ['Weekly client report', 'The report is in the client\'s inbox', 'Numbers match the dashboard\nSent before 10:00'],
    ['Monthly invoices', 'Every client has an invoice', 'Hours match the timesheet'],
  ]) {
    await addTask(a, task);
    await taskButton(a, task).click();
    await editor.getByLabel('The output').fill(output);
    await editor.getByLabel('Quality checks, one a line').fill(checks);
    await editor.getByLabel('Quality checks, one a line').blur();
  }

  // Deadlines, tied to the tasks they belong to.
  await nav(a, 'Week').click();
  for (const [title, date, task] of [
    ['February report', '2026-02-20', 'Weekly client report'],
    ['March invoices', '2026-03-15', 'Monthly invoices'],
    ['March audit', '2026-03-25', ''],
  ]) {
    if (task) await a.getByLabel('For (optional)').selectOption({ label: task });
    else await a.getByLabel('For (optional)').selectOption('');
    await addDeadline(a, title, date);
  }
  await expect(deadlineRow(a, 'February report')).toContainText('for Weekly client report');
  await expect(deadlineRow(a, 'March invoices')).toContainText('for Monthly invoices');

  // A feedback request about February, with a question of Priya's own.
  await a.goto('/review');
  await expect(a.getByTestId('review-month')).toHaveText('January 2026');
  await a.getByRole('button', { name: 'Next month' }).click();
  await a.getByRole('button', { name: 'Ask for feedback on February 2026' }).click();
  await expect(a.getByRole('heading', { level: 1, name: 'How is my work going? February 2026' })).toBeVisible();
  await expect(a.getByLabel('The month it is about')).toHaveValue('2026-02');
  await a.getByLabel('A question of your own').fill('Is the weekly report useful?');
  await a.getByRole('button', { name: 'Add question' }).click();
  await expect(a.locator('.feedback-questions li')).toHaveCount(4);
  await axe(a, 'a feedback request, as its owner sees it');
  const link = await makeLink(a, 'Copy link');

  // Ben and Chie answer offline, each in their own browser, and reply.
  const B = await person(browser, 'America/New_York', 'en-US');
  const C = await person(browser, 'Asia/Tokyo', 'en-GB');
  await B.page.clock.setFixedTime(at('2026-02-11T15:00:00Z'));
  await C.page.clock.setFixedTime(at('2026-02-12T01:00:00Z'));
  const fromBen = await answer(B, link, 'Ben', 4, 'A short summary on Fridays.');
  await axe(B.page, 'a feedback request, as someone answering it sees it');
  await B.page.screenshot({ path: path.join(shots, 'feedback-answer-desktop.png'), fullPage: true });
  const fromChie = await answer(C, link, 'Chie', 2, 'Replies within a day, please.');

  await a.clock.setFixedTime(at('2026-02-12T06:00:00Z'));
  await openLink(a, fromBen);
  await openLink(a, fromChie);
  await expect(a.getByTestId('feedback-mean')).toHaveText('Satisfaction 3.0 of 5, from 2 of 2 answers.');
  await expect(a.locator('.feedback-answer h3')).toHaveText(['Ben', 'Chie']);
  await expect(a.locator('.feedback-answer', { hasText: 'Chie' })).toContainText('Replies within a day, please.');
  await expect(a.locator('.feedback-answer', { hasText: 'Ben' })).toContainText('Yes, on Mondays.');
  // Named in the order of their ids, which are random.
  await expect(a.getByText(/^(Ben and Chie|Chie and Ben) have answered\.$/)).toBeVisible();
  await axe(a, 'a feedback request with its answers');
  await a.screenshot({ path: path.join(shots, 'feedback-answers-desktop.png'), fullPage: true });

  // February: the report met a day early; two hours freed went to growth.
  await nav(a, 'Week').click();
  await deadlineRow(a, 'February report').getByText('Met, missed or moved?').click();
  await deadlineRow(a, 'February report').getByLabel('Met on').fill('2026-02-19');
  await deadlineRow(a, 'February report').getByRole('button', { name: 'Met', exact: true }).click();
  await a.goto('/review');
  await a.getByRole('button', { name: 'Next month' }).click();
  await a.getByLabel('Date', { exact: true }).fill('2026-02-13');
  await a.getByLabel('Hours', { exact: true }).fill('2');
  await a.getByLabel('Went to').selectOption({ label: 'Growth' });
  await a.getByLabel('Note (optional)').fill('Rust course');
  await a.getByRole('button', { name: 'Log it' }).click();
  await expect(a.locator('.freed-log li')).toHaveCount(1);
  await expect(a.locator('.freed-log li')).toContainText('Growth: Rust course');
  await expect(a.getByLabel('Hours', { exact: true })).toHaveValue('');
  // A request about the month shows who has answered it.
  await expect(a.locator('.card', { hasText: 'Feedback' }).getByRole('link', { name: 'How is my work going? February 2026' })).toBeVisible();
  await expect(a.locator('.card', { hasText: 'Feedback' }).getByText(/(Ben and Chie|Chie and Ben) have answered/)).toBeVisible();

  // 09:30 on Monday 2 March: the first working day. The review of February is due.
  await a.clock.setFixedTime(at('2026-03-02T04:00:00Z'));
  await nav(a, /Reminders/).click();
  await a.getByRole('link', { name: 'Review February 2026' }).click();
  await expect(a.getByTestId('review-month')).toHaveText('February 2026');
  await expect(measure(a, 'Deadlines met on time').first()).toHaveText('1 of 1 (100%)');
  await expect(measure(a, 'Satisfaction from feedback').first()).toHaveText('3.0 from 2 answers');
  await expect(measure(a, 'Where freed time went').first()).toHaveText('Growth 2 h');
  await a.getByLabel('Is the work getting done?').fill('Yes.');
  await a.getByLabel('Is the work getting done?').blur();
  await a.getByRole('button', { name: 'Keep these figures' }).click();
  await expect(a.getByTestId('review-kept')).toHaveText(/^Reviewed /);

  // March: the invoices missed, the audit moved into April, an hour and a half of rest.
  await a.clock.setFixedTime(at('2026-03-27T06:00:00Z'));
  await nav(a, 'Week').click();
  await deadlineRow(a, 'March invoices').getByRole('button', { name: 'Missed', exact: true }).click();
  // Both past their dates: each asks, open.
  const audit = deadlineRow(a, 'March audit');
  await audit.getByLabel('Move to').fill('2026-04-06');
  await audit.getByLabel('Why').fill('The auditor is away');
  await audit.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(audit.locator('.deadline-outcome')).toHaveText(/^Moved from .*: The auditor is away$/);
  await a.goto('/review');
  await a.getByRole('button', { name: 'Next month' }).click();
  await expect(a.getByTestId('review-month')).toHaveText('March 2026');
  await a.getByLabel('Date', { exact: true }).fill('2026-03-20');
  await a.getByLabel('Hours', { exact: true }).fill('1,5');
  await a.getByLabel('Went to').selectOption({ label: 'Rest' });
  await a.getByRole('button', { name: 'Log it' }).click();
  await expect(a.locator('.freed-log li')).toContainText('1 h 30 min, Rest');

  // 10:00 on Wednesday 1 April: March's review is due; it is kept.
  await a.clock.setFixedTime(at('2026-04-01T04:30:00Z'));
  await nav(a, /Reminders/).click();
  await a.getByRole('link', { name: 'Review March 2026' }).click();
  await expect(measure(a, 'Deadlines met on time').first()).toHaveText('0 of 1 (0%)');
  await expect(measure(a, 'Where freed time went').first()).toHaveText('Rest 1 h 30 min');
  await expect(measure(a, 'Satisfaction from feedback').first()).toHaveText('–');
  await a.getByRole('button', { name: 'Keep these figures' }).click();

  // April: the audit met on 3 April, ahead of its new date. On Friday 1 May, April is
  // reviewed beside March (1 back) and January (3 back).
  await nav(a, 'Week').click();
  await a.clock.setFixedTime(at('2026-04-03T06:00:00Z'));
  await audit.getByText('Met, missed or moved?').click();
  await audit.getByLabel('Met on').fill('2026-04-03');
  await audit.getByRole('button', { name: 'Met', exact: true }).click();
  await a.clock.setFixedTime(at('2026-05-01T04:30:00Z'));
  await nav(a, /Reminders/).click();
  await a.getByRole('link', { name: 'Review April 2026' }).click();
  await expect(a.getByTestId('review-month')).toHaveText('April 2026');
  const heads = a.locator('.review-table thead th');
  await expect(heads).toHaveText(['Measure', 'April 2026', 'March 2026 (1 back)', 'January 2026 (3 back)', 'October 2025 (6 back)']);
  await expect(measure(a, 'Deadlines met on time')).toHaveText(['1 of 1 (100%)', '0 of 1 (0%)', 'none settled', 'none settled']);
  await expect(measure(a, 'Where freed time went')).toHaveText(['nothing logged', 'Rest 1 h 30 min', 'nothing logged', 'nothing logged']);
  // The charts, read from their tables: seven months, October to April.
  await expect(chartRows(a, 'Deadlines met on time (%)')).toHaveText([/^Oct\s*none settled$/, /^Nov\s*none settled$/, /^Dec\s*none settled$/, /^Jan\s*none settled$/,
    /^Feb\s*1 of 1 \(100%\)$/, /^Mar\s*0 of 1 \(0%\)$/, /^Apr\s*1 of 1 \(100%\)$/]);
  // Bars for the three months settled: full, none, full.
  const onTime = a.locator('figure.chart', { hasText: 'Deadlines met on time' }).locator('rect.chart-bar');
  await expect(onTime).toHaveCount(2);
  await expect(chartRows(a, 'Satisfaction from feedback (1 to 5)').nth(4)).toHaveText(/^Feb\s*3\.0 from 2 answers$/);
  await expect(chartRows(a, 'Satisfaction from feedback (1 to 5)').nth(5)).toHaveText(/^Mar\s*–$/);
  // The bars: February's satisfaction is 3 of a full 5.
  const satisfaction = a.locator('figure.chart', { hasText: 'Satisfaction from feedback' }).locator('rect.chart-bar');
  await expect(satisfaction).toHaveCount(1);
  expect(Number(await satisfaction.getAttribute('height'))).toBeCloseTo(60, 5);
  await axe(a, 'the review of April');
  for (const [name, viewport, colorScheme] of [
    ['review-april-desktop-light', { width: 1280, height: 800 }, 'light'],
    ['review-april-desktop-dark', { width: 1280, height: 800 }, 'dark'],
    ['review-april-phone-light', { width: 390, height: 844 }, 'light'],
    ['review-april-phone-dark', { width: 390, height: 844 }, 'dark'],
  ]) {
    await a.setViewportSize(viewport);
    await a.emulateMedia({ colorScheme });
    // Transitions are finished first: the buttons fade to the new scheme's colours.
    await a.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true, animations: 'disabled' });
  }
  const width = await a.evaluate(() => document.documentElement.scrollWidth);
  expect(width, 'no sideways scrolling on a phone').toBeLessThanOrEqual(390);
  await axe(a, 'the review of April, dark, on a phone');

  // On paper (A4), the review of April fits on two pages.
  await a.setViewportSize({ width: 1280, height: 800 });
  await a.emulateMedia({ colorScheme: 'light' });
  const pdf = (await a.pdf({ format: 'A4', printBackground: false })).toString('latin1');
  const pages = (pdf.match(/\/Type\s*\/Page[^s]/g) || []).length;
  expect(pages, 'pages printed').toBeGreaterThanOrEqual(1);
  expect(pages, 'pages printed').toBeLessThanOrEqual(2);

  // February as kept: later edits to its deadline leave it as reviewed.
  await a.getByRole('button', { name: 'Previous month' }).click();
  await a.getByRole('button', { name: 'Previous month' }).click();
  await expect(a.getByTestId('review-month')).toHaveText('February 2026');
  await expect(a.getByTestId('review-kept')).toHaveText(/^Reviewed /);
  await expect(measure(a, 'Satisfaction from feedback').first()).toHaveText('3.0 from 2 answers');

  for (const who of [A, B, C]) {
    expect(who.problems).toEqual([]);
    await who.ctx.close();
  }
});
