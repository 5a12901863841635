// Money, times, zones and plurals follow the browser's locale: Indian grouping of rupees
// in en-IN, 12-hour clocks in en-US, zones by their canonical id with a friendly name
// (a browser reporting the legacy Asia/Calcutta gets Asia/Kolkata), and '1 person'.
import { test, expect } from '@playwright/test';
import { welcome, watchConsole } from './helpers.mjs';
import fs from 'node:fs';

const NOW = new Date('2026-11-25T12:00:00Z');
const SHOTS = '/tmp/locale-shots';

async function goTo(page, name) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
}

async function dismiss(page) {
  const button = page.locator('.toast-region').getByRole('button', { name: 'Dismiss' });
  if (await button.count()) await button.click({ timeout: 2000 }).catch(() => {});
}

/** A block Monday 09:00–11:00, and one teammate in the other zone. */
async function weekAndTeam(page, teammate, zone) {
  await goTo(page, 'Week');
  await page.locator('label[for="new-kind-maker"]').click();
  await page.getByRole('button', { name: 'Add block' }).click();
  await page.locator('#block-label').fill('Writing');
  await page.locator('#block-start').fill('09:00');
  await page.locator('#block-start').press('Tab');
  await page.locator('#block-end').fill('11:00');
  await page.locator('#block-end').press('Tab');
  await page.getByRole('button', { name: 'Done' }).click();
  await goTo(page, 'Team');
  await page.getByLabel('Name', { exact: true }).last().fill(teammate);
  await page.locator('#person-zone').fill(zone);
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.locator('li.person-row')).toHaveCount(1);
}

async function shots(page, locale) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 390, height: 844 });
  for (const name of ['Rate', 'Week', 'Team']) {
    await goTo(page, name);
    await dismiss(page);
    await page.screenshot({ path: `${SHOTS}/${name.toLowerCase()}-${locale}.png`, fullPage: true });
  }
}

test('en-IN in Asia/Calcutta: Asia/Kolkata by name, rupees grouped in lakhs', async ({ browser }) => {
  const ctx = await browser.newContext({ locale: 'en-IN', timezoneId: 'Asia/Calcutta', viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await page.clock.setFixedTime(NOW);
  const problems = watchConsole(page);
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('Asia/Calcutta');
  await page.goto('/');
  await expect(page.locator('#welcome-zone')).toHaveValue('Asia/Kolkata');
  await expect(page.locator('#welcome-zone-name')).toHaveText('India (Kolkata)');
  await welcome(page, 'Asha');
  await goTo(page, 'Settings');
  await expect(page.locator('#settings-zone')).toHaveValue('Asia/Kolkata');
  await expect(page.locator('#settings-zone-name')).toHaveText('India (Kolkata)');

  await goTo(page, 'Rate');
  await page.locator('#currency').selectOption('INR');
  await page.getByLabel('Rate per hour').fill('302361');
  await page.getByLabel('Rate per hour').blur();
  await expect(page.getByTestId('effective-rate')).toHaveText('₹3,02,361.00 an hour');

  await weekAndTeam(page, 'Maria (client)', 'US/Eastern');
  // A legacy name typed for a teammate is stored and shown canonically.
  await expect(page.locator('li.person-row input[id^="pzone-"]')).toHaveValue('America/New_York');
  await expect(page.locator('li.person-row .zone-name')).toHaveText('United States (New York)');
  await goTo(page, 'Week');
  await expect(page.locator('.page-head .lede')).toContainText('Times are in your zone, India (Kolkata), Asia/Kolkata.');
  await shots(page, 'en-IN');
  expect(problems).toEqual([]);
  await ctx.close();
});

test('en-US in New York: 12-hour clocks, dollars, and one person', async ({ browser }) => {
  const ctx = await browser.newContext({ locale: 'en-US', timezoneId: 'America/New_York', viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await page.clock.setFixedTime(NOW);
  const problems = watchConsole(page);
  await page.goto('/');
  await expect(page.locator('#welcome-zone')).toHaveValue('America/New_York');
  await expect(page.locator('#welcome-zone-name')).toHaveText('United States (New York)');
  await welcome(page, 'Maria');

  await goTo(page, 'Rate');
  await page.locator('#currency').selectOption('USD');
  await page.getByLabel('Rate per hour').fill('1234.5');
  await page.getByLabel('Rate per hour').blur();
  await expect(page.getByTestId('effective-rate')).toHaveText('$1,234.50 an hour');

  await weekAndTeam(page, 'Asha (writer)', 'Asia/Kolkata');
  await expect(page.locator('li.person-row .zone-name')).toHaveText('India (Kolkata)');
  await page.getByLabel('Date', { exact: true }).fill('2026-11-25');
  await expect(page.locator('.tick').first()).toHaveText('12 AM');
  await expect(page.locator('.overlap .hint')).toContainText('(Mon–Fri, 9:00 AM–5:00 PM)');
  await goTo(page, 'Week');
  await expect(page.locator('.block-time').first()).toHaveText('9:00 AM–11:00 AM');
  await expect(page.locator('.hours span').nth(14)).toHaveText('2 PM');
  await expect(page.getByRole('button', { name: 'Deep work: Writing, Monday 9:00 AM to 11:00 AM (2 h)' })).toBeVisible();

  // '1 person', not '1 people'.
  await goTo(page, 'Shared');
  await page.getByLabel('Meeting').check();
  await page.getByLabel('What is the meeting about?').fill('Check-in');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByLabel('People attending').fill('1');
  await expect(page.locator('.meeting-cost')).toContainText('1 person × 15 minutes at your rate of $1,234.50 an hour.');
  await page.getByLabel('People attending').fill('2');
  await expect(page.locator('.meeting-cost')).toContainText('2 people × 15 minutes');
  await shots(page, 'en-US');
  expect(problems).toEqual([]);
  await ctx.close();
});
