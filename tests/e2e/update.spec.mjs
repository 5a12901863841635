// A new build replaces the old one safely: it waits, the person is asked, data stays.
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { welcome, addTask, taskButton, waitForServiceWorker } from './helpers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BANNER = 'A new version of Unhurried is ready.';

/** A port no one listens on now. A fixed one (the main server's + 2) was sometimes held
 *  by another run's server on this machine: the page then talked to that server, never
 *  saw the changed sw.js, and the banner never came. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Waits until the server answers with this copy's own sw.js, so it is ours. */
async function waitForServer(url, sw) {
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`${url}sw.js`);
      if (res.ok && (await res.text()) === sw) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no server of this test at ${url}`);
}

/** Writes a file of the served copy in one step (a temporary file renamed over it), so a
 *  request meanwhile, such as the browser's own update check, gets the old file or the
 *  new one, never a half-written one. */
function replaceFile(file, text) {
  fs.writeFileSync(`${file}.tmp`, text);
  fs.renameSync(`${file}.tmp`, file);
}

/** Serves a copy of dist (its sw.js changed by `editSw`) on a free port, calls
 *  `use(baseURL, dir)`, then stops the server and removes the copy. */
async function withCopy(use, editSw = (sw) => sw) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unhurried-dist-'));
  let server;
  try {
    fs.cpSync(path.join(root, 'dist'), dir, { recursive: true });
    const swFile = path.join(dir, 'sw.js');
    replaceFile(swFile, editSw(fs.readFileSync(swFile, 'utf8')));
    const PORT = await freePort();
    server = spawn('node', ['scripts/serve.mjs', dir, String(PORT), '127.0.0.1'], { cwd: root, stdio: 'ignore' });
    await waitForServer(`http://127.0.0.1:${PORT}/`, fs.readFileSync(swFile, 'utf8'));
    await use(`http://127.0.0.1:${PORT}`, dir);
  } finally {
    server?.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Publishes a "new build" in the copy: its sw.js with another build id. */
function publishNextBuild(dir) {
  const file = path.join(dir, 'sw.js');
  const sw = fs.readFileSync(file, 'utf8');
  const next = sw.replace(/self\.__BUILD = "[^"]+"/, 'self.__BUILD = "next-build"');
  expect(next).not.toBe(sw);
  replaceFile(file, next);
}

/** Has the browser look for the new build until it has found it. The browser checks on
 *  its own too (after a navigation), and a check of ours made while one of its own is
 *  under way joins that one, which may have read sw.js before it changed: so ask until a
 *  new worker exists. Whether the app then offers it is what the tests check. */
async function findNextBuild(page) {
  await expect.poll(() => page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    if (!reg) return false;
    if (!reg.installing && !reg.waiting) await reg.update().catch(() => {});
    return !!(reg.installing || reg.waiting);
  }), { timeout: 30_000 }).toBe(true);
}

/** Accepts the new build: the page reloads into it. */
async function reloadIntoNextBuild(page) {
  await Promise.all([
    page.waitForEvent('framenavigated'),
    page.getByRole('button', { name: 'Reload now' }).click(),
  ]);
}

/** The new build took over: its cache is the only one left. */
async function expectOnlyNextBuildCache(page) {
  expect(await page.evaluate(() => caches.keys())).toEqual(['unhurried-next-build']);
}

test('a new build waits until the person reloads, and keeps their data', async ({ browser }) => {
  // Installing the new worker precaches the whole build (about 4 MB), slow on a busy 2-core machine.
  test.setTimeout(150_000);
  await withCopy(async (baseURL, dir) => {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await welcome(page);
    await page.goto('/tasks');
    await addTask(page, 'Before the update');
    await waitForServiceWorker(page);

    publishNextBuild(dir);
    await findNextBuild(page);
    await expect(page.getByText(BANNER)).toBeVisible({ timeout: 60_000 });
    // Nothing reloads by itself: the task typed a moment ago is still here, still in the old build.
    await addTask(page, 'Typed while the update waited');
    await reloadIntoNextBuild(page);
    await expect(taskButton(page, 'Typed while the update waited')).toBeVisible();
    await expect(taskButton(page, 'Before the update')).toBeVisible();
    await expectOnlyNextBuildCache(page);
    await context.close();
  });
});

test('a new build that is ready before the first worker has claimed the page is still offered', async ({ browser }) => {
  // On a busy machine the first worker's activation (old caches deleted, then claim) can
  // outlast the new worker's install: the new build then waits while the page is not yet
  // controlled, and the page must offer it once it is. Here the first build's worker holds
  // its claim until the new build waits, so that order is certain.
  test.setTimeout(150_000);
  const CLAIM = '.then(() => self.clients.claim())';
  const holdClaim = (sw) => {
    expect(sw).toContain(CLAIM);
    return sw.replace(CLAIM, `.then(() => new Promise((resolve) => {
        if (self.__BUILD === "next-build") return resolve();
        const waited = setInterval(() => {
          if (self.registration.waiting) { clearInterval(waited); resolve(); }
        }, 50);
      }))${CLAIM}`);
  };
  await withCopy(async (baseURL, dir) => {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await welcome(page);
    // The first worker is active but has not claimed the page.
    expect(await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      return !!navigator.serviceWorker.controller;
    })).toBe(false);

    publishNextBuild(dir);
    await findNextBuild(page);
    await expect(page.getByText(BANNER)).toBeVisible({ timeout: 60_000 });
    await reloadIntoNextBuild(page);
    await expect(page.getByRole('heading', { name: 'Hello, Ana' })).toBeVisible();
    await expectOnlyNextBuildCache(page);
    await context.close();
  }, holdClaim);
});
