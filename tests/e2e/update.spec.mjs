// A new build replaces the old one safely: it waits, the person is asked, data stays.
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { welcome, addTask, taskButton, waitForServiceWorker } from './helpers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Beside the main test server's port, so two runs side by side do not collide.
const PORT = Number(process.env.E2E_PORT || 8091) + 2;

async function waitForServer(url) {
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(url)).ok) return; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no server at ${url}`);
}

test('a new build waits until the person reloads, and keeps their data', async ({ browser }) => {
  // Installing the new worker precaches the whole build (about 4 MB); with the other
  // specs running beside it on a 2-core machine this has taken over 45 s once.
  test.setTimeout(150_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unhurried-dist-'));
  fs.cpSync(path.join(root, 'dist'), dir, { recursive: true });
  const server = spawn('node', ['scripts/serve.mjs', dir, String(PORT), '127.0.0.1'], { cwd: root, stdio: 'ignore' });
  try {
    await waitForServer(`http://127.0.0.1:${PORT}/`);
    const context = await browser.newContext({ baseURL: `http://127.0.0.1:${PORT}` });
    const page = await context.newPage();
    await welcome(page);
    await page.goto('/tasks');
    await addTask(page, 'Before the update');
    await waitForServiceWorker(page);
    const oldBuild = fs.readFileSync(path.join(dir, 'sw.js'), 'utf8').match(/self\.__BUILD = "([^"]+)"/)[1];

    // Publish a "new build": a changed service worker.
    const sw = path.join(dir, 'sw.js');
    fs.writeFileSync(sw, fs.readFileSync(sw, 'utf8').replace(`self.__BUILD = "${oldBuild}"`, 'self.__BUILD = "next-build"'));
    // The new worker precaches about 3 MB before it waits; on a busy machine an update
    // check can also land while the first worker is still settling, so ask again until
    // the banner shows.
    await expect(async () => {
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
      await expect(page.getByText('A new version of Unhurried is ready.')).toBeVisible({ timeout: 10_000 });
    }).toPass({ timeout: 110_000 });
    // Nothing reloads by itself: the task typed a moment ago is still here, still in the old build.
    await addTask(page, 'Typed while the update waited');
    await Promise.all([
      page.waitForEvent('framenavigated'),
      page.getByRole('button', { name: 'Reload now' }).click(),
    ]);
    await expect(taskButton(page, 'Typed while the update waited')).toBeVisible();
    await expect(taskButton(page, 'Before the update')).toBeVisible();
    const caches = await page.evaluate(() => caches.keys());
    expect(caches).toEqual(['unhurried-next-build']);
    await context.close();
  } finally {
    server.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
