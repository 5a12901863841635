// Two teammates in two browser contexts run an async decision by passing links, offline.
import { test, expect } from '@playwright/test';
import { welcome, waitForServiceWorker, watchConsole, makeLink, openLink } from './helpers.mjs';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const shots = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');

/** Starts a discussion from the Shared page and waits for its page. */
async function startDiscussion(page, title) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Shared' }).click();
  await page.getByLabel('What needs deciding?').fill(title);
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

function idea(page, text) {
  return page.locator('li.idea').filter({ has: page.locator('.idea-text', { hasText: text }) });
}

async function addIdea(page, text) {
  await page.getByLabel('Add an idea').fill(text);
  await page.getByRole('button', { name: 'Add idea' }).click();
  await expect(idea(page, text)).toBeVisible();
}

async function commentOnIdea(page, ideaText, comment) {
  const card = idea(page, ideaText);
  const details = card.locator('details.idea-comments');
  if (!(await details.evaluate((d) => d.open))) await card.locator('summary').click();
  await card.getByLabel('Comment on this idea').fill(comment);
  await card.getByRole('button', { name: 'Comment' }).click();
  await expect(card.locator('.comment-text', { hasText: comment })).toBeVisible();
}

/** What both teammates must agree on: ideas with votes and comments, poll results, comments. */
async function visibleState(page) {
  return page.evaluate(() => ({
    ideas: [...document.querySelectorAll('li.idea')].map((li) => ({
      text: li.querySelector('.idea-text').textContent,
      votes: li.querySelector('.vote-count').textContent,
      comments: [...li.querySelectorAll('.comment-text')].map((c) => c.textContent).sort(),
    })).sort((a, b) => a.text.localeCompare(b.text)),
    poll: [...document.querySelectorAll('.poll-option')].map((o) => o.textContent),
    comments: [...document.querySelectorAll('section[aria-labelledby="comments-head"] .comment-text')].map((c) => c.textContent).sort(),
    problem: document.querySelector('#text-problem').value,
  }));
}

