// Shared steps for the end-to-end tests.
import { expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Collects console errors and CSP violations so a test can assert there were none. */
export function watchConsole(page) {
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(msg.text()); });
  page.on('pageerror', (err) => problems.push(String(err)));
  return problems;
}

/** Opens the app and completes the welcome with a name. */
export async function welcome(page, name = 'Ana') {
  await page.goto('/');
  await page.getByLabel('Your name, as teammates will see it').fill(name);
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { name: `Hello, ${name}` })).toBeVisible();
}

/** Adds a task from the Tasks page and returns once its row shows. */
export async function addTask(page, title) {
  await page.getByLabel('New task').fill(title);
  await page.getByLabel('New task').press('Enter');
  await expect(taskButton(page, title)).toBeVisible();
}

export function taskButton(page, title) {
  return page.getByRole('button', { name: `Edit ${title}`, exact: true });
}

/** Waits until the service worker controls the page, so a reload can come from its cache.
 *  The predicate must be synchronous: waitForFunction settles on the first value an async
 *  one resolves to, false included, so `await navigator.serviceWorker.ready` in it returned
 *  as soon as the worker was activating, before it had claimed the page. */
export async function waitForServiceWorker(page) {
  const controlled = () => !!navigator.serviceWorker.controller;
  await page.waitForFunction(controlled, null, { timeout: 20_000 }).catch(async () => {
    // The first load is not controlled until the worker claims it.
    await page.reload();
    await page.waitForFunction(controlled, null, { timeout: 20_000 });
  });
}

/** The whole list row of a task (title, timings, tags). */
export function taskRow(page, title) {
  return page.locator('li.task-row').filter({ has: taskButton(page, title) });
}

/** A deadline's row on the Week page. */
export const deadlineRow = (page, title) => page.locator('.deadlines li', { hasText: title });

/** Adds a dated deadline on the Week page. */
export async function addDeadline(page, title, date) {
  await page.getByLabel('Deadline', { exact: true }).fill(title);
  await page.getByLabel('Date', { exact: true }).fill(date);
  await page.getByRole('button', { name: 'Add deadline' }).click();
  await expect(deadlineRow(page, title)).toBeVisible();
}

/** Clicks a share button and returns the link it made. */
export async function makeLink(page, button) {
  await page.getByRole('button', { name: button, exact: true }).click();
  const field = page.locator('#share-url');
  await expect(field).toBeVisible();
  return field.inputValue();
}

/** Opens a link the way a person does: pasted into the address bar of a tab. The
 *  fragment is taken in and removed from the address bar and the history. */
export async function openLink(page, url) {
  await page.goto(url);
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('');
}

/** Runs axe on the page (or the part `include` selects) and expects no serious or
 *  critical violation. */
export async function axe(page, what, include) {
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  const bad = results.violations.filter((v) => ['serious', 'critical'].includes(v.impact))
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, what).toEqual([]);
}

/** Adds a block on the Week page (which must be shown): `kind` 'manager' (office hours),
 *  'maker' (deep work), 'leisure' or 'fixed'; `day` 0 = Monday; times as "HH:MM". */
export async function addBlock(page, { kind, day, start, end, label }) {
  await page.locator(`label[for="new-kind-${kind}"]`).click();
  await page.getByRole('button', { name: 'Add block' }).click();
  if (label) await page.locator('#block-label').fill(label);
  if (day !== undefined) await page.locator('#block-day').selectOption(String(day));
  for (const [field, value] of [['#block-start', start], ['#block-end', end]]) {
    if (!value) continue;
    await page.locator(field).fill(value);
    await page.locator(field).press('Tab');
  }
  await page.getByRole('button', { name: 'Done' }).click();
}

/// The keys in the app's IndexedDB store, where documents live since issue 17.
export async function storedKeys(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('unhurried');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const keys = db.transaction('kv').objectStore('kv').getAllKeys();
      keys.onsuccess = () => { db.close(); resolve(keys.result); };
      keys.onerror = () => { db.close(); reject(keys.error); };
    };
  }));
}

/// Removes the stored entries whose keys start with `prefix`, as if never written.
export async function removeStored(page, prefix) {
  await page.evaluate((prefix) => new Promise((resolve, reject) => {
    const open = indexedDB.open('unhurried');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('kv', 'readwrite');
      tx.objectStore('kv').delete(IDBKeyRange.bound(prefix, prefix + '\uffff'));
      tx.oncomplete = () => { db.close(); resolve(); };
      tx.onerror = () => { db.close(); reject(tx.error); };
    };
  }), prefix);
}
