// What the browser timing scripts share: the release build served on a port, Debian's
// Chromium, medians, and timing a change in the page.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run'];

export const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
export const fmt = (xs) => `median ${median(xs).toFixed(1)} ms (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)}, n=${xs.length})`;

/** Serves `dist` on `port` and launches Chromium: { base, browser, stop }. */
export async function start(port) {
  const server = spawn('node', ['scripts/serve.mjs', 'dist', String(port), '127.0.0.1'], { cwd: root, stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 500));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  return {
    base: `http://127.0.0.1:${port}`,
    browser,
    stop: async () => { await browser.close(); server.kill(); },
  };
}

// Runs `act` in the page and returns the time until the DOM has been updated (Leptos
// applies changes in microtasks, so they are done by the next task) and until the next
// frame after that (layout and paint included). `done` must then hold, or the figure
// would time nothing. (The page must be opened with `bypassCSP`: the functions are
// built from strings, which the app's CSP forbids.)
export async function timeInPage(page, act, done) {
  const r = await page.evaluate(async ([act, done]) => {
    const t0 = performance.now();
    new Function(act)();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const dom = performance.now() - t0;
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return { dom, frame: performance.now() - t0, ok: !!new Function(done)() };
  }, [act, done]);
  if (!r.ok) throw new Error(`the change did not show: ${done}`);
  return r;
}
