// A small team replaces its daily stand-up: status cards and work cards on a shared
// board, passed as links between two teammates who are both offline.
import { test, expect } from '@playwright/test';
import { welcome, waitForServiceWorker, watchConsole, makeLink, openLink } from './helpers.mjs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const shots = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');
// Wednesday 25 Nov 2026, 09:00 in London.
const NOW = new Date('2026-11-25T09:00:00Z');

async function startBoard(page, title) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Shared' }).click();
  await page.getByLabel('Stand-up board').check();
  await page.getByLabel('Whose stand-up?').fill(title);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

async function postStatus(page, { day, done = '', doing = '', blocked = '', tag = 'On track', note = '' }) {
  if (day) await page.getByLabel('Day', { exact: true }).fill(day);
  await page.getByLabel('Done', { exact: true }).fill(done);
  await page.getByLabel('Doing next').fill(doing);
  await page.getByLabel('Blocked by').fill(blocked);
  await page.locator('.status-form').getByLabel(tag, { exact: true }).check();
  await page.locator('.status-form').getByLabel('Note', { exact: true }).fill(note);
  await page.locator('.status-form').getByRole('button', { name: /status$/ }).click();
}

async function addCard(page, title, column) {
  await page.getByLabel('New card').fill(title);
  await page.getByLabel('Column', { exact: true }).selectOption({ label: column });
  await page.getByRole('button', { name: 'Add card' }).click();
  await expect(columnOf(page, column).locator('.card-title', { hasText: title })).toBeVisible();
}

function columnOf(page, label) {
  return page.locator('.kanban-column').filter({ has: page.getByRole('heading', { level: 3, name: new RegExp(`^${label}`) }) });
}

function card(page, title) {
  return page.locator('li.work-card').filter({ has: page.locator('.card-title', { hasText: title }) });
}

/** The board as both must see it: each column's cards with their notes, and today's cards. */
async function boardState(page) {
  return page.evaluate(() => ({
    columns: [...document.querySelectorAll('.kanban-column')].map((c) => ({
      head: c.querySelector('h3').firstChild.textContent,
      cards: [...c.querySelectorAll('li.work-card')].map((li) => ({
        title: li.querySelector('.card-title').textContent,
        note: li.querySelector('.card-note')?.textContent ?? '',
      })),
    })),
    statuses: [...document.querySelectorAll('section[aria-labelledby="today-head"] .status-card')]
      .map((s) => s.getAttribute('aria-label') + '|' + s.querySelector('dl').textContent).sort(),
    history: [...document.querySelectorAll('.history-day summary')].map((s) => s.textContent),
  }));
}

