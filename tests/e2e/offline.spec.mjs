// Offline through the service worker, two tabs, and backups between browsers.
import { test, expect, chromium } from '@playwright/test';
import { welcome, addTask, taskButton, waitForServiceWorker, taskRow } from './helpers.mjs';
import fs from 'node:fs';

test('after one visit the app reloads and keeps edits with the network off', async ({ page, context }) => {
  await welcome(page);
  await page.goto('/tasks');
  await addTask(page, 'Online task');
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.reload();
  await expect(taskButton(page, 'Online task')).toBeVisible();
  await addTask(page, 'Offline task');
  await page.goto('/');
  await page.goto('/tasks');
  await expect(taskButton(page, 'Offline task')).toBeVisible();
  await context.setOffline(false);
});

test('two tabs see each other\'s edits, and simultaneous edits both survive', async ({ context }) => {
  const a = await context.newPage();
  await welcome(a);
  await a.goto('/tasks');
  const b = await context.newPage();
  await b.goto('/tasks');
  await addTask(a, 'From tab A');
  await expect(taskButton(b, 'From tab A')).toBeVisible();
  await addTask(b, 'From tab B');
  await expect(taskButton(a, 'From tab B')).toBeVisible();

  // Both edit the same task at once: different fields, both kept.
  await taskButton(a, 'From tab A').click();
  await taskButton(b, 'From tab A').click();
  await Promise.all([
    a.getByRole('region', { name: 'Edit task' }).getByLabel('Minutes each time').fill('45'),
    b.getByRole('region', { name: 'Edit task' }).getByLabel('Waits on input from others').check(),
  ]);
  for (const p of [a, b]) {
    await expect(taskRow(p, 'From tab A')).toContainText('45 min each');
    await expect(taskRow(p, 'From tab A')).toContainText('Live');
  }
  const c = await context.newPage();
  await c.goto('/tasks');
  await expect(taskRow(c, 'From tab A')).toContainText('45 min each');
  await expect(taskRow(c, 'From tab A')).toContainText('Live');
  await expect(taskButton(c, 'From tab B')).toBeVisible();
});

test('export, then import in a fresh browser, brings everything back and merges', async ({ page, browser }, testInfo) => {
  await welcome(page);
  await page.goto('/tasks');
  await addTask(page, 'Quarterly review');
  await page.goto('/rate');
  await page.getByLabel('Rate per hour').fill('80');
  // A discussion: the backup carries its content, not only its name.
  await page.goto('/shared');
  await page.getByLabel('What needs deciding?').fill('Pick a venue');
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByLabel('Add an idea').fill('The boathouse');
  await page.getByRole('button', { name: 'Add idea' }).click();
  await expect(page.locator('.idea-text', { hasText: 'The boathouse' })).toBeVisible();
  await page.goto('/settings');
  await expect(page.getByTestId('backup-size')).toHaveText(/^The backup holds your own data and 1 shared document: \d+ KB\.$/);
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export backup' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^unhurried-backup-\d{4}-\d{2}-\d{2}\.unhurried$/);
  const file = testInfo.outputPath('backup.unhurried');
  await download.saveAs(file);

  // A second device that already has its own task.
  const other = await browser.newContext();
  const p2 = await other.newPage();
  await welcome(p2, 'Ana on the laptop');
  await p2.goto('/tasks');
  await addTask(p2, 'Laptop-only task');
  await p2.goto('/settings');
  await p2.locator('#settings-import').setInputFiles(file);
  await expect(p2.getByTestId('import-message')).toHaveText('Imported 1 new task. 1 shared document restored.');
  await p2.goto('/tasks');
  await expect(taskButton(p2, 'Quarterly review')).toBeVisible();
  await expect(taskButton(p2, 'Laptop-only task')).toBeVisible();
  await p2.goto('/rate');
  await expect(p2.getByTestId('effective-rate')).toHaveText('US$80.00 an hour');
  // Importing the same file again changes nothing.
  await p2.goto('/settings');
  await p2.locator('#settings-import').setInputFiles(file);
  await expect(p2.getByTestId('import-message')).toHaveText('1 shared document already here and brought up to date.');
  // A file that is not a backup is refused in plain words and changes nothing.
  const junk = testInfo.outputPath('junk.unhurried');
  fs.writeFileSync(junk, 'this is not a backup');
  await p2.locator('#settings-import').setInputFiles(junk);
  await expect(p2.getByTestId('import-message')).toHaveText('Nothing was imported: this is not an Unhurried file.');
  await p2.goto('/tasks');
  await expect(p2.locator('.task-row')).toHaveCount(2);
  await other.close();

  // A brand-new browser restores from the welcome screen.
  const fresh = await browser.newContext();
  const p3 = await fresh.newPage();
  await p3.goto('/');
  await p3.locator('#welcome-import').setInputFiles(file);
  await expect(p3.getByRole('heading', { name: 'Hello, Ana' })).toBeVisible();
  await p3.goto('/tasks');
  await expect(taskButton(p3, 'Quarterly review')).toBeVisible();
  await p3.goto('/shared');
  await p3.locator('.held-row a', { hasText: 'Pick a venue' }).click();
  await expect(p3.locator('.idea-text', { hasText: 'The boathouse' })).toBeVisible();
  await fresh.close();
});
