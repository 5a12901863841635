// Screenshots of every page at desktop and phone size, light and dark, for a person to look at.
import { test, expect } from '@playwright/test';
import { welcome, addTask, taskButton } from './helpers.mjs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');
const sizes = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };

async function sample(page) {
  await welcome(page, 'Ana');
  await page.goto('/tasks');
  const editor = page.getByRole('region', { name: 'Edit task' });
  const tasks = [
    ['Daily stand-up', 'daily', '15', ['Reports to a manager or client'], 'make_async'],
    ['Client status report', 'weekly', '60', ['Reports to a manager or client', 'Someone is waiting for its output'], 'automate'],
    ['Deep work on features', 'daily', '180', [], 'undecided'],
    ['Onboard new hires', 'monthly', '120', ['Hires, onboards, teaches or sells'], 'write_sop'],
    ['Invoices and expenses', 'monthly', '90', [], 'delegate'],
  ];
  for (const [title, freq, minutes, reasons, decision] of tasks) {
    await addTask(page, title);
    await taskButton(page, title).click();
    await editor.getByLabel('How often').selectOption(freq);
    await editor.getByLabel('Minutes each time').fill(minutes);
    for (const r of reasons) await editor.getByLabel(r).check();
    await editor.getByLabel('Decision').selectOption(decision);
    if (decision === 'delegate') await editor.getByLabel('To whom?').fill('Ben');
    if (decision === 'automate') await editor.getByLabel('With which tool?').fill('Looker Studio');
    // Escape closes the editor (on a phone it covers the list).
    await page.keyboard.press('Escape');
    await expect(editor).toHaveCount(0);
  }
  await page.goto('/rate');
  await page.getByLabel('Currency').selectOption('EUR');
  await page.getByLabel('Rate per hour').fill('55');
}

for (const [sizeName, viewport] of Object.entries(sizes)) {
  for (const scheme of ['light', 'dark']) {
    test(`screenshots ${sizeName} ${scheme}`, async ({ browser }) => {
      const context = await browser.newContext({ viewport, colorScheme: scheme });
      const page = await context.newPage();
      await page.goto('/');
      await page.screenshot({ path: path.join(dir, `${sizeName}-${scheme}-welcome.png`) });
      await sample(page);
      for (const [name, url] of [['overview', '/'], ['tasks', '/tasks'], ['rate', '/rate'], ['settings', '/settings']]) {
        await page.goto(url);
        await expect(page.locator('h1')).toBeVisible();
        await page.waitForTimeout(150);
        await page.screenshot({ path: path.join(dir, `${sizeName}-${scheme}-${name}.png`), fullPage: true });
        // Nothing may be wider than the screen.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${name} overflows horizontally`).toBeLessThanOrEqual(0);
        const hidden = await page.evaluate(() => [...document.querySelectorAll('.table-wrap')]
          .map((w) => w.scrollWidth - w.clientWidth).filter((d) => d > 0));
        expect(hidden, `${name} has a table wider than its box`).toEqual([]);
      }
      await page.goto('/tasks');
      await taskButton(page, 'Client status report').click();
      await expect(page.getByLabel('What is it?')).toBeFocused();
      await page.screenshot({ path: path.join(dir, `${sizeName}-${scheme}-task-editor.png`) });
      await context.close();
    });
  }
}
