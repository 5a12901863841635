// The overview and the rate: how async-friendly the role is and what the work costs.
import { test, expect } from '@playwright/test';
import { welcome, addTask, taskButton, taskRow } from './helpers.mjs';

test('rate, costs and async share from a small inventory', async ({ page }) => {
  await welcome(page);
  await page.goto('/tasks');
  const editor = page.getByRole('region', { name: 'Edit task' });
  // Stand-up: daily 15 min, live (reporting): 3,900 min a year = 5 h 25 min a month.
  await addTask(page, 'Stand-up');
  await taskButton(page, 'Stand-up').click();
  await editor.getByLabel('How often').selectOption('daily');
  await editor.getByLabel('Minutes each time').fill('15');
  await editor.getByLabel('Reports to a manager or client').check();
  // Deep work: daily 60 min, async: 15,600 min a year = 21 h 40 min a month.
  await addTask(page, 'Deep work');
  await taskButton(page, 'Deep work').click();
  await editor.getByLabel('How often').selectOption('daily');
  await editor.getByLabel('Minutes each time').fill('60');
  // Invoices: monthly 120 min, delegated: 1,440 min a year = 2 h a month.
  await addTask(page, 'Invoices');
  await taskButton(page, 'Invoices').click();
  await editor.getByLabel('How often').selectOption('monthly');
  await editor.getByLabel('Minutes each time').fill('120');
  await editor.getByLabel('Decision').selectOption('delegate');
  await editor.getByLabel('To whom?').fill('Ben');

  await page.getByRole('link', { name: 'Rate', exact: true }).click();
  await page.getByLabel('Currency').selectOption('EUR');
  await page.getByLabel('Rate per hour').fill('60');
  await expect(page.getByTestId('effective-rate')).toHaveText('€60.00 an hour');
  // Live: 65 h a year × 60 / 12 = 325.00 a month; freed: 24 h × 60 / 12 = 120.00.
  await expect(page.getByTestId('live-cost-table')).toHaveText('€325.00');
  await expect(page.getByTestId('freed-cost-table')).toHaveText('€120.00');
  // Nobody has carried out the delegation yet, so it has freed nothing so far.
  await expect(page.getByTestId('freed-done-cost-table')).toHaveText('€0.00');

  await page.getByLabel('Work it out from my yearly income').check();
  await page.getByRole('textbox', { name: 'Yearly income' }).fill('96,000');
  await page.getByLabel('Working hours a week').fill('40');
  await page.getByLabel('Working weeks a year').fill('48');
  await expect(page.getByTestId('effective-rate')).toHaveText('€50.00 an hour');
  await page.getByRole('textbox', { name: 'Yearly income' }).fill('lots');
  await expect(page.getByText('Enter an amount such as 45 or 45.50.')).toBeVisible();

  await page.getByRole('link', { name: 'Overview', exact: true }).click();
  // 3,900 live of 20,940 minutes: 81% async.
  await expect(page.getByTestId('async-share')).toHaveText('81%');
  await expect(page.getByTestId('live-hours')).toHaveText('5 h 25 min');
  await expect(page.getByTestId('freed-hours')).toHaveText('2 h');
  await expect(page.getByTestId('freed-cost')).toHaveText('€100.00 a month');
  await expect(page.getByText('Your role is async-friendly.')).toBeVisible();
  await expect(page.getByText('Because it: reports to a manager or client')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('freed-cost')).toHaveText('€100.00 a month');
});

test('the welcome refuses an empty name and a made-up time zone', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('alert')).toContainText('Please enter a name');
  await page.getByLabel('Your name, as teammates will see it').fill('Lee');
  await page.getByLabel('Your time zone').fill('Mars/Olympus');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('alert')).toContainText('Pick a time zone');
  await page.getByLabel('Your time zone').fill('asia/kolkata');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { name: 'Hello, Lee' })).toBeVisible();
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByLabel('Time zone')).toHaveValue('Asia/Kolkata');
});

