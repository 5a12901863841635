// Whoever receives a 'how to work with me' page sees it first: no sign-up, no app
// navigation, in their own time zone, with a quiet way to make their own.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { welcome, watchConsole } from './helpers.mjs';

test('a client opening a page link reads it at once, in their zone, and can make their own', async ({ browser }) => {
  const ctxA = await browser.newContext({ timezoneId: 'Asia/Kolkata' });
  const ctxB = await browser.newContext({ timezoneId: 'America/New_York', locale: 'en-US' });
  const a = await ctxA.newPage();
  const b = await ctxB.newPage();
  const problems = watchConsole(b);
  await welcome(a, 'Priya');
  await a.goto('/boundaries');
  await a.getByRole('button', { name: 'Start from email, chat, comments and phone' }).click();
  await a.locator('#urgent').fill('A deadline moves.');
  await a.locator('#urgent').press('Tab');
  await a.getByRole('button', { name: 'Share page' }).click();
  const link = await a.locator('#page-link').inputValue();

  await b.goto(link);
  await expect(b.getByRole('heading', { level: 1, name: 'Priya' })).toBeVisible();
  await expect(b.getByText('A deadline moves.')).toBeVisible();
  await expect(b.locator('.lede')).toContainText('America/New_York');
  await expect(b.getByLabel('Your name, as teammates will see it')).toHaveCount(0);
  await expect(b.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  const foot = b.locator('.reader-footer');
  await expect(foot.getByText('What is Unhurried?')).toBeVisible();
  await foot.getByText('What is Unhurried?').click();
  await expect(foot).toContainText('no account is needed');
  const bad = (r) => r.violations.filter((v) => ['serious', 'critical'].includes(v.impact))
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad(await new AxeBuilder({ page: b }).analyze())).toEqual([]);
  await b.setViewportSize({ width: 390, height: 844 });
  expect(await b.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // Stored on opening: a reload (the link is gone from the address bar) still shows it.
  await b.reload();
  await expect(b.getByRole('heading', { level: 1, name: 'Priya' })).toBeVisible();

  // 'Make your own page' leads to the welcome, then to the app, which holds the page.
  await foot.getByRole('button', { name: 'Make your own page' }).click();
  await b.getByLabel('Your name, as teammates will see it').fill('Dana');
  await b.getByRole('button', { name: 'Start' }).click();
  await expect(b.getByRole('heading', { name: 'Hello, Dana' })).toBeVisible();
  await expect(b.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await b.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Shared' }).click();
  await expect(b.locator('.held-row')).toHaveCount(1);
  expect(problems).toEqual([]);
  await ctxA.close();
  await ctxB.close();
});
