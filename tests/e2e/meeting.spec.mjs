// A weekly meeting made short and prepared, run through its timer on Playwright's clock;
// 'could this be async?' turning one into a discussion; and a reminder that fires.
import { test, expect } from '@playwright/test';
import { welcome, watchConsole } from './helpers.mjs';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

// Screenshots for review, outside the repository.
const review = '/tmp/remind-shots';
fs.mkdirSync(review, { recursive: true });
const SIZES = [['phone', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 800 }]];

/** Full-page screenshots at both sizes, light and dark, named `<name>-<size>-<scheme>.png`. */
async function reviewShots(page, name) {
  // No button left under the pointer: a hovered one would show its hover colour.
  await page.mouse.move(0, 0);
  for (const [size, viewport] of SIZES) {
    await page.setViewportSize(viewport);
    await page.evaluate(() => window.scrollTo(0, 0));
    for (const scheme of ['light', 'dark']) {
      // Without transitions, so no button is caught half-way to its new colour.
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await page.screenshot({ path: path.join(review, `${name}-${size}-${scheme}.png`), fullPage: size === 'desktop' });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

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
  // Two attendees with addresses, for the follow-up's email.
  await page.getByLabel('Who attends').fill('Ben <ben@example.org>, Cy, Dee <dee+team@example.org>');
  await page.getByLabel('Who attends').blur();
  // The currency follows the person's locale; the figures are what matter here.
  await expect(page.locator('.cost-figure')).toHaveText(/^\D+60\.00$/);
  await expect(page.locator('.meeting-cost')).toContainText(/4 people × 15 minutes at your rate of \D+60\.00 an hour\./);
  await page.getByLabel('People attending').fill('6');
  await expect(page.locator('.cost-figure')).toHaveText(/^\D+90\.00$/);
  await page.getByLabel('When', { exact: true }).fill('2026-11-30T10:00');
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
  // An action with a due date can remind on that date, at the start of the working day.
  await page.getByRole('button', { name: 'Remind me about this action' }).click();
  await expect(page.getByLabel('At', { exact: true })).toHaveValue('2026-12-02T09:00');
  await page.getByRole('button', { name: 'On the due date, at the start of my working day (Wed 2 Dec, 09:00)' }).click();
  await expect(page.getByText('I will remind you Wed 2 Dec, 09:00. See Reminders.')).toBeVisible();
  await page.getByRole('button', { name: 'Next: Action items' }).click();
  await page.clock.fastForward('07:00');
  await page.getByRole('button', { name: 'Next: Summary' }).click();
  await page.clock.fastForward('02:00');
  await page.getByRole('button', { name: 'End the meeting' }).click();
  // 2:40 + 3:00 + 7:00 + 2:00 = 14:40 against 14 planned.
  await expect(page.locator('.timer-status')).toHaveText('Ended after 14:40, 0:40 over the plan.');
  await page.screenshot({ path: path.join(shots, 'meeting-desktop.png'), fullPage: true });

  // The follow-up, as text and as an email: the brief's data and dates included, to
  // the attendees whose addresses are known.
  const follow = await page.locator('.follow-text').textContent();
  expect(follow).toBe('Follow-up: Launch review\n2026-11-30 10:00 (Europe/London)\n\nBefore the meeting\nSign-ups are 12% above plan.\n\nQuestions\n- Ship on Monday?\n- Who tells support?\n\nImportant dates\n- 2026-12-07 launch\n\nNotes\nAgreed to ship on Monday.\n\nAction items\n- [ ] Tell support (owner: Ben), due 2026-12-02\n\nRecording: https://rec.example/launch\n');
  const mail = await page.getByRole('link', { name: 'Open as email' }).getAttribute('href');
  expect(mail.startsWith('mailto:ben%40example.org,dee%2Bteam%40example.org?subject=Follow-up%3A%20Launch%20review&body=Follow-up%3A%20Launch%20review%0D%0A')).toBe(true);
  await expect(page.locator('.follow-up .hint')).toHaveText('The email goes to the 2 attendees with an address.');
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

test('on a phone the running timer stays in view while the page scrolls', async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, timezoneId: 'Europe/London' });
  const page = await ctx.newPage();
  await page.clock.install({ time: NOW });
  const problems = watchConsole(page);
  await welcome(page, 'Ana');
  await startMeeting(page, 'Weekly sync');
  await page.getByLabel('What everyone must know').fill('Numbers are in the shared sheet.');
  await page.getByLabel('Important dates').fill('2026-12-07 launch');
  await page.clock.pauseAt(new Date(NOW.getTime() + 30 * 60_000));
  const timer = page.locator('.meeting-timer');
  // Before it runs, the timer card scrolls away with the page like any other.
  await page.getByRole('heading', { name: 'Follow-up' }).scrollIntoViewIfNeeded();
  const inView = async () => {
    const box = await timer.boundingBox();
    return box.y >= 0 && box.y + box.height <= 844;
  };
  expect(await inView()).toBe(false);
  await page.getByRole('button', { name: 'Start the meeting' }).click();
  await page.clock.fastForward('01:10');
  await expect(page.locator('.timer-note')).toHaveText('0:10 over. Wrap this item up when you can.');
  // Running: it stays in view at the bottom of the page, at the top, and in between,
  // and takes at most a third of the screen.
  for (const target of ['Follow-up', 'Before the meeting', 'Notes', 'Action plan']) {
    await page.getByRole('heading', { name: target, exact: true }).scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, target === 'Before the meeting' ? -2000 : 400);
    await expect.poll(inView).toBe(true);
    const box = await timer.boundingBox();
    expect(box.height).toBeLessThan(844 / 3);
  }
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect.poll(inView).toBe(true);
  await expect(timer.getByRole('button', { name: 'Next: Three points' })).toBeInViewport();
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect.poll(inView).toBe(true);
  await reviewShots(page, 'meeting-running');
  expect(problems).toEqual([]);
  await ctx.close();
});

