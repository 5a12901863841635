// A weekly meeting made short and prepared, run through its timer on Playwright's clock;
// 'could this be async?' turning one into a discussion; and a reminder that fires.
import { test, expect } from '@playwright/test';
import { welcome, watchConsole } from './helpers.mjs';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const shots = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');
// Sunday 29 Nov 2026, 12:00 in London.
const NOW = new Date('2026-11-29T12:00:00Z');

async function goTo(page, name) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
}

async function startMeeting(page, title) {
  await goTo(page, 'Shared');
  await page.getByLabel('Meeting').check();
  await page.getByLabel('What is the meeting about?').fill(title);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

/** Records notifications instead of showing them, through either path the app uses. */
function recordNotifications() {
  window.__notes = [];
  const record = (title, options) => window.__notes.push(`${title}: ${options && options.body}`);
  class FakeNotification {
    constructor(title, options) { record(title, options); }
    static get permission() { return 'granted'; }
    static requestPermission() { return Promise.resolve('granted'); }
  }
  window.Notification = FakeNotification;
  if (window.ServiceWorkerRegistration) {
    ServiceWorkerRegistration.prototype.showNotification = function (title, options) {
      record(title, options);
      return Promise.resolve();
    };
  }
}

test('a meeting with a brief, its cost, a timer that runs over calmly, and a follow-up', async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/London' });
  const page = await ctx.newPage();
  await page.clock.install({ time: NOW });
  const problems = watchConsole(page);
  await welcome(page, 'Ana');
  await goTo(page, 'Rate');
  await page.getByLabel('Rate per hour').fill('60');

  await startMeeting(page, 'Launch review');
  // Before: no rate in the shared document, the cost from the personal one.
  await page.getByLabel('Who attends').fill('Ben, Cy, Dee');
  await page.getByLabel('Who attends').blur();
  // The currency follows the person's locale; the figures are what matter here.
  await expect(page.locator('.cost-figure')).toHaveText(/^\D+60\.00$/);
  await expect(page.locator('.meeting-cost')).toContainText(/4 people × 15 minutes at your rate of \D+60\.00 an hour\./);
  await page.getByLabel('People attending').fill('6');
  await expect(page.locator('.cost-figure')).toHaveText(/^\D+90\.00$/);
  await page.getByLabel('When').fill('2026-11-30T10:00');
  await page.getByLabel('What everyone must know').fill('Sign-ups are 12% above plan.');
  await page.getByLabel('Questions this meeting must answer').fill('Ship on Monday?\nWho tells support?');
  await page.getByLabel('Important dates').fill('2026-12-07 launch');
  await page.getByLabel('Recording link (optional)').fill('javascript:alert(1)');
  await page.getByRole('button', { name: 'Save link' }).click();
  await expect(page.locator('#recording-error')).toContainText('https://');
  await page.getByLabel('Recording link (optional)').fill('https://rec.example/launch');
  await page.getByRole('button', { name: 'Save link' }).click();
  await expect(page.getByRole('link', { name: 'Open the recording' })).toHaveAttribute('href', 'https://rec.example/launch');

  // The 15-minute agenda, edited: Three points becomes Two points, 4 minutes.
  const items = page.locator('.agenda-item input[type="text"]');
  await expect(items).toHaveCount(4);
  await expect(page.locator('#agenda-head + .hint')).toContainText('15 minutes in all');
  await page.getByLabel('Minutes for Three points').fill('4');
  await page.getByLabel('Minutes for Three points').blur();
  await page.getByLabel('Item 2 title').fill('Two points');
  await page.getByLabel('Item 2 title').blur();
  await expect(page.locator('#agenda-head + .hint')).toContainText('14 minutes in all');
  await page.getByRole('button', { name: 'Move Summary up' }).click();
  await expect(items.nth(2)).toHaveValue('Summary');
  await page.getByRole('button', { name: 'Move Summary down' }).click();
  await expect(items.nth(3)).toHaveValue('Summary');

  // The meeting runs on Playwright's clock, paused so that only fastForward moves it.
  await page.clock.pauseAt(new Date(NOW.getTime() + 30 * 60_000));
  await page.getByRole('button', { name: 'Start the meeting' }).click();
  await expect(page.locator('.timer-item')).toHaveText('Introductions');
  await page.clock.fastForward('00:40');
  await expect(page.locator('.timer-note')).toHaveText('0:20 left on this item.');
  // Introductions run over by a minute and a half: said calmly, no alarm.
  await page.clock.fastForward('02:00');
  await expect(page.locator('.timer-now.over')).toBeVisible();
  await expect(page.locator('.timer-note')).toHaveText('1:40 over. Wrap this item up when you can.');
  await page.getByRole('button', { name: 'Next: Two points' }).click();
  await expect(page.locator('.timer-item')).toHaveText('Two points');
  await expect(page.locator('.timer-now.over')).toHaveCount(0);
  await page.clock.fastForward('03:00');
  await expect(page.locator('.timer-note')).toHaveText('1:00 left on this item.');
  await page.getByLabel('Meeting notes').fill('Agreed to ship on Monday.');
  await page.getByLabel('Action', { exact: true }).fill('Tell support');
  await page.getByLabel('Owner').fill('Ben');
  await page.getByLabel('Due').fill('2026-12-02');
  await page.getByRole('button', { name: 'Add action' }).click();
  await page.getByRole('button', { name: 'Next: Action items' }).click();
  await page.clock.fastForward('07:00');
  await page.getByRole('button', { name: 'Next: Summary' }).click();
  await page.clock.fastForward('02:00');
  await page.getByRole('button', { name: 'End the meeting' }).click();
  // 2:40 + 3:00 + 7:00 + 2:00 = 14:40 against 14 planned.
  await expect(page.locator('.timer-status')).toHaveText('Ended after 14:40, 0:40 over the plan.');
  await page.screenshot({ path: path.join(shots, 'meeting-desktop.png'), fullPage: true });

  // The follow-up, as text and as an email.
  const follow = await page.locator('.follow-text').textContent();
  expect(follow).toBe('Follow-up: Launch review\n2026-11-30 10:00 (Europe/London)\n\nQuestions\n- Ship on Monday?\n- Who tells support?\n\nNotes\nAgreed to ship on Monday.\n\nAction items\n- [ ] Tell support (owner: Ben), due 2026-12-02\n\nImportant dates\n- 2026-12-07 launch\n\nRecording: https://rec.example/launch\n');
  const mail = await page.getByRole('link', { name: 'Open as email' }).getAttribute('href');
  expect(mail.startsWith('mailto:?subject=Follow-up%3A%20Launch%20review&body=Follow-up%3A%20Launch%20review%0D%0A')).toBe(true);
  expect(decodeURIComponent(mail.split('&body=')[1]).replaceAll('\r\n', '\n')).toBe(follow);

  // Could the next one be async? Two reasons: turn it into a discussion in one step.
  await page.getByLabel('Is it mainly to share information or status?').check();
  await page.getByLabel('Can the decision wait a day or two?').check();
  await expect(page.locator('.async-verdict')).toContainText('This could be async.');
  await page.getByRole('button', { name: 'Turn into a discussion' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Launch review' })).toBeVisible();
  await expect(page.locator('#text-problem')).toHaveValue('Sign-ups are 12% above plan.\n\nQuestions to answer:\nShip on Monday?\nWho tells support?\n\nImportant dates:\n2026-12-07 launch');
  await expect(page.getByRole('link', { name: 'Recording' })).toHaveAttribute('href', 'https://rec.example/launch');
  await expect(page.locator('.action-item')).toContainText('Tell support');
  await expect(page.getByText('Still waiting for Ben, Cy and Dee.')).toBeVisible();
  await goTo(page, 'Shared');
  await expect(page.locator('.held-row .task-meta')).toHaveText([/^Discussion/, /^Meeting/]);
  await page.locator('.held-row a', { hasText: 'Launch review' }).nth(1).click();
  await expect(page.getByText('This meeting was turned into a discussion.')).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(shots, 'meeting-phone.png'), fullPage: true });
  expect(problems).toEqual([]);
  await ctx.close();
});