test('two teammates hold their stand-up by passing links offline, and every card and move survives', async ({ browser }) => {
  const options = { viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/London' };
  const ctxA = await browser.newContext(options);
  const ctxB = await browser.newContext(options);
  const a = await ctxA.newPage();
  const b = await ctxB.newPage();
  await a.clock.setFixedTime(NOW);
  await b.clock.setFixedTime(NOW);
  const problemsA = watchConsole(a);
  const problemsB = watchConsole(b);
  await welcome(a, 'Ana');
  await welcome(b, 'Ben');
  await waitForServiceWorker(a);
  await waitForServiceWorker(b);

  await startBoard(a, 'Design team');
  // Yesterday's card, then today's.
  await postStatus(a, { day: '2026-11-24', done: 'Moodboard', doing: 'Wireframes' });
  await postStatus(a, { day: '2026-11-25', done: 'Wireframes', doing: 'Specs', tag: 'At risk', note: 'Specs may slip a day' });
  await expect(a.locator('.status-card[aria-label="Ana, At risk"]')).toBeVisible();
  await expect(a.locator('.history-day summary')).toHaveText(['2026-11-24 · 1 card']);
  await addCard(a, 'Write specs', 'To do');
  await addCard(a, 'Review copy', 'Doing');
  const full = await makeLink(a, 'Copy link');

  // Ben is offline all along.
  await ctxB.setOffline(true);
  await openLink(b, full);
  await expect(b.getByRole('heading', { level: 1, name: 'Design team' })).toBeVisible();
  await expect(b.locator('.status-card[aria-label="Ana, At risk"]')).toContainText('Specs may slip a day');
  await postStatus(b, { done: 'Icons', doing: 'Checkout flow', blocked: 'Waiting for API keys from Cy', tag: 'Blocked' });
  // Blockers stand out: a banner at the top and a marked card.
  await expect(b.locator('.banner.blockers')).toContainText('Ben: Waiting for API keys from Cy');
  await expect(b.locator('.status-card.blocked[aria-label="Ben, Blocked"]')).toBeVisible();
  // Ben moves a card by keyboard (its actions, then the column chooser) and adds one
  // to Blocked. The actions stay open and focus stays on the chooser as the card moves.
  await card(b, 'Write specs').getByRole('button', { name: 'Actions for Write specs' }).press('Enter');
  await card(b, 'Write specs').getByLabel('Column for Write specs').selectOption({ label: 'Doing' });
  await expect(columnOf(b, 'Doing').locator('.card-title')).toHaveText(['Review copy', 'Write specs']);
  await expect(card(b, 'Write specs').getByLabel('Column for Write specs')).toBeFocused();
  await card(b, 'Write specs').getByRole('button', { name: 'Move Write specs up' }).press('Enter');
  await expect(columnOf(b, 'Doing').locator('.card-title')).toHaveText(['Write specs', 'Review copy']);
  await expect(card(b, 'Write specs').getByRole('button', { name: 'Move Write specs up' })).toBeFocused();
  await addCard(b, 'API keys', 'Blocked');

  // Meanwhile Ana, offline too, edits the card Ben moved and moves another by dragging.
  await ctxA.setOffline(true);
  // While edited, the card shows a form instead of its title: hold it by its id.
  const specs = a.locator(`#${await card(a, 'Write specs').getAttribute('id')}`);
  await specs.getByRole('button', { name: 'Actions for Write specs' }).click();
  await specs.getByRole('button', { name: 'Edit Write specs' }).click();
  await specs.getByLabel('Note').fill('Draft in the team folder');
  await specs.getByLabel('Who').fill('Ana');
  await specs.getByRole('button', { name: 'Save' }).click();
  await expect(card(a, 'Write specs').locator('.card-note')).toHaveText('Draft in the team folder');
  await card(a, 'Review copy').dragTo(columnOf(a, 'Done'));
  await expect(columnOf(a, 'Done').locator('.card-title')).toHaveText(['Review copy']);

  // Ben's reply reaches Ana; hers, made after (so it carries only what Ben lacks:
  // her edits made while he was working), reaches Ben.
  // The reply carries only what Ana lacks: shorter than a full link of Ben's copy now.
  const fullFromB = await makeLink(b, 'Copy link');
  const fromB = await makeLink(b, 'Copy reply link');
  expect(fromB.length).toBeLessThan(fullFromB.length);
  await openLink(a, fromB);
  await expect(a.getByText("Merged Ben's reply into “Design team”.")).toBeVisible();
  await expect(a.locator('.banner.news')).toContainText('Ben added a card, moved a card and posted a status card.');
  const fromA = await makeLink(a, 'Copy reply link');
  await openLink(b, fromA);
  await expect(b.locator('.banner.news')).toContainText('Ana moved a card.');

  // One board on both sides: Ben's move and Ana's edit of the same card both kept,
  // Ana's drag kept, no card lost or doubled.
  const expected = [
    { head: 'To do', cards: [] },
    { head: 'Doing', cards: [{ title: 'Write specs', note: 'Draft in the team folder' }] },
    { head: 'Done', cards: [{ title: 'Review copy', note: '' }] },
    { head: 'Blocked', cards: [{ title: 'API keys', note: '' }] },
  ];
  for (const page of [a, b]) {
    await expect.poll(async () => (await boardState(page)).columns).toEqual(expected);
    await expect(card(page, 'Write specs')).toContainText('Ana');
    await expect(page.locator('.banner.blockers')).toContainText('Card “API keys” is blocked');
    await expect(page.locator('.kanban-column.blocked .work-card.blocked')).toHaveCount(1);
  }
  expect(await boardState(a)).toEqual(await boardState(b));
  await expect(a.locator('.status-card.new[aria-label="Ben, Blocked"]')).toBeVisible();
  await a.screenshot({ path: path.join(shots, 'standup-desktop.png'), fullPage: true });

  // The next day, the cards of the 25th are history.
  await ctxA.setOffline(false);
  await a.clock.setFixedTime(new Date('2026-11-26T09:00:00Z'));
  await a.reload();
  await expect(a.getByRole('heading', { level: 2, name: 'Today, 2026-11-26' })).toBeVisible();
  await expect(a.locator('.history-day summary')).toHaveText(['2026-11-25 · 2 cards · 1 blocked', '2026-11-24 · 1 card']);
  await expect(a.getByText('Not posted yet today: Ana and Ben.')).toBeVisible();

  // Phone size.
  await b.setViewportSize({ width: 390, height: 844 });
  await b.screenshot({ path: path.join(shots, 'standup-phone.png'), fullPage: true });
  expect(problemsA.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
  expect(problemsB.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
  await ctxA.close();
  await ctxB.close();
});

// Issue 11: a stand-up day that holds across time zones. At 20:00 UTC on Wednesday
// 25 Nov 2026 it is 01:30 on Thursday in Kolkata and noon on Wednesday in Los Angeles.
// Today is each person's latest card from the last 24 hours, the same for everyone at
// the same moment; each card says when it was posted in the viewer's zone, and the
// history goes by each poster's own date.
test('teammates in Kolkata and Los Angeles posting in the same minute both see both cards as today\'s', async ({ browser }) => {
  const AT = new Date('2026-11-25T20:00:00Z');
  const open = async (timezoneId) => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId, locale: 'en-GB' });
    const page = await ctx.newPage();
    await page.clock.setFixedTime(AT);
    return { ctx, page, problems: watchConsole(page) };
  };
  const K = await open('Asia/Kolkata');
  const L = await open('America/Los_Angeles');
  const [k, l] = [K.page, L.page];
  await welcome(k, 'Anu');
  await welcome(l, 'Lee');

  await startBoard(k, 'Launch');
  await expect(k.getByRole('heading', { level: 2, name: 'Today, 2026-11-26' })).toBeVisible();
  await postStatus(k, { done: 'Release notes', doing: 'Store listing' });
  await openLink(l, await makeLink(k, 'Copy link'));
  await expect(l.getByRole('heading', { level: 1, name: 'Launch' })).toBeVisible();
  // Lee's own day is still the 25th; Anu's card is today's for Lee too.
  await expect(l.getByRole('heading', { level: 2, name: 'Today, 2026-11-25' })).toBeVisible();
  await expect(l.locator('section[aria-labelledby="today-head"] .status-card[aria-label="Anu, On track"]')).toBeVisible();
  await postStatus(l, { done: 'Billing fix', doing: 'QA pass', tag: 'At risk' });
  await openLink(k, await makeLink(l, 'Copy reply link'));
  await expect(k.getByText("Merged Lee's reply into “Launch”.")).toBeVisible();

  for (const [page, date, time] of [[k, '2026-11-26', '26 Nov 2026, 01:30'], [l, '2026-11-25', '25 Nov 2026, 12:00']]) {
    const today = page.locator('section[aria-labelledby="today-head"]');
    await expect(page.getByRole('heading', { level: 2, name: `Today, ${date}` })).toBeVisible();
    await expect(today.locator('.status-card')).toHaveCount(2);
    for (const label of ['Anu, On track', 'Lee, At risk']) {
      await expect(today.locator(`.status-card[aria-label="${label}"] .posted`)).toHaveText(`Posted ${time}`);
    }
    await expect(today.locator('.status-card time').first()).toHaveAttribute('datetime', '2026-11-25T20:00:00Z');
    await expect(page.locator('.history-day')).toHaveCount(0);
    await expect(page.getByText(/Not posted yet today/)).toHaveCount(0);
  }
  // Nothing shows Lee the 26th, a date that has not begun in Los Angeles.
  expect(await l.locator('main').innerText()).not.toContain('2026-11-26');
  if (process.env.STANDUP_SHOTS) {
    await l.screenshot({ path: path.join(process.env.STANDUP_SHOTS, 'zones-desktop.png'), fullPage: true });
    await l.setViewportSize({ width: 390, height: 844 });
    await l.screenshot({ path: path.join(process.env.STANDUP_SHOTS, 'zones-phone.png'), fullPage: true });
    await l.setViewportSize({ width: 1280, height: 800 });
  }

  // A day and an hour later (13:00 on Thursday in Los Angeles) both cards are history,
  // each under its poster's date, and neither of them has posted today.
  await l.clock.setFixedTime(new Date('2026-11-26T21:00:00Z'));
  await l.reload();
  await expect(l.getByRole('heading', { level: 2, name: 'Today, 2026-11-26' })).toBeVisible();
  await expect(l.locator('.history-day summary')).toHaveText(['2026-11-26 · 1 card', '2026-11-25 · 1 card']);
  await expect(l.locator('.history-day').first().locator('.status-card[aria-label="Anu, On track"] .posted'))
    .toHaveText('Posted 25 Nov 2026, 12:00');
  await expect(l.getByText('Not posted yet today: Anu and Lee.')).toBeVisible();
  if (process.env.STANDUP_SHOTS) {
    await l.setViewportSize({ width: 390, height: 844 });
    await l.screenshot({ path: path.join(process.env.STANDUP_SHOTS, 'history-phone.png'), fullPage: true });
  }
  expect(K.problems).toEqual([]);
  expect(L.problems).toEqual([]);
  await K.ctx.close();
  await L.ctx.close();
});