test('a reminder of one\'s own repeats every Monday: it fires, and its next time is set', async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: 'Europe/London', acceptDownloads: true });
  await ctx.addInitScript(recordNotifications);
  const page = await ctx.newPage();
  await page.clock.install({ time: NOW });
  const problems = watchConsole(page);
  await welcome(page, 'Ana');
  await goTo(page, 'Reminders');
  // Nothing typed: said so.
  await page.getByRole('button', { name: 'Set reminder' }).click();
  await expect(page.getByRole('alert')).toHaveText('Say what to remind you of.');
  await page.getByLabel('Remind me to').fill('Send the weekly numbers');
  await page.getByLabel('When', { exact: true }).fill('2026-11-30T09:00');
  // The choices follow the date: Monday the 30th.
  await expect(page.getByLabel('Repeat', { exact: true }).locator('option')).toHaveText(['Does not repeat', 'Every day', 'Every Monday', 'On the 30th of each month (or its last day)', 'On the last day of each month']);
  await page.getByLabel('Repeat', { exact: true }).selectOption({ label: 'Every Monday' });
  await page.getByRole('button', { name: 'Set reminder' }).click();
  await expect(page.getByText('I will remind you Mon 30 Nov, 09:00, then every Monday at 09:00.')).toBeVisible();
  // A second: the last day of each month, from a date in the middle of December.
  await page.getByLabel('Remind me to').fill('Send the invoices');
  await page.getByLabel('When', { exact: true }).fill('2026-12-10T17:00');
  await page.getByLabel('Repeat', { exact: true }).selectOption({ label: 'On the last day of each month' });
  await page.getByRole('button', { name: 'Set reminder' }).click();
  await expect(page.getByText('I will remind you Thu 31 Dec, 17:00, then on the last day of each month at 17:00.')).toBeVisible();
  const upcoming = page.locator('section[aria-labelledby="upcoming-head"] .reminder');
  await expect(upcoming).toHaveCount(2);
  await expect(upcoming.nth(0)).toContainText('Mon 30 Nov, 09:00');
  await expect(upcoming.nth(0).locator('.repeats')).toHaveText('Every Monday at 09:00.');
  await expect(upcoming.nth(1).locator('.repeats')).toHaveText('On the last day of each month at 17:00.');

  // The calendar file repeats them on London's clock.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download reminders for your calendar (.ics)' }).click(),
  ]);
  const ics = fs.readFileSync(await download.path(), 'utf8');
  expect(ics).toContain('DTSTART;TZID=Europe/London:20261130T090000\r\nRRULE:FREQ=WEEKLY;BYDAY=MO\r\n');
  expect(ics).toContain('RRULE:FREQ=MONTHLY;BYMONTHDAY=-1\r\n');

  // Monday 09:00: it fires once, stays due until done, and its next time is a week on.
  await page.clock.fastForward('21:00:05');
  await expect.poll(() => page.evaluate(() => window.__notes)).toEqual(['Reminder: Send the weekly numbers']);
  const due = page.locator('section[aria-labelledby="due-head"] .reminder');
  await expect(due).toHaveCount(1);
  await expect(due).toContainText('Send the weekly numbers');
  await expect(due.locator('.repeats')).toHaveCount(0);
  await expect(upcoming).toHaveCount(2);
  await expect(upcoming.nth(0)).toContainText('Mon 7 Dec, 09:00');
  await expect(upcoming.nth(0).locator('.repeats')).toHaveText('Every Monday at 09:00.');
  await reviewShots(page, 'reminders');
  await page.setViewportSize({ width: 1280, height: 800 });
  await due.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(due).toHaveCount(0);
  await expect(upcoming).toHaveCount(2);
  // A week later it fires again in the same tab: the new time is a reminder of its own.
  await page.clock.fastForward(7 * 24 * 3600 * 1000);
  await expect.poll(() => page.evaluate(() => window.__notes)).toEqual(['Reminder: Send the weekly numbers', 'Reminder: Send the weekly numbers']);
  await expect(due).toHaveCount(1);
  await expect(upcoming.nth(0)).toContainText('Mon 14 Dec, 09:00');
  // After a reload: one due, the series once, nothing told twice.
  await page.reload();
  await expect(due).toHaveCount(1);
  await expect(upcoming).toHaveCount(2);
  expect(await page.evaluate(() => window.__notes)).toEqual([]);
  expect(problems).toEqual([]);
  await ctx.close();
});
