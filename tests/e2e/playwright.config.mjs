// Playwright against the release build in dist/, in Debian's Chromium (never a downloaded one).
import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const PORT = Number(process.env.E2E_PORT || 8091);

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.mjs$/,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  retries: 0,
  outputDir: path.join(root, 'test-results'),
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // Times and numbers follow the browser's locale; the specs expect en-GB's (24-hour
    // clocks), and locale.spec.mjs tries en-US and en-IN explicitly.
    locale: 'en-GB',
    browserName: 'chromium',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: `node scripts/serve.mjs dist ${PORT} 127.0.0.1`,
    cwd: root,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