test('a reminder at the start of tomorrow\'s office hours fires, and one missed while closed is shown on opening', async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/London', acceptDownloads: true });
  await ctx.addInitScript(recordNotifications);
  const page = await ctx.newPage();
  await page.clock.install({ time: NOW });
  const problems = watchConsole(page);
  await welcome(page, 'Ana');
  // Office hours on Monday 09:00.
  await goTo(page, 'Week');
  await page.locator('label[for="new-kind-manager"]').click();
  await page.getByRole('button', { name: 'Add block' }).click();
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('button', { name: /^Office hours, Monday 09:00/ })).toBeVisible();

  await startMeeting(page, 'Launch review');
  await page.getByLabel('Action', { exact: true }).fill('Tell support');
  await page.getByRole('button', { name: 'Add action' }).click();
  await page.getByRole('button', { name: 'Remind me about this action' }).click();
  await page.getByRole('button', { name: 'Tomorrow at the start of my office hours (Mon 30 Nov, 09:00)' }).click();
  await expect(page.getByText('I will remind you Mon 30 Nov, 09:00. See Reminders.')).toBeVisible();
  // A second one, at a chosen time later that morning.
  await page.getByRole('button', { name: 'Remind me about this action' }).click();
  await page.getByLabel('At', { exact: true }).fill('2026-11-30T11:30');
  await page.getByRole('button', { name: 'Set', exact: true }).click();
  await goTo(page, 'Reminders');
  await expect(page.locator('section[aria-labelledby="upcoming-head"] .reminder')).toHaveCount(2);

  // The calendar file carries both, with alarms.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download reminders for your calendar (.ics)' }).click(),
  ]);
  const ics = fs.readFileSync(await download.path(), 'utf8');
  expect(ics.match(/BEGIN:VALARM/g)).toHaveLength(2);
  expect(ics).toContain('DTSTART:20261130T090000Z');
  expect(ics).toContain('DTSTART:20261130T113000Z');
  await expect(page.getByText('A closed web app cannot wake itself up')).toBeVisible();

  // Monday 09:00: the first fires as a notification and in the menu's count.
  await page.clock.fastForward('21:00:05');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.locator('.badge')).toHaveText('1');
  await expect.poll(() => page.evaluate(() => window.__notes)).toEqual(['Reminder: Action: Tell support (Launch review)']);
  await expect(page.locator('section[aria-labelledby="due-head"] .reminder')).toContainText('Action: Tell support');
  await page.screenshot({ path: path.join(shots, 'reminders-desktop.png'), fullPage: true });
  // The clock ticks every second; the list is not rebuilt under the keyboard's focus.
  const done = page.getByRole('button', { name: 'Done', exact: true });
  await done.focus();
  await page.clock.fastForward('00:03');
  await expect(done).toBeFocused();
  await done.press('Enter');
  await expect(nav.locator('.badge')).toHaveCount(0);

  // The app is closed before 11:30 and opened at 12:00: the reminder was missed.
  await page.close();
  await ctx.clock.setSystemTime(new Date('2026-11-30T12:00:00Z'));
  const again = await ctx.newPage();
  const problemsAgain = watchConsole(again);
  await again.goto('/reminders');
  await expect(again.getByText('A reminder came due while the app was closed: see Reminders.')).toBeVisible();
  await expect(again.locator('section[aria-labelledby="due-head"] .reminder')).toContainText('Missed while the app was closed');
  await expect(again.getByRole('navigation', { name: 'Main' }).locator('.badge')).toHaveText('1');
  // Told once, on the page: no notification pops up for it as well.
  expect(await again.evaluate(() => window.__notes)).toEqual([]);
  await again.setViewportSize({ width: 390, height: 844 });
  await again.screenshot({ path: path.join(shots, 'reminders-phone.png'), fullPage: true });
  expect(problems).toEqual([]);
  expect(problemsAgain).toEqual([]);
  await ctx.close();
});
