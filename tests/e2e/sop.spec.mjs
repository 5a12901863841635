// Issue 13: an SOP written from a delegated task, handed to a delegate in another zone
// by link, run twice offline (once late), and the runs brought back by a reply link:
// the owner sees them, the task's hours freed change, and the owner's edit of a step
// reaches the delegate marked as changed.
import { test, expect } from '@playwright/test';
import { welcome, addTask, taskButton, watchConsole, waitForServiceWorker, makeLink, openLink, axe } from './helpers.mjs';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const shots = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');
const at = (iso) => new Date(iso);

const STEPS = [
  ['Export the hours', '10'],
  ['Check the totals', '5'],
  ['Write the invoice', '10'],
  ['Attach the timesheet', '5'],
  ['Send it', '5'],
  ['File a copy', '5'],
];

const stepTexts = (page) => page.locator('li.sop-step input[id$="-text"]').evaluateAll((l) => l.map((i) => i.value));
/** The owner's row of the step whose instruction is `text` (typed values are not
 *  attributes, so the row is found by position). */
async function step(page, text) {
  await expect.poll(() => stepTexts(page)).toContain(text);
  return page.locator('li.sop-step').nth((await stepTexts(page)).indexOf(text));
}

/** Ticks every step of the run in progress and finishes it at `end`. */
async function runAll(page, end) {
  const boxes = page.locator('.run-steps input[type="checkbox"]');
  for (let i = 0; i < await boxes.count(); i++) await boxes.nth(i).check();
  await page.locator('.run-checks').getByLabel('Invoice PDF attached').check();
  await page.clock.setFixedTime(at(end));
  await page.getByRole('button', { name: 'Finish the run' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Run it' })).toBeVisible();
}

test('an SOP handed to a delegate in Manila comes back with two runs, one late, and the step the owner changed is marked', async ({ browser }) => {
  test.setTimeout(180_000);
  const open = async (timezoneId, locale) => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId, locale });
    const page = await ctx.newPage();
    return { ctx, page, problems: watchConsole(page) };
  };
  const A = await open('Europe/London', 'en-GB');
  const B = await open('Asia/Manila', 'en-PH');
  const [a, b] = [A.page, B.page];
  // Monday 30 November 2026, 08:00 in London.
  await a.clock.setFixedTime(at('2026-11-30T08:00:00Z'));
  await b.clock.setFixedTime(at('2026-11-30T08:00:00Z'));
  await welcome(a, 'Ana');
  await welcome(b, 'Ben');
  await waitForServiceWorker(b);

  // The task, delegated to Ben; its SOP is written from it.
  await a.goto('/tasks');
  await addTask(a, 'Monthly invoices');
  await taskButton(a, 'Monthly invoices').click();
  await a.getByLabel('Decision').selectOption('delegate');
  await a.getByLabel('To whom?').fill('Ben');
  await a.goto('/');
  await expect(a.getByTestId('freed-done')).toHaveText('Done so far: 0 min');
  await a.goto('/tasks');
  await taskButton(a, 'Monthly invoices').click();
  await a.getByRole('button', { name: 'Write the SOP' }).click();
  await expect(a.getByRole('heading', { level: 1, name: 'Monthly invoices' })).toBeVisible();

  await a.getByLabel('Purpose').fill('Clients are billed on the day the work is done.');
  await a.getByLabel("What 'done' means").fill('The invoice is in the client\'s inbox and filed.');
  await a.getByLabel('How often').selectOption('workdays');
  await a.getByLabel('At', { exact: true }).fill('09:00');
  await expect(a.getByTestId('sop-when')).toContainText('Every working day at 09:00');
  for (const [text, minutes] of STEPS) {
    await a.getByLabel('New step').fill(text);
    await a.getByLabel('Minutes', { exact: true }).fill(minutes);
    await a.getByRole('button', { name: 'Add step' }).click();
    await expect(await step(a, text)).toBeVisible();
  }
  await expect(a.getByText('6 steps, about 40 minutes in all.')).toBeVisible();
  await (await step(a, 'Export the hours')).getByLabel('Who does it').selectOption('delegate');
  await (await step(a, 'Check the totals')).getByLabel('Record').selectOption('number');
  await (await step(a, 'Send it')).getByLabel('Link').fill('https://mail.example.com/drafts');
  await (await step(a, 'Send it')).getByLabel('Link').press('Tab');
  // Reordered from the keyboard…
  await (await step(a, 'File a copy')).getByRole('button', { name: 'Move File a copy up' }).press('Enter');
  await expect.poll(() => stepTexts(a)).toEqual(['Export the hours', 'Check the totals', 'Write the invoice', 'Attach the timesheet', 'File a copy', 'Send it']);
  await expect((await step(a, 'File a copy')).getByRole('button', { name: 'Move File a copy up' })).toBeFocused();
  // …and by dragging the handle.
  await (await step(a, 'Attach the timesheet')).locator('.drag-handle').dragTo((await step(a, 'Check the totals')));
  await expect.poll(() => stepTexts(a)).toEqual(['Export the hours', 'Attach the timesheet', 'Check the totals', 'Write the invoice', 'File a copy', 'Send it']);
  await a.getByLabel('New quality check').fill('Invoice PDF attached');
  await a.getByRole('button', { name: 'Add check' }).click();
  await expect(a.locator('.sop-checks input')).toHaveValue('Invoice PDF attached');
  await axe(a, 'the SOP editor');
  await a.screenshot({ path: path.join(shots, 'sop-editor-desktop.png'), fullPage: true });
  const full = await makeLink(a, 'Copy link');

  // Ben, offline in Manila, opens it at 17:01 his time: Monday's run is waiting.
  await B.ctx.setOffline(true);
  await b.clock.setFixedTime(at('2026-11-30T09:01:00Z'));
  await openLink(b, full);
  await expect(b.getByRole('heading', { level: 1, name: 'Monthly invoices' })).toBeVisible();
  await expect(b.locator('li.sop-step .step-text')).toHaveText(['Export the hours', 'Attach the timesheet', 'Check the totals', 'Write the invoice', 'File a copy', 'Send it']);
  // No reload: the page follows the clock as the minute turns (the count in the menu
  // and the 'next run' line once stayed as they were when the page was loaded).
  await expect(b.getByTestId('sop-when')).toContainText('Next: Tue, Dec 1, 5:00 PM your time');
  await expect(b.getByTestId('run-waiting')).toContainText('A run was due');
  await expect(b.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Reminders/ }).locator('.badge')).toHaveText('1');

  // Run 1: 25 minutes, on time, with the step timer used on the first step.
  await b.clock.setFixedTime(at('2026-11-30T09:05:00Z'));
  await b.getByRole('button', { name: 'Start a run' }).click();
  await expect(b.getByRole('heading', { level: 2, name: 'Run in progress' })).toBeVisible();
  const first = b.locator('li.run-step').first();
  await first.getByRole('button', { name: 'Time this step' }).click();
  await b.clock.setFixedTime(at('2026-11-30T09:12:00Z'));
  await first.getByRole('button', { name: /Stop the timer/ }).click();
  await expect(first.getByRole('button', { name: 'Timed: 7 min · time again' })).toBeVisible();
  await b.getByLabel('Record for: Check the totals').fill('42');
  await b.getByLabel('Record for: Check the totals').press('Tab');
  await b.getByLabel('Note').fill('Two clients this time.');
  await axe(b, 'a run');
  await b.screenshot({ path: path.join(shots, 'sop-run-desktop.png'), fullPage: true });
  await runAll(b, '2026-11-30T09:30:00Z');
  await expect(b.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Reminders/ }).locator('.badge')).toHaveCount(0);

  // Run 2, for Tuesday: started 10 minutes after 09:00, finished 80 minutes later: late.
  await b.clock.setFixedTime(at('2026-12-01T09:10:00Z'));
  await b.reload();
  await b.getByRole('button', { name: 'Start a run' }).click();
  await b.getByRole('button', { name: 'Pause' }).click();
  await expect(b.locator('.sop-run .tag', { hasText: 'Paused' })).toBeVisible();
  await b.getByRole('button', { name: 'Resume' }).click();
  await runAll(b, '2026-12-01T10:30:00Z');
  await expect(b.locator('.run-line[data-outcome="Late"]')).toHaveCount(1);
  const reply = await makeLink(b, 'Copy reply link');

  // Ana takes the reply in: both runs, their durations, the late one marked.
  await a.clock.setFixedTime(at('2026-12-01T12:00:00Z'));
  await openLink(a, reply);
  await expect(a.locator('.banner.news')).toContainText('Ben finished 2 runs.');
  const lines = a.locator('.run-line');
  await expect(lines).toHaveCount(2);
  await expect(lines.nth(0)).toContainText('80 of 40 min');
  await expect(lines.nth(0).locator('.tag.live')).toHaveText('Late');
  await expect(lines.nth(1)).toContainText('25 of 40 min');
  await expect(lines.nth(1)).toContainText('On time');
  await expect(lines.nth(1)).toContainText('Ben');
  await expect(a.getByTestId('sop-median')).toHaveText('53 min');
  await expect(a.getByTestId('sop-failed')).toHaveText('0 of 2 runs');
  await lines.nth(1).getByRole('button', { name: 'Details' }).click();
  await expect(a.locator('.run-details')).toContainText('Check the totals: 42');
  await expect(a.locator('.run-details')).toContainText('Export the hours (7 min)');
  await expect(a.locator('.run-details')).toContainText('Two clients this time.');
  await axe(a, 'the history');
  await a.screenshot({ path: path.join(shots, 'sop-history-desktop.png'), fullPage: true });
  // Two runs by Ben in 90 days, 30 minutes each: 2 × 30 × 365 / 90 = 243 minutes a
  // year, 20 minutes a month.
  await a.goto('/');
  await expect(a.getByTestId('freed-done')).toHaveText('Done so far: 20 min');
  await a.goBack();

  // Ana rewrites a step and comments on another; Ben's next open marks the change.
  const send = (await step(a, 'Send it')).locator('input[id$="-text"]');
  await send.fill('Send it to the client');
  await send.press('Tab');
  const comments = await step(a, 'Attach the timesheet');
  await comments.getByRole('button', { name: 'Comment' }).click();
  await comments.getByLabel('Comment on this step').fill('Next time, attach the invoice too.');
  await comments.locator('form.comment-form').getByRole('button', { name: 'Comment' }).click();
  await expect(comments.locator('.comment-text')).toHaveText('Next time, attach the invoice too.');
  const back = await makeLink(a, 'Copy reply link');
  await openLink(b, back);
  await expect(b.locator('.banner.news')).toContainText('Ana added a comment and changed a step.');
  const changed = b.locator('li.sop-step.changed');
  await expect(changed).toHaveCount(1);
  await expect(changed.locator('.step-text')).toHaveText('Send it to the client');
  await expect(changed.locator('.tag.new')).toHaveText('Changed');
  await expect(b.locator('li.sop-step', { hasText: 'Attach the timesheet' }).getByRole('button', { name: 'Comments (1)' })).toBeVisible();
  // Old runs keep the text they ran with.
  await b.locator('.run-line').nth(0).getByRole('button', { name: 'Details' }).click();
  await expect(b.locator('.run-details')).toContainText('Send it');
  await expect(b.locator('.run-details')).not.toContainText('Send it to the client');
  await b.setViewportSize({ width: 390, height: 844 });
  await b.screenshot({ path: path.join(shots, 'sop-delegate-phone.png'), fullPage: true });

  // Thursday noon: Wednesday's run was never started, a day has passed: missed.
  await a.clock.setFixedTime(at('2026-12-03T12:00:00Z'));
  await a.reload();
  await expect(a.locator('.run-line[data-outcome="Missed"]')).toHaveCount(1);
  // The Markdown export and the printed checklist.
  const download = a.waitForEvent('download');
  await a.getByRole('button', { name: 'Download Markdown' }).click();
  const md = fs.readFileSync(await (await download).path(), 'utf8');
  expect(md).toContain('# Monthly invoices');
  expect(md).toContain('6. [ ] Send it to the client (5 min, Owner)');
  expect(md).toContain('- [ ] Invoice PDF attached');
  await a.emulateMedia({ media: 'print' });
  await expect(a.locator('li.sop-step')).toHaveCount(6);
  for (const hidden of ['.sop-run', 'section[aria-labelledby="history-head"]', '.step-details', '.collab-side', 'nav']) {
    await expect(a.locator(hidden).first(), hidden).toBeHidden();
  }
  await expect(a.locator('li.sop-step').first()).toBeVisible();
  await expect(a.locator('.sop-checks li')).toBeVisible();
  await a.screenshot({ path: path.join(shots, 'sop-print.png'), fullPage: true });
  await a.emulateMedia({ media: 'screen', colorScheme: 'dark' });
  await a.screenshot({ path: path.join(shots, 'sop-history-dark.png'), fullPage: true });
  await a.setViewportSize({ width: 390, height: 844 });
  await a.screenshot({ path: path.join(shots, 'sop-owner-phone-dark.png'), fullPage: true });

  expect(A.problems).toEqual([]);
  expect(B.problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
  await A.ctx.close();
  await B.ctx.close();
});
