// Issue 17: documents move from localStorage to IndexedDB. A profile as the earlier
// version kept it (the corpus's localStorage dump) opens after the update with
// everything there, in two tabs opening at once; localStorage is left with device
// settings only; an edit in one tab reaches the other and survives a reload.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { addTask, storedKeys, taskButton, watchConsole } from './helpers.mjs';

const parts = fs
  .readFileSync(new URL('../fixtures/2026-12-01-personal-parts.txt', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line) => line.split('\t'));

test('a profile kept in localStorage moves to IndexedDB whole, once, with two tabs opening together', async ({ browser }) => {
  const context = await browser.newContext();
  const a = await context.newPage();
  const b = await context.newPage();
  // Before the app runs on this origin: localStorage as the earlier version left it.
  await a.goto('/manifest.webmanifest', { waitUntil: 'networkidle' });
  await a.evaluate((parts) => {
    for (const [key, value] of parts) localStorage.setItem(key, value);
    localStorage.setItem('unhurried:sync:docs', '[]');
    // A part damaged in localStorage itself: it moves aside, and the person is told.
    localStorage.setItem('unhurried:doc:personal:zz:0000000009', '%%% not base64 %%%');
  }, parts);
  const problems = watchConsole(a);
  await Promise.all([a.goto('/tasks'), b.goto('/tasks')]);
  for (const page of [a, b]) {
    await expect(taskButton(page, 'Client call')).toBeVisible();
    await expect(taskButton(page, 'Timesheet')).toBeVisible();
    await expect(taskButton(page, 'Timesheet')).toHaveCount(1);
  }
  // The tab that moved it says so (the other found nothing left to move).
  const told = '1 damaged part of your saved data could not be read.';
  await expect.poll(async () => (await a.getByText(told).count()) + (await b.getByText(told).count())).toBe(1);
  const left = await a.evaluate(() => Object.keys(localStorage));
  expect(left).toEqual(['unhurried:sync:docs']);
  const keys = await storedKeys(a);
  for (const [key] of parts) expect(keys).toContain(key);
  // One tab's edit reaches the other without a reload, and both survive one.
  await addTask(a, 'Written after the move');
  await expect(taskButton(b, 'Written after the move')).toBeVisible();
  await b.reload();
  await expect(taskButton(b, 'Written after the move')).toBeVisible();
  await expect(taskButton(b, 'Client call')).toBeVisible();

  // Settings lists what is kept, by kind, and the damaged part can be deleted (with undo).
  await b.goto('/settings');
  const kept = b.getByTestId('storage-use');
  await expect(kept.getByRole('row', { name: /Your own data/ })).toBeVisible();
  await expect(kept.getByRole('row', { name: /Kept aside, could not be read 1/ })).toBeVisible();
  await expect(kept.getByRole('row', { name: /In all/ })).toBeVisible();
  await b.getByRole('button', { name: /^Delete Your own data, set aside/ }).click();
  await expect(b.getByText('Deleted the data that could not be read.')).toBeVisible();
  await expect(kept.getByRole('row', { name: /Kept aside/ })).toHaveCount(0);
  await b.getByRole('button', { name: 'Undo' }).click();
  await expect(kept.getByRole('row', { name: /Kept aside, could not be read 1/ })).toBeVisible();
  await b.getByRole('button', { name: /^Delete Your own data, set aside/ }).click();
  await expect(kept.getByRole('row', { name: /Kept aside/ })).toHaveCount(0);
  await b.reload();
  await expect(b.getByTestId('storage-use').getByRole('row', { name: /Your own data/ })).toBeVisible();
  await expect(b.getByTestId('storage-use').getByRole('row', { name: /Kept aside/ })).toHaveCount(0);
  for (const [scheme, size] of [['light', { width: 1280, height: 800 }], ['dark', { width: 390, height: 844 }]]) {
    await b.emulateMedia({ colorScheme: scheme });
    await b.setViewportSize(size);
    await b.getByTestId('storage-use').scrollIntoViewIfNeeded();
    await b.screenshot({ path: `tests/e2e/screenshots/storage-settings-${size.width}-${scheme}.png`, fullPage: false });
  }
  expect(problems).toEqual([]);
  await context.close();
});