test('a decision counts as decided at once and as done only once carried out', async ({ page }) => {
  // Far east of the browser's clock, so 'today' must come from the person's zone.
  const zone = 'Pacific/Kiritimati';
  await page.goto('/');
  await page.getByLabel('Your name, as teammates will see it').fill('Ana');
  await page.getByLabel('Your time zone').fill(zone);
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { name: 'Hello, Ana' })).toBeVisible();
  await page.goto('/tasks');
  const editor = page.getByRole('region', { name: 'Edit task' });
  const carried = editor.getByRole('checkbox', { name: 'Carried out' });
  // Report: weekly 60 min, live: 3,120 min a year. Coding: weekly 180 min, async: 9,360. Today 75% async.
  await addTask(page, 'Client report');
  await taskButton(page, 'Client report').click();
  await editor.getByLabel('Minutes each time').fill('60');
  await editor.getByLabel('Reports to a manager or client').check();
  await expect(carried).toHaveCount(0);
  await editor.getByLabel('Decision').selectOption('keep_live');
  await expect(carried).toHaveCount(0);
  await editor.getByLabel('Decision').selectOption('automate');
  await editor.getByLabel('With which tool?').fill('Zapier');
  await expect(carried).not.toBeChecked();
  await addTask(page, 'Coding');
  await taskButton(page, 'Coding').click();
  await editor.getByLabel('Minutes each time').fill('180');

  await page.getByRole('link', { name: 'Overview', exact: true }).click();
  await expect(page.getByTestId('async-share')).toHaveText('75%');
  await expect(page.getByTestId('share-decided')).toHaveText('100%');
  await expect(page.getByTestId('share-done')).toHaveText('75%');
  await expect(page.getByText('with what is carried out so far (0 of 1)')).toBeVisible();
  await expect(page.getByTestId('freed-hours')).toHaveText('4 h 20 min');
  await expect(page.getByTestId('freed-done')).toHaveText('Done so far: 0 min');
  await expect(page.getByText('Decision: Automate with Zapier, not carried out yet')).toBeVisible();

  await page.getByRole('link', { name: 'Tasks', exact: true }).click();
  await taskButton(page, 'Client report').click();
  await carried.check();
  const today = new Date().toLocaleDateString('en-CA', { timeZone: zone });
  const day = editor.getByLabel('On', { exact: true });
  await expect(day).toHaveValue(today);
  // A day in the future is refused in words, and the last valid day is kept.
  await day.fill('2999-01-01');
  await expect(editor.getByText('Enter a day no later than today.')).toBeVisible();
  await day.fill('2025-06-02');
  await expect(editor.getByText('Enter a day no later than today.')).toHaveCount(0);
  await expect(taskRow(page, 'Client report')).toContainText('Carried out');

  await page.getByRole('link', { name: 'Overview', exact: true }).click();
  await expect(page.getByTestId('share-decided')).toHaveText('100%');
  await expect(page.getByTestId('share-done')).toHaveText('100%');
  await expect(page.getByTestId('freed-done')).toHaveText('Done so far: 4 h 20 min');
  await expect(page.getByText('Decision: Automate with Zapier, carried out on 2 Jun 2025')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('share-done')).toHaveText('100%');
  await expect(page.getByText('with what is carried out so far (1 of 1)')).toBeVisible();
  await page.goto('/tasks');
  await taskButton(page, 'Client report').click();
  await expect(carried).toBeChecked();
  await expect(editor.getByLabel('On', { exact: true })).toHaveValue('2025-06-02');
  // Another kind of decision has not been carried out yet.
  await editor.getByLabel('Decision').selectOption('delegate');
  await expect(carried).not.toBeChecked();
});

test('the advice covers every reason the tasks give', async ({ page }) => {
  await welcome(page);
  await page.goto('/tasks');
  const editor = page.getByRole('region', { name: 'Edit task' });
  const reasons = ['Reports to a manager or client', 'Gathers information from people',
    'Collaborates live with co-workers', 'Waits on input from others', 'Someone is waiting for its output',
    'Handles sensitive information', 'Hires, onboards, teaches or sells'];
  await addTask(page, 'Everything at once');
  await taskButton(page, 'Everything at once').click();
  for (const r of reasons) await editor.getByLabel(r).check();
  await page.getByRole('link', { name: 'Overview', exact: true }).click();
  const advice = page.locator('.advice-list li');
  await expect(advice).toHaveCount(7);
  for (const r of reasons) await expect(advice.filter({ hasText: `${r} (1)` })).toHaveCount(1);
});