test('two teammates decide by passing links offline, and concurrent edits all survive', async ({ browser }) => {
  const ctxA = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const ctxB = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const a = await ctxA.newPage();
  const b = await ctxB.newPage();
  const problemsA = watchConsole(a);
  const problemsB = watchConsole(b);
  await welcome(a, 'Ana');
  // Ben has opened the app before, so it works for him offline.
  await welcome(b, 'Ben');
  await waitForServiceWorker(b);

  await startDiscussion(a, 'Pick a launch date');
  await a.getByLabel('Problem statement').fill('We need a launch date that suits support and marketing.');
  await a.getByLabel('Link', { exact: true }).fill('https://example.com/walkthrough');
  await a.getByLabel('Label (optional)').fill('Walkthrough video');
  await a.getByRole('button', { name: 'Add link' }).click();
  await expect(a.getByRole('link', { name: 'Walkthrough video' })).toHaveAttribute('href', 'https://example.com/walkthrough');
  // Only web links are accepted.
  await a.getByLabel('Link', { exact: true }).fill('javascript:alert(1)');
  await a.getByRole('button', { name: 'Add link' }).click();
  await expect(a.locator('#link-error')).toContainText('https://');
  await addIdea(a, 'Monday 2 March');
  await addIdea(a, 'Tuesday 10 March');
  await a.getByText('Ask a poll question').click();
  await a.getByLabel('Question').fill('Which time of day?');
  await a.getByLabel('Options, one per line').fill('Morning\nAfternoon');
  await a.getByRole('button', { name: 'Add poll' }).click();
  await expect(a.locator('legend', { hasText: 'Which time of day?' })).toBeVisible();
  await a.getByLabel('Whose input you want').fill('Ben, Cy');
  await a.getByLabel('Whose input you want').blur();
  await expect(a.getByText('Still waiting for Ben and Cy.')).toBeVisible();
  const full = await makeLink(a, 'Copy link');
  expect(full).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#u1\./);
  await expect(a.getByText(/Short enough for any chat/)).toBeVisible();

  // Ben, offline, opens the link: the document is created on his side.
  await ctxB.setOffline(true);
  await openLink(b, full);
  await expect(b.getByRole('heading', { level: 1, name: 'Pick a launch date' })).toBeVisible();
  await expect(b.getByText('Opened “Pick a launch date” from Ana.')).toBeVisible();
  await b.locator('section[aria-labelledby="comments-head"]').getByLabel('Add a comment').fill('March works for support.');
  await b.locator('section[aria-labelledby="comments-head"]').getByRole('button', { name: 'Comment' }).click();
  await idea(b, 'Monday 2 March').getByRole('button', { name: /^Vote for/ }).click();
  await expect(idea(b, 'Monday 2 March').locator('.vote-count')).toHaveText('1');
  await b.getByLabel('Morning').check();
  await expect(b.locator('.poll-option').first()).toContainText('Ben');
  const reply = await makeLink(b, 'Copy reply link');
  expect(reply.length).toBeLessThan(full.length);

  // Ana opens Ben's reply: she sees what is new, and both show the same document.
  await openLink(a, reply);
  await expect(a.getByText("Merged Ben's reply into “Pick a launch date”.")).toBeVisible();
  await expect(a.locator('.banner.news')).toContainText('Ben added a comment, a vote and a poll answer.');
  await expect(a.locator('li.comment.new')).toHaveCount(1);
  await expect(a.getByText('Ben has voted.')).toBeVisible();
  await expect(a.getByText('Still waiting for Cy.')).toBeVisible();
  await a.screenshot({ path: path.join(shots, 'shared-desktop-discussion.png'), fullPage: true });
  expect(await visibleState(a)).toEqual(await visibleState(b));

  // Both work offline on the same idea, then exchange reply links.
  await ctxA.setOffline(true);
  await idea(a, 'Tuesday 10 March').getByRole('button', { name: /^Vote for/ }).click();
  await commentOnIdea(a, 'Tuesday 10 March', 'Marketing prefers a Tuesday.');
  await idea(b, 'Tuesday 10 March').getByRole('button', { name: /^Vote for/ }).click();
  await commentOnIdea(b, 'Tuesday 10 March', 'Support is fine with Tuesday too.');
  const fromA = await makeLink(a, 'Copy reply link');
  const fromB = await makeLink(b, 'Copy reply link');
  await openLink(b, fromA);
  // Ana pastes Ben's reply on her Shared page: it merges there, and the list marks what
  // she has not read yet.
  await a.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Shared' }).click();
  await expect(a.locator('.held-row .tag.new')).toHaveCount(0);
  await a.getByLabel('Paste a link someone sent you').fill(fromB);
  await a.getByRole('button', { name: 'Open link' }).click();
  await expect(a.getByText("Merged Ben's reply into “Pick a launch date”.")).toBeVisible();
  await expect(a.locator('.held-row.unread .tag.new')).toHaveText('2 new');
  await a.locator('.held-row a').click();
  await expect(a.locator('.banner.news')).toContainText('Ben added a comment and a vote.');
  for (const page of [a, b]) {
    const tuesday = idea(page, 'Tuesday 10 March');
    await expect(tuesday.locator('.vote-count')).toHaveText('2');
    await expect(tuesday.locator('summary')).toHaveText('2 comments');
  }
  expect(await visibleState(a)).toEqual(await visibleState(b));
  // Votes never double: voting again takes the vote back, on one side only.
  await idea(b, 'Tuesday 10 March').getByRole('button', { name: /^Take back your vote/ }).click();
  await expect(idea(b, 'Tuesday 10 March').locator('.vote-count')).toHaveText('1');

  // Once read, the mark goes.
  await a.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Shared' }).click();
  await expect(a.locator('.held-row')).toHaveCount(1);
  await expect(a.locator('.held-row .tag.new')).toHaveCount(0);
  expect(problemsA).toEqual([]);
  expect(problemsB.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
  await ctxA.close();
  await ctxB.close();
});

test('a new person opening a link reads at once, and gives a name only where they first write', async ({ browser }) => {
  const ctxA = await browser.newContext();
  const ctxC = await browser.newContext();
  const a = await ctxA.newPage();
  let c = await ctxC.newPage();
  const problems = watchConsole(c);
  await welcome(a, 'Ana');
  await startDiscussion(a, 'Team offsite');
  await addIdea(a, 'Lisbon in May');
  const full = await makeLink(a, 'Copy link');
  await openLink(c, full);
  // The document, at once: no welcome, no app navigation, a quiet foot.
  await expect(c.getByRole('heading', { level: 1, name: 'Team offsite' })).toBeVisible();
  await expect(idea(c, 'Lisbon in May')).toBeVisible();
  await expect(c.getByLabel('Your name, as teammates will see it')).toHaveCount(0);
  await expect(c.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expect(c.locator('.reader-footer')).toContainText('What is Unhurried?');
  await expect(c.locator('.reader-footer').getByRole('button', { name: 'Start using Unhurried' })).toBeVisible();
  // A first try at writing asks for a name over the notice that greeted them; 'Not now'
  // leaves the draft as it was.
  await expect(c.locator('.toast')).toContainText('Opened “Team offsite” from Ana.');
  await c.getByLabel('Add a comment').fill('Draft');
  await c.locator('section[aria-labelledby="comments-head"]').getByRole('button', { name: 'Comment' }).click();
  await expect(c.locator('.name-prompt')).toBeVisible();
  await expect(c.locator('.toast')).toHaveCount(0);
  await c.locator('.name-prompt').getByRole('button', { name: 'Not now' }).click();
  await expect(c.locator('.name-prompt')).toHaveCount(0);
  await expect(c.getByLabel('Add a comment')).toHaveValue('Draft');
  // It was stored as soon as it was opened: closing the tab before naming loses nothing.
  const where = new URL(c.url()).pathname;
  await c.close();
  c = await ctxC.newPage();
  problems.push(...watchConsole(c));
  await c.goto(where);
  await expect(idea(c, 'Lisbon in May')).toBeVisible();

  // The first write asks for a name there and then, and is made once it is given.
  await c.getByLabel('Add a comment').fill('Porto is cheaper');
  await c.locator('section[aria-labelledby="comments-head"]').getByRole('button', { name: 'Comment' }).click();
  const prompt = c.locator('.name-prompt');
  await expect(prompt).toBeVisible();
  await expect(c.getByLabel('Your name, as others will see it')).toBeFocused();
  await expect(c.locator('.comment-text')).toHaveCount(0);
  await expect(c.getByLabel('Add a comment')).toHaveValue('Porto is cheaper');
  await prompt.getByRole('button', { name: 'Post' }).click();
  await expect(prompt.getByRole('alert')).toContainText('Please enter a name');
  await c.getByLabel('Your name, as others will see it').fill('Cy');
  await prompt.getByRole('button', { name: 'Post' }).click();
  await expect(prompt).toHaveCount(0);
  await expect(c.locator('.comment-text', { hasText: 'Porto is cheaper' })).toBeVisible();
  await expect(c.locator('li.comment', { hasText: 'Porto is cheaper' })).toContainText('Cy');
  await expect(c.getByLabel('Add a comment')).toHaveValue('');
  // From then on nothing is asked.
  await idea(c, 'Lisbon in May').getByRole('button', { name: /^Vote for/ }).click();
  await expect(idea(c, 'Lisbon in May').locator('.vote-count')).toHaveText('1');
  await expect(prompt).toHaveCount(0);
  // Choosing to use the app brings its navigation, with the document in the Shared list.
  await c.locator('.reader-footer').getByRole('button', { name: 'Start using Unhurried' }).click();
  await expect(c.getByRole('heading', { name: 'Hello, Cy' })).toBeVisible();
  await c.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Shared' }).click();
  await expect(c.locator('.held-row')).toHaveCount(1);
  expect(problems).toEqual([]);
  await ctxA.close();
  await ctxC.close();
});

test('a bad link says why in plain words and changes nothing', async ({ page }) => {
  await welcome(page, 'Ana');
  await startDiscussion(page, 'Budget for Q3');
  await addIdea(page, 'Cut travel');
  // A deleted comment comes back with Undo.
  await commentOnIdea(page, 'Cut travel', 'Trains instead of flights?');
  await idea(page, 'Cut travel').getByRole('button', { name: 'Delete' }).click();
  await expect(idea(page, 'Cut travel').locator('.comment-text')).toHaveCount(0);
  await page.locator('.toast').getByRole('button', { name: 'Undo' }).click();
  await expect(idea(page, 'Cut travel').locator('.comment-text')).toHaveText('Trains instead of flights?');
  const full = await makeLink(page, 'Copy link');
  const before = await visibleState(page);
  const cases = [
    [full.slice(0, Math.floor(full.length * 0.6)), 'incomplete'],
    [full.replace(/#u1\.(.{20})./, (_, keep) => `#u1.${keep}${keep[0] === 'A' ? 'B' : 'A'}`), 'damaged'],
    ['/#u9.AAAA', 'newer version of Unhurried'],
    ['/#section-2', 'does not hold an Unhurried document'],
    ['/#u1.' + 'A'.repeat(200), 'damaged'],
  ];
  for (const [url, words] of cases) {
    await page.goto(url);
    const alert = page.locator('.link-error');
    await expect(alert).toContainText('That link could not be opened.');
    await expect(alert).toContainText(words);
    await expect(alert).toContainText('Nothing was changed.');
    await alert.getByRole('button', { name: 'Dismiss' }).click();
  }
  // An address that names no document (typed or cut short) says so and offers a way back.
  await page.goto('/shared/not-a-document');
  await expect(page.getByRole('alert')).toContainText('This address does not name a document.');
  await page.getByRole('link', { name: 'Back to your shared documents' }).click();
  await expect(page.locator('.held-row')).toHaveCount(1);
  await page.locator('.held-row a').click();
  expect(await visibleState(page)).toEqual(before);
});

test('a document too large for a link is offered as a file, and the file merges', async ({ browser }) => {
  const ctxA = await browser.newContext({ acceptDownloads: true });
  const ctxB = await browser.newContext();
  const a = await ctxA.newPage();
  const b = await ctxB.newPage();
  await welcome(a, 'Ana');
  await welcome(b, 'Ben');
  await startDiscussion(a, 'Research notes');
  // Text that barely compresses, so the link passes the budget.
  const noise = (n) => Array.from({ length: n },
    () => 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'[Math.floor(Math.random() * 63)]).join('');
  await a.getByLabel('Problem statement').fill(noise(20000));
  await a.getByLabel('What was decided').fill(noise(20000));
  await a.getByRole('button', { name: 'Copy link', exact: true }).click();
  const banner = a.locator('.share .banner');
  await expect(banner).toContainText('too large for a link');
  await expect(a.locator('#share-url')).toHaveCount(0);
  const [download] = await Promise.all([
    a.waitForEvent('download'),
    banner.getByRole('button', { name: 'Download file' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('research-notes.unhurried');
  const file = path.join(test.info().outputDir, 'research-notes.unhurried');
  await download.saveAs(file);
  await b.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Shared' }).click();
  await b.locator('#shared-file').setInputFiles(file);
  await expect(b.getByRole('heading', { level: 1, name: 'Research notes' })).toBeVisible();
  expect((await b.locator('#text-problem').inputValue()).length).toBe(20000);
  // A junk file is refused in plain words.
  const junk = path.join(test.info().outputDir, 'junk.unhurried');
  fs.writeFileSync(junk, 'UNHURRIED\x01\x05sharegarbage');
  await b.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Shared' }).click();
  await b.locator('#shared-file').setInputFiles(junk);
  await expect(b.locator('.link-error')).toContainText(/That file could not be opened. This file is (damaged|incomplete)/);
  await ctxA.close();
  await ctxB.close();
});

for (const [name, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
  test(`shared screens at ${name} size`, async ({ browser }) => {
    const ctx = await browser.newContext({ viewport });
    const page = await ctx.newPage();
    await welcome(page, 'Ana');
    await startDiscussion(page, 'Pick a launch date');
    await page.getByLabel('Problem statement').fill('Support wants a quiet week; marketing wants the conference. We need a date by Friday.');
    await addIdea(page, 'Monday 2 March, before the conference');
    await addIdea(page, 'Tuesday 10 March');
    await idea(page, 'Tuesday 10 March').getByRole('button', { name: /^Vote for/ }).click();
    await commentOnIdea(page, 'Tuesday 10 March', 'Gives support a week to prepare.');
    await page.getByLabel('Action', { exact: true }).fill('Book the webinar slot');
    await page.getByLabel('Owner').fill('Ben');
    await page.getByRole('button', { name: 'Add action' }).click();
    await makeLink(page, 'Copy link');
    await page.getByText('Show a QR code for a phone').click();
    await expect(page.locator('svg.qr')).toBeVisible();
    await page.screenshot({ path: path.join(shots, `shared-${name}-document.png`), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.goto('/shared');
    await page.screenshot({ path: path.join(shots, `shared-${name}-list.png`), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await ctx.close();
  });
}
