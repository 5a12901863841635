// Clients (issue 16): an owner in Kolkata publishes a dashboard a client in New York
// reads in three-month view and asks about; an intake form with a skip is answered
// offline by clients in New York and London, both pick the same slot, the owner reads
// both replies back, sees the clash, confirms one, and the invitation is read by ical.js
// at the right instant; the CSV export reads back to the same rows.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ICAL from 'ical.js';
import { welcome, watchConsole, waitForServiceWorker, openLink, axe, addBlock } from './helpers.mjs';

// Tuesday 1 December 2026, 12:00 in Kolkata (01:30 in New York, 06:30 in London).
const NOW = new Date('2026-12-01T06:30:00Z');
// The first slot offered: Wednesday 2 December, 19:00 in Kolkata.
const SLOT = '2026-12-02T13:30:00.000Z';

const goTo = (page, name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();

async function person(browser, zone, locale) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: zone, locale, acceptDownloads: true });
  const page = await ctx.newPage();
  await page.clock.install({ time: NOW });
  return { ctx, page, problems: watchConsole(page) };
}

/** Reads an RFC 4180 file: quoted fields, doubled quotes, CRLF records. */
function readCsv(text) {
  const rows = [[]];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { rows.at(-1).push(field); field = ''; } else if (c === '\r') { /* with the \n */ } else if (c === '\n') { rows.at(-1).push(field); field = ''; rows.push([]); } else field += c;
  }
  if (field !== '' || rows.at(-1).length) rows.at(-1).push(field); else rows.pop();
  return rows;
}

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return fs.readFileSync(await file.path(), 'utf8');
}

const shotDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');