test('the five steps show where a newcomer stands and follow them as they go', async ({ page }) => {
  await page.goto('/');
  // The welcome shows what the five steps are before anything is asked.
  const framework = page.getByTestId('framework');
  await expect(framework.getByRole('heading', { level: 3 })).toHaveText(['List your work', 'Decide per task',
    'Plan your week', 'Set your rate', 'Set boundaries and share your page']);
  await welcome(page);
  const step = (n) => page.getByTestId(`step-${n}`);
  const status = (n) => step(n).getByTestId('step-status');
  const summary = page.getByTestId('framework-summary');
  for (const n of [1, 2, 3, 4, 5]) await expect(status(n)).toHaveText('Not started');
  await expect(summary).toHaveText('0 of 5 done. Next: List your work.');
  await expect(step(1)).toHaveAttribute('aria-current', 'step');
  // No tasks yet: nowhere onward but the first step.
  await expect(page.getByRole('navigation', { name: 'From here' })).toHaveCount(0);

  await step(1).getByRole('link', { name: 'Add your first task' }).click();
  await expect(page).toHaveURL(/\/tasks$/);
  const editor = page.getByRole('region', { name: 'Edit task' });
  await addTask(page, 'Stand-up');
  await page.getByRole('link', { name: 'Overview', exact: true }).click();
  await expect(status(1)).toHaveText('Under way');
  await expect(step(1)).toContainText('1 task listed; a first list needs 3.');
  await expect(step(1).getByRole('link', { name: 'Add 2 more tasks' })).toHaveAttribute('href', '/tasks');
  const onward = page.getByRole('navigation', { name: 'From here' });
  for (const [name, href] of [['Week', '/week'], ['Team', '/team'], ['Boundaries', '/boundaries']]) {
    await expect(onward.getByRole('link', { name, exact: true })).toHaveAttribute('href', href);
  }

  await page.goto('/tasks');
  await addTask(page, 'Client report');
  await addTask(page, 'Invoices');
  await taskButton(page, 'Stand-up').click();
  await editor.getByLabel('Decision').selectOption('make_async');
  await page.getByRole('link', { name: 'Overview', exact: true }).click();
  await expect(status(1)).toHaveText('Done');
  await expect(step(1)).toContainText('3 tasks, 6 h 30 min a month.');
  await expect(status(2)).toHaveText('Under way');
  await expect(step(2)).toContainText('1 of 3 decided. Next: “Client report”.');
  await expect(step(2)).toHaveAttribute('aria-current', 'step');
  await expect(step(1)).not.toHaveAttribute('aria-current', 'step');
  await expect(summary).toHaveText('1 of 5 done. Next: Decide per task.');

  // The rate, the week and the boundaries, each from its own page.
  await page.goto('/rate');
  await page.getByLabel('Currency').selectOption('EUR');
  await page.getByLabel('Rate per hour').fill('55');
  await page.goto('/week');
  await page.getByRole('button', { name: 'Add block' }).click();
  await page.getByRole('link', { name: 'Overview', exact: true }).click();
  await expect(status(4)).toHaveText('Done');
  await expect(step(4)).toContainText('€55.00 an hour.');
  await expect(status(3)).toHaveText('Under way');
  await expect(step(3).getByRole('link', { name: 'Add office hours' })).toHaveAttribute('href', '/week');
  await page.goto('/week');
  await page.locator('label[for="new-kind-manager"]').click();
  await page.getByRole('button', { name: 'Add block' }).click();
  await page.goto('/boundaries');
  await page.getByRole('button', { name: 'Start from email, chat, comments and phone' }).click();
  await page.getByRole('link', { name: 'Overview', exact: true }).click();
  await expect(status(3)).toHaveText('Done');
  await expect(status(5)).toHaveText('Under way');
  await expect(step(5).getByRole('link', { name: 'Share your page' })).toHaveAttribute('href', '/boundaries');
  await page.goto('/boundaries');
  await page.getByRole('button', { name: 'Share page' }).click();
  await page.goto('/tasks');
  for (const title of ['Client report', 'Invoices']) {
    await taskButton(page, title).click();
    await editor.getByLabel('Decision').selectOption('keep_live');
  }
  await page.getByRole('link', { name: 'Overview', exact: true }).click();
  for (const n of [1, 2, 3, 4, 5]) await expect(status(n)).toHaveText('Done');
  await expect(summary).toHaveText('All five done. Come back when your work changes.');
  await expect(page.locator('[aria-current="step"]')).toHaveCount(0);
  // It is worked out from the stored data, so a reload shows the same.
  await page.reload();
  await expect(status(5)).toHaveText('Done');
});

