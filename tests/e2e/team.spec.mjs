// The Team page for a writer in Kolkata with clients in New York and London and an
// editor in Los Angeles: her own row follows her week and boundaries, the best pairs
// show when nobody shares a window, office hours warn before they overlap the week,
// and both Week and Team read on a phone, light and dark.
import { test, expect } from '@playwright/test';
import { welcome, watchConsole, addBlock } from './helpers.mjs';
import fs from 'node:fs';

// Wednesday 25 November 2026, 12:00 UTC: New York and Los Angeles on standard time,
// London on GMT, Kolkata +5:30 all year.
const NOW = new Date('2026-11-25T12:00:00Z');
const SHOTS = '/tmp/week-shots';

async function goTo(page, name) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
}

/** Puts a notice still on screen out of the way of the screenshots. */
async function dismiss(page) {
  const button = page.locator('.toast-region').getByRole('button', { name: 'Dismiss' });
  if (await button.count()) await button.click({ timeout: 2000 }).catch(() => {});
}

/** The writer: office hours on Wednesday evenings, deep work every weekday morning, and three people. */
async function writer(page) {
  await welcome(page, 'Asha');
  await goTo(page, 'Week');
  await addBlock(page, { kind: 'manager', day: 2, start: '19:00', end: '21:00', label: 'Client calls' });
  await expect(page.getByRole('button', { name: 'Office hours: Client calls, Wednesday 19:00 to 21:00 (2 h)' })).toBeVisible();
  await page.locator('label[for="new-kind-maker"]').click();
  await page.getByRole('button', { name: 'Add block' }).click();
  await page.locator('#block-label').fill('Drafting the long feature');
  await page.locator('#block-label').press('Tab');
  await page.getByRole('button', { name: 'Repeat Mon–Fri' }).click();
  await page.getByRole('button', { name: 'Done' }).click();
  await goTo(page, 'Team');
  for (const [name, zone] of [['Jake (editor)', 'America/Los_Angeles'], ['Maria (client)', 'America/New_York'], ['Priya (client)', 'Europe/London']]) {
    await page.getByLabel('Name', { exact: true }).last().fill(name);
    await page.locator('#person-zone').fill(zone);
    await page.getByRole('button', { name: 'Add person' }).click();
    await expect(page.locator('li.person-row')).toHaveCount(['Jake (editor)', 'Maria (client)', 'Priya (client)'].indexOf(name) + 1);
  }
  await page.getByLabel('Date', { exact: true }).fill('2026-11-25');
  await dismiss(page);
}

test('no window for everyone: the best pairs; my own row follows my week and boundaries; office hours warn of overlaps', async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: 'Asia/Kolkata' });
  const page = await ctx.newPage();
  await page.clock.setFixedTime(NOW);
  const problems = watchConsole(page);
  await writer(page);
  const summary = page.locator('.overlap-summary');
  await expect(summary).toHaveText("Nobody's working hours overlap with everyone else's on this date.");
  // Kolkata 09:00–17:00 plus office hours 19:00–21:00; Los Angeles 22:30–06:30, New York
  // 19:30–03:30, London 14:30–22:30, all in Kolkata time.
  await expect(page.locator('.pairs li')).toHaveText([
    'Jake (editor) and Maria (client)00:00–03:30 and 22:30–00:00 your time (5 h)',
    'You and Priya (client)14:30–17:00 and 19:00–21:00 your time (4 h 30 min)',
    'Maria (client) and Priya (client)19:30–22:30 your time (3 h)',
    'You and Maria (client)19:30–21:00 your time (1 h 30 min)',
  ]);
  await expect(page.locator('.overlap .hint')).toContainText('Mon–Fri, 09:00–17:00');

  // Without the editor, the clients and I share my Wednesday office hours.
  await page.getByRole('button', { name: 'Remove Jake (editor)' }).click();
  await expect(summary).toHaveText('Everyone is working 19:30–21:00 (1 h 30 min) your time.');
  await expect(page.locator('.pairs')).toHaveCount(0);
  // The one suggestion overlaps the office hours already in the week, and says so first.
  const slot = page.getByRole('button', { name: 'Add as office hours: Wednesday 19:30–21:00' });
  await expect(slot).toHaveAccessibleDescription('Overlaps Office hours: Client calls, Wednesday 19:00 to 21:00 (2 h)');
  await slot.click();
  await expect(page.locator('.toast-region')).toContainText('It overlaps Office hours: Client calls, Wednesday 19:00 to 21:00 (2 h).');

  // Working later in Boundaries widens my row: 15:00–23:00 meets New York and London longer.
  await goTo(page, 'Boundaries');
  await page.locator('#work-start').fill('15:00');
  await page.locator('#work-start').press('Tab');
  await page.locator('#work-end').fill('23:00');
  await page.locator('#work-end').press('Tab');
  await goTo(page, 'Team');
  await page.getByLabel('Date', { exact: true }).fill('2026-11-25');
  await expect(summary).toHaveText('Everyone is working 19:30–22:30 (3 h) your time.');
  // Thursday has no office hours in my week: the same window from the working hours.
  await page.getByLabel('Date', { exact: true }).fill('2026-11-26');
  await expect(summary).toHaveText('Everyone is working 19:30–22:30 (3 h) your time.');
  expect(problems).toEqual([]);
  await ctx.close();
});

test('Week and Team read at phone and desktop sizes, light and dark', async ({ browser }) => {
  test.setTimeout(120_000);
  fs.mkdirSync(SHOTS, { recursive: true });
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: 'Asia/Kolkata' });
  const page = await ctx.newPage();
  await page.clock.setFixedTime(NOW);
  await writer(page);
  for (const [size, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
    await page.setViewportSize(viewport);
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      await goTo(page, 'Team');
      await page.getByLabel('Date', { exact: true }).fill('2026-11-25');
      await expect(page.locator('.pairs li')).toHaveCount(4);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      // Every name in full, and the hour marks that show do not run into each other.
      const names = await page.locator('.strip-row:not(.ticks) .strip-name').evaluateAll((els) => els.map((e) => e.scrollWidth <= e.clientWidth));
      expect(names).toEqual([true, true, true, true]);
      const ticks = await page.locator('.tick:visible').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => [r.left, r.right]));
      for (let i = 1; i < ticks.length; i++) expect(ticks[i][0]).toBeGreaterThan(ticks[i - 1][1]);
      await dismiss(page);
      await page.screenshot({ path: `${SHOTS}/team-${size}-${scheme}.png`, fullPage: true });
      await goTo(page, 'Week');
      await page.getByRole('button', { name: /^Deep work: Drafting the long feature, Wednesday/ }).click();
      await expect(page.locator('.block-editor')).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await dismiss(page);
      await page.screenshot({ path: `${SHOTS}/week-${size}-${scheme}.png`, fullPage: true });
      await page.getByRole('button', { name: 'Done' }).click();
    }
  }
  await ctx.close();
});