/** The page at 1280×800 and 390×844, light and dark, scrolled to the top. */
async function shots(page, name) {
  const toast = page.locator('.toast-region').getByRole('button', { name: 'Dismiss' });
  if (await toast.count()) await toast.first().click();
  for (const [size, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
    await page.setViewportSize(viewport);
    // Nothing is wider than the screen: a wide table scrolls inside its card.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(shotDir, `${name}-${size}-${scheme}.png`), fullPage: true, animations: 'disabled' });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Answers the name prompt the first time someone writes. */
async function giveName(page, name) {
  await page.getByLabel('Your name, as others will see it').fill(name);
  await page.getByRole('button', { name: 'Post' }).click();
}

test('a dashboard and an intake form between an owner in Kolkata and clients in New York and London', async ({ browser }) => {
  test.setTimeout(120_000);
  const owner = await person(browser, 'Asia/Kolkata', 'en-IN');
  const ben = await person(browser, 'America/New_York', 'en-US');
  const chie = await person(browser, 'Europe/London', 'en-GB');
  const p = owner.page;

  // Priya's office hours: Wednesdays 19:00 to 21:00 on her clock.
  await welcome(p, 'Priya');
  await goTo(p, 'Week');
  await addBlock(p, { kind: 'manager', day: 2, start: '19:00', end: '21:00' });

  // The project's stand-up board, whose cards can become deliverables.
  await goTo(p, 'Shared');
  await p.getByLabel('Stand-up board').check();
  await p.getByLabel('Whose stand-up?').fill('Shop relaunch');
  await p.getByRole('button', { name: 'Start', exact: true }).click();
  await p.getByLabel('New card').fill('Product photos');
  await p.getByLabel('Column', { exact: true }).selectOption({ label: 'Doing' });
  await p.getByRole('button', { name: 'Add card' }).click();
  await expect(p.locator('.card-title', { hasText: 'Product photos' })).toBeVisible();

  // Ben is a client; his dashboard: three KPIs over seven months.
  await goTo(p, 'Team');
  await p.getByLabel('Name', { exact: true }).fill('Ben');
  await p.locator('#person-zone').fill('America/New_York');
  await p.getByRole('button', { name: 'Add person' }).click();
  await p.getByLabel('Client').check();
  await p.getByRole('button', { name: 'Dashboard for Ben' }).click();
  await expect(p.getByRole('heading', { level: 1, name: 'Dashboard for Ben' })).toBeVisible();
  await p.getByLabel('Project').fill('Shop relaunch');
  await p.getByLabel('Status in words').fill('On track for the January launch.');
  await p.getByLabel('Your point of contact').fill('Priya');
  await p.getByLabel("The client's point of contact").fill('Ben');
  await p.getByLabel('Next steps for the client (one a line)').fill('Send the product photos\nApprove the checkout copy');
  await p.getByLabel('More we can do (optional, one a line)').fill('Newsletter design');
  await p.getByLabel(/^Glossary/).fill('Returning customers: people who ordered before');
  await p.getByRole('button', { name: 'Add a deliverable' }).click();
  await p.getByLabel('Deliverable', { exact: true }).fill('New checkout');
  await p.getByLabel('Deliverable', { exact: true }).press('Tab');
  await p.getByLabel('State', { exact: true }).selectOption('In progress');
  await p.getByLabel('Add from a stand-up board').selectOption('Product photos');
  await expect(p.getByLabel('Deliverable', { exact: true })).toHaveCount(2);
  const months = ['2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01', '2026-11-01', '2026-12-01'];
  const kpis = [
    ['Weekly orders', '', [120, 130, 128, 150, 160, 171, 185]],
    ['Returning customers', '%', [20, 21, 22, 22, 24, 25, 27]],
    ['Page load time', 's', [3.2, 3.1, 2.9, 2.5, 2.2, 2.0, 1.8]],
  ];
  for (const [name, unit, values] of kpis) {
    await p.getByRole('button', { name: 'Add a KPI' }).click();
    const box = p.locator('fieldset.kpi-editor').last();
    await box.getByLabel('Name').fill(name);
    await box.getByLabel('Name').press('Tab');
    await box.getByLabel('Unit').fill(unit);
    await box.getByLabel('Unit').press('Tab');
    await box.getByLabel('Values: a date and a number a line').fill(months.map((m, i) => `${m}\t${values[i]}`).join('\n'));
    await box.getByLabel('Values: a date and a number a line').press('Tab');
  }
  await p.locator('fieldset.kpi-editor').last().getByLabel('Lower is better').check();
  await p.locator('fieldset.kpi-editor').first().getByLabel('Target or benchmark').fill('180');
  await p.locator('fieldset.kpi-editor').first().getByLabel('Target or benchmark').press('Tab');
  await p.getByRole('button', { name: 'Publish and get the link' }).click();
  const dashLink = await p.locator('#dashboard-link').inputValue();

  // Ben reads it in New York, in three-month view.
  await openLink(ben.page, dashLink);
  await expect(ben.page.getByRole('heading', { level: 1, name: 'Shop relaunch' })).toBeVisible();
  await expect(ben.page.getByText('On track for the January launch.')).toBeVisible();
  await expect(ben.page.locator('table.deliverables tbody tr')).toHaveText(['New checkoutIn progress', 'Product photosIn progress']);
  await expect(ben.page.locator('section.card', { hasText: 'Next steps for you' }).locator('li')).toHaveText(['Send the product photos', 'Approve the checkout copy']);
  await expect(ben.page.locator('section.card', { hasText: 'More we can do' })).toContainText('Newsletter design');
  await expect(ben.page.locator('dl.glossary')).toContainText('people who ordered before');
  await ben.page.getByRole('button', { name: '3 months' }).click();
  const orders = ben.page.locator('article.kpi', { hasText: 'Weekly orders' });
  await expect(orders.locator('.kpi-change')).toHaveText('Up from 150 to 185 (+23%) over the last 3 months. The target is 180: met.');
  await orders.getByText('Show the numbers').click();
  await expect(orders.locator('tbody tr')).toHaveCount(4);
  await expect(orders.locator('tbody tr').first()).toContainText('150');
  await expect(orders.locator('tbody tr').last()).toContainText('185');
  await expect(ben.page.locator('article.kpi', { hasText: 'Page load time' }).locator('.kpi-change')).toContainText('Down from 2.5 s to 1.8 s');
  await axe(ben.page, 'the dashboard as the client reads it');
  await shots(ben.page, 'clients-dashboard');
  // Printed, the period buttons and the question form stay off the paper.
  await ben.page.emulateMedia({ media: 'print' });
  await expect(ben.page.locator('.period-switch')).toBeHidden();
  await expect(orders.locator('svg')).toBeVisible();
  await ben.page.emulateMedia({ media: 'screen' });
  // A question back, by reply link; his name is asked only now.
  await ben.page.getByLabel('Your question').fill('Can we see orders by country?');
  await ben.page.getByRole('button', { name: 'Make the reply link' }).click();
  await giveName(ben.page, 'Ben');
  const question = await ben.page.locator('#question-link').inputValue();
  await openLink(p, question);
  await expect(p.locator('.questions')).toContainText('Can we see orders by country?');
  await expect(p.locator('.questions')).toContainText('Ben');

  // An intake form: who they are, a company section skipped for a person, and a slot.
  await goTo(p, 'Team');
  await p.getByRole('button', { name: 'New intake form' }).click();
  await expect(p.getByRole('heading', { level: 1, name: 'Start a project with me' })).toBeVisible();
  const first = p.locator('fieldset.section-editor').first();
  await first.getByRole('button', { name: 'Add a question' }).click();
  const fits = first.locator('li.question-editor').last();
  await fits.getByLabel('Question', { exact: true }).fill('Which of these fits you?');
  await fits.getByLabel('Question', { exact: true }).press('Tab');
  await fits.getByLabel('Kind of answer').selectOption('one');
  await fits.getByLabel('Options, one a line').fill('A company\nA person');
  await fits.getByLabel('Options, one a line').press('Tab');
  await fits.getByLabel('Needs an answer').check();
  await p.getByRole('button', { name: 'Add a section' }).click();
  const company = p.locator('fieldset.section-editor').last();
  await company.getByLabel('Section title').fill('Your company');
  await company.getByLabel('Section title').press('Tab');
  await company.getByRole('button', { name: 'Add a question' }).click();
  await company.getByLabel('Question', { exact: true }).fill('How many people work there?');
  await company.getByLabel('Question', { exact: true }).press('Tab');
  await company.getByLabel('Kind of answer').selectOption('number');
  await company.getByLabel('Needs an answer').check();
  await company.getByLabel('Skip this section when').selectOption({ label: '“Which of these fits you?” is A person' });
  await p.getByLabel('Offer a slot in my office hours at the end of the form').check();
  await p.getByLabel('Your e-mail, for the invitation').fill('priya@example.com');
  await p.getByLabel('Your e-mail, for the invitation').press('Tab');
  await p.getByRole('button', { name: 'Publish and get the link' }).click();
  const formLink = await p.locator('#form-link').inputValue();

  // Ben answers offline, as a company, and picks Wednesday 08:30 on his clock.
  await openLink(ben.page, formLink);
  await expect(ben.page.getByRole('heading', { level: 1, name: 'Start a project with me' })).toBeVisible();
  await waitForServiceWorker(ben.page);
  await ben.ctx.setOffline(true);
  // Typed key by key, as a person types: each key is kept, and the field keeps the focus.
  const mail = ben.page.getByLabel('Your e-mail (needed)');
  await mail.pressSequentially('ben@example.com');
  await expect(mail).toBeFocused();
  await expect(mail).toHaveValue('ben@example.com');
  await ben.page.getByLabel('A company').check();
  await ben.page.getByRole('button', { name: 'Send my answers' }).click();
  await expect(ben.page.locator('#e-' + (await ben.page.getByLabel('How many people work there? (needed)').getAttribute('id')).slice(2))).toHaveText('This question needs an answer.');
  await ben.page.getByLabel('How many people work there? (needed)').pressSequentially('12');
  await expect(ben.page.getByLabel('How many people work there? (needed)')).toBeFocused();
  const benSlot = ben.page.getByLabel(/Wed, Dec 2, 8:30\s?AM/);
  await expect(benSlot).toBeVisible();
  await expect(ben.page.locator('.slot-list li').first()).toContainText('for Priya');
  await benSlot.check();
  // What he typed is kept in his browser: a reload offline finds it.
  await ben.page.reload();
  await expect(ben.page.getByLabel('How many people work there? (needed)')).toHaveValue('12');
  await expect(ben.page.getByLabel(/Wed, Dec 2, 8:30\s?AM/)).toBeChecked();
  await ben.page.getByRole('button', { name: 'Send my answers' }).click();
  const benReply = await ben.page.locator('#answers-link').inputValue();
  await expect(ben.page.getByRole('link', { name: 'Send by e-mail' })).toHaveAttribute('href', /^mailto:priya%40example\.com\?subject=/);
  await axe(ben.page, 'the form as the respondent fills it');
  await shots(ben.page, 'clients-form');

  // Chie, in London, as a person: the company section is skipped. Same slot, 13:30 for her.
  await openLink(chie.page, formLink);
  await waitForServiceWorker(chie.page);
  await chie.ctx.setOffline(true);
  await chie.page.getByLabel('Your e-mail (needed)').fill('chie@example.com');
  await chie.page.getByLabel('A person').check();
  await expect(chie.page.getByLabel('How many people work there? (needed)')).toHaveCount(0);
  await chie.page.getByLabel(/Wed 2 Dec, 13:30/).check();
  await chie.page.getByRole('button', { name: 'Send my answers' }).click();
  await giveName(chie.page, 'Chie');
  const chieReply = await chie.page.locator('#answers-link').inputValue();

  // Priya reads both back: the clash is shown, she confirms Ben.
  await openLink(p, benReply);
  await openLink(p, chieReply);
  await expect(p.getByRole('heading', { name: 'Replies (2)' })).toBeVisible();
  const rows = p.locator('.responses-table tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Ben' })).toContainText('Clash');
  await expect(rows.filter({ hasText: 'Chie' })).toContainText('Clash');
  await p.getByRole('button', { name: "Open Ben's reply" }).click();
  const reply = p.locator('section.reply');
  await expect(reply).toContainText("Clashes with Chie's pick.");
  await expect(reply).toContainText('ben@example.com');
  await reply.getByRole('button', { name: 'Confirm this time' }).click();
  // The reply is drawn anew; the keyboard's focus stays on that time's button.
  await expect(reply.getByRole('button', { name: 'Take back' })).toBeFocused();
  await expect(rows.filter({ hasText: 'Ben' })).toContainText('Confirmed for');
  const ics = await download(p, 'Download the invitation (.ics)');
  const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent'));
  expect(event.startDate.toJSDate().toISOString()).toBe(SLOT);
  expect(event.endDate.toJSDate().toISOString()).toBe('2026-12-02T14:00:00.000Z');
  expect(event.organizer).toBe('mailto:priya@example.com');
  expect(event.attendees[0].getFirstValue()).toBe('mailto:ben@example.com');
  expect(ics).toContain('METHOD:REQUEST');
  await p.getByRole('button', { name: "Open Chie's reply" }).click();
  await expect(p.locator('section.reply')).toContainText('Clashes with the call confirmed with Ben.');
  await expect(p.locator('section.reply').getByRole('button', { name: 'Confirm this time' })).toHaveCount(0);
  await axe(p, "the form's replies");
  await shots(p, 'clients-replies');

  // The export reads back to the same rows.
  const csv = readCsv(await download(p, 'Export all as CSV'));
  expect(csv[0]).toEqual(['Sent', 'From', 'Your e-mail', 'Which of these fits you?', 'How many people work there?', 'Picked times', 'Confirmed']);
  expect(csv.slice(1).map((r) => r.slice(1, 5))).toEqual([
    ['Ben', 'ben@example.com', 'A company', '12'],
    ['Chie', 'chie@example.com', 'A person', ''],
  ]);
  expect(csv[1][6]).toBe('2026-12-02 19:00');

  // The call is held on Priya's week.
  await goTo(p, 'Week');
  await expect(p.locator('.card', { hasText: 'Calls booked' })).toContainText('Call with Ben');
  await expect(p.locator('.card', { hasText: 'Calls booked' })).toContainText('Wed, 2 Dec, 7:00 pm');
  await p.goBack();
  // A reply turned into a client, a task and a discussion.
  await p.getByRole('button', { name: "Open Chie's reply" }).click();
  await p.getByRole('button', { name: 'Add them as a client' }).click();
  await p.getByRole('button', { name: 'Make it a task' }).click();
  await p.getByRole('button', { name: 'Start a discussion with it' }).click();
  await expect(p.getByRole('heading', { level: 1 })).toHaveText('Chie: Start a project with me');
  await expect(p.locator('.comment').first()).toContainText('chie@example.com');
  await goTo(p, 'Team');
  await expect(p.getByRole('button', { name: 'Dashboard for Chie' })).toBeVisible();
  await goTo(p, 'Tasks');
  await expect(p.getByRole('button', { name: 'Edit Chie: Start a project with me', exact: true })).toBeVisible();

  for (const who of [owner, ben, chie]) expect(who.problems).toEqual([]);
  await Promise.all([owner.ctx.close(), ben.ctx.close(), chie.ctx.close()]);
});

test('a reply meant for someone else is refused in words; a dashboard link written by an earlier version opens', async ({ browser }) => {
  const { ctx, page, problems } = await person(browser, 'Europe/London', 'en-GB');
  const fixture = (name) => fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures', name), 'utf8').trim();
  await page.goto('/');
  await openLink(page, '/#' + fixture('2026-12-02-form-reply.txt'));
  await expect(page.locator('.link-error')).toContainText('only the person who made it can read it in. Nothing was changed.');
  // (Links carrying anyone's edits but the author's are refused natively: share::page_link.)
  await openLink(page, '/#' + fixture('2026-12-02-dashboard-link.txt'));
  await expect(page.getByRole('heading', { level: 1, name: 'Shop relaunch' })).toBeVisible();
  expect(problems.filter((p) => !p.includes('Failed to load resource'))).toEqual([]);
  await ctx.close();
});