const PAGES = [['Overview', '/'], ['Tasks', '/tasks'], ['Week', '/week'], ['Team', '/team'],
  ['Boundaries', '/boundaries'], ['Rate', '/rate'], ['Shared', '/shared'], ['Reminders', '/reminders'],
  ['Settings', '/settings']];

test('on a phone the navigation is one row on every page, and every page is reachable by keyboard', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await welcome(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  const heights = [];
  for (const [name, path] of PAGES) {
    await page.goto(path);
    await expect(page.locator('h1')).toBeVisible();
    const bar = await page.locator('header.topbar').boundingBox();
    const box = await nav.boundingBox();
    expect(bar.height, `the top bar on ${path}`).toBeLessThanOrEqual(64);
    expect(box.height, `the navigation on ${path}`).toBeLessThanOrEqual(64);
    heights.push(bar.height);
    // The current page is marked, and scrolled into view within the row.
    const current = nav.locator('[aria-current="page"]');
    await expect(current).toHaveText(name);
    await expect.poll(async () => {
      const c = await current.boundingBox();
      return c.x >= box.x - 1 && c.x + c.width <= box.x + box.width + 1;
    }, { message: `${name} is in view` }).toBe(true);
  }
  // The same height everywhere: nothing moves when going from page to page.
  expect(new Set(heights).size).toBe(1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);

  // From the top of any page, Tab reaches every link, which scrolls into view; Enter opens it.
  for (const [name, path] of PAGES) {
    await page.goto(path === '/' ? '/settings' : '/');
    await expect(page.locator('h1')).toBeVisible();
    const link = nav.getByRole('link', { name, exact: true });
    let reached = false;
    for (let i = 0; i < 15 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await link.evaluate((el) => el === document.activeElement);
    }
    expect(reached, `Tab reaches ${name}`).toBe(true);
    const box = await nav.boundingBox();
    await expect.poll(async () => {
      const l = await link.boundingBox();
      return l.x >= box.x - 1 && l.x + l.width <= box.x + box.width + 1;
    }, { message: `${name} scrolls into view when focused` }).toBe(true);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${path === '/' ? '/' : path}$`));
    await expect(nav.locator('[aria-current="page"]')).toHaveText(name);
  }
  await context.close();
});

test('a notice never covers the field being typed in', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await welcome(page);
  await page.goto('/tasks');
  const input = page.getByLabel('New task');
  // As on a phone whose on-screen keyboard has opened: what is visible ends just below
  // the field being typed in.
  const field = await input.boundingBox();
  const height = Math.ceil(field.y + field.height + 12);
  await page.setViewportSize({ width: 390, height });
  await input.focus();
  // An empty title is answered with a notice while the focus stays in the box.
  await input.press('Enter');
  const toast = page.locator('.toast');
  await expect(toast).toContainText('Type what the task is');
  await expect(input).toBeFocused();
  const overlap = async () => {
    const [a, b] = [await toast.boundingBox(), await input.boundingBox()];
    return Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  };
  await expect.poll(overlap).toBe(0);
  await expect(toast).toBeInViewport();
  // With the focus elsewhere, the notice is back at the bottom of the screen.
  await page.locator('h1').click();
  await expect.poll(async () => {
    const t = await toast.boundingBox();
    return t.y + t.height > height - 40;
  }).toBe(true);
  await context.close();
});
