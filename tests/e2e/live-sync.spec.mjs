// Issue 15: two people keep a discussion and a stand-up board in sync through a real
// automerge-repo sync server (scripts/sync-server.mjs, started and stopped here): edits
// arrive by themselves, each sees who else has the board open, offline edits are sent when the network returns, a server killed
// mid-session and restarted on the same data folder loses nothing, and a wrong address or
// a server speaking something else gives a plain message and loses nothing.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { WebSocketServer } from 'ws';
import { welcome, watchConsole, makeLink, openLink, axe } from './helpers.mjs';
import { startServer, stopServer } from './sync-server.mjs';

/** The browser's own console message for a WebSocket that could not connect. */
const refused = (message) => /^WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/' failed/.test(message);

/** A port nothing listens on. */
async function closedPort() {
  const s = net.createServer();
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address();
  await new Promise((r) => s.close(r));
  return port;
}

async function useServer(page, url) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Sync server address').fill(url);
  await page.getByRole('button', { name: 'Use this server' }).click();
  await expect(page.getByTestId('sync-saved')).toContainText('This device now syncs through');
}

async function startShared(page, kind, title) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Shared' }).click();
  if (kind === 'board') {
    await page.getByLabel('Stand-up board').check();
    await page.getByLabel('Whose stand-up?').fill(title);
  } else {
    await page.getByLabel('What needs deciding?').fill(title);
  }
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

/** Turns live sync on for the document on screen, through the plain warning. */
async function keepInSync(page, host) {
  await page.getByRole('button', { name: `Keep in sync on ${host}` }).click();
  await expect(page.getByRole('alertdialog')).toContainText('stores this document unencrypted');
  await expect(page.getByRole('button', { name: 'Keep it in sync' })).toBeFocused();
  await page.getByRole('button', { name: 'Keep it in sync' }).click();
  await expect(page.getByTestId('sync-state')).toContainText(`In sync on ${host}`);
}

const thread = (page) => page.locator('section[aria-labelledby="comments-head"]');

async function comment(page, text) {
  await thread(page).getByLabel('Add a comment').fill(text);
  await thread(page).getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(thread(page).locator('.comment-text', { hasText: text })).toBeVisible();
}

const comments = (page) => thread(page).locator('.comment-text');

test.describe.configure({ mode: 'serial' });

let dir;
test.beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unhurried-sync-e2e-')); });
test.afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('two people keep a discussion in sync through the server, offline and across a server restart', async ({ browser }) => {
  let server = await startServer(path.join(dir, 'discussion'));
  const host = `127.0.0.1:${server.port}`;
  const ctxA = await browser.newContext();
  const ctxB = await browser.newContext();
  const a = await ctxA.newPage();
  const b = await ctxB.newPage();
  const problemsA = watchConsole(a);
  const problemsB = watchConsole(b);
  try {
    await welcome(a, 'Ana');
    // Plain ws:// is refused for a server on the internet.
    await a.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await a.getByLabel('Sync server address').fill('ws://sync.example.com');
    await a.getByRole('button', { name: 'Use this server' }).click();
    await expect(a.locator('#sync-server-error')).toContainText('Use wss:// for a server on the internet');
    await useServer(a, server.url);
    await expect(a.getByTestId('sync-status')).toContainText('No document is kept in sync yet');

    await startShared(a, 'discussion', 'Where do we meet in May?');
    await keepInSync(a, host);
    await comment(a, 'Lisbon?');
    const link = await makeLink(a, 'Copy link');
    expect(link).toContain(`&sync=ws://${host}`);
    expect(link).toMatch(/&am=automerge:[1-9A-HJ-NP-Za-km-z]+$/);

    // Ben has never used the app: he opens the link, reads at once, and is offered the
    // server with the same plain warning.
    await openLink(b, link);
    await expect(b.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    await expect(b.getByRole('heading', { level: 1, name: 'Where do we meet in May?' })).toBeVisible();
    const offer = b.getByRole('region', { name: 'Keep in sync' });
    await expect(offer).toContainText(`This document is kept in sync on ${host}.`);
    await expect(offer).toContainText('stores this document unencrypted');
    await axe(b, 'the offer to keep a document in sync', '.live-sync');
    await offer.getByRole('button', { name: `Keep in sync on ${host}` }).click();
    await expect(b.getByTestId('sync-state')).toContainText(`In sync on ${host}`);

    // Edits arrive by themselves, both ways.
    await comment(a, 'Or Porto, closer to the office.');
    await expect(comments(b)).toHaveText(['Lisbon?', 'Or Porto, closer to the office.'], { timeout: 5_000 });
    // Ana's keyboard focus stays where it is while changes arrive.
    await a.getByRole('button', { name: 'Stop syncing' }).focus();
    // His first comment asks his name there and then.
    await thread(b).getByLabel('Add a comment').fill('Porto works for me.');
    await thread(b).getByRole('button', { name: 'Comment', exact: true }).click();
    await b.getByLabel('Your name, as others will see it').fill('Ben');
    await b.locator('.name-prompt').getByRole('button', { name: 'Post' }).click();
    await expect(thread(b).locator('.comment-text', { hasText: 'Porto works for me.' })).toBeVisible();
    await expect(comments(a)).toContainText(['Porto works for me.'], { timeout: 5_000 });
    await expect(a.getByRole('button', { name: 'Stop syncing' })).toBeFocused();

    // Ben goes offline, writes, and Ana writes meanwhile; back online, both converge.
    await ctxB.setOffline(true);
    await expect(b.getByTestId('sync-state')).toContainText('Offline: nothing waiting');
    await comment(b, 'Written on the train.');
    await expect(b.getByTestId('sync-state')).toContainText(/Offline: \d+ changes? waiting/);
    await comment(a, 'Booked a room for Tuesday.');
    await ctxB.setOffline(false);
    await expect(comments(a)).toContainText(['Written on the train.'], { timeout: 10_000 });
    await expect(comments(b)).toContainText(['Booked a room for Tuesday.'], { timeout: 10_000 });
    await expect(b.getByTestId('sync-state')).toContainText(`In sync on ${host}`);

    // The server is killed mid-session: Ana keeps writing, and is told plainly.
    await stopServer(server, 'SIGKILL');
    await expect(a.getByTestId('sync-state')).toContainText('Server unreachable since', { timeout: 10_000 });
    await comment(a, 'Written while the server was down.');
    await expect(a.getByTestId('sync-state')).toContainText(/Server unreachable since .*: \d+ changes? waiting/);
    // At least one attempt to reconnect has failed before the server returns.
    await expect.poll(() => problemsA.filter(refused).length, { timeout: 10_000 }).toBeGreaterThan(0);
    // Restarted on the same data folder and port: both reconnect by themselves.
    server = await startServer(path.join(dir, 'discussion'), server.port);
    await expect(a.getByTestId('sync-state')).toContainText(`In sync on ${host}`, { timeout: 30_000 });
    await expect(comments(b)).toContainText(['Written while the server was down.'], { timeout: 30_000 });
    const all = ['Lisbon?', 'Or Porto, closer to the office.', 'Porto works for me.', 'Written on the train.',
      'Booked a room for Tuesday.', 'Written while the server was down.'];
    for (const page of [a, b]) {
      expect((await comments(page).allTextContents()).sort()).toEqual([...all].sort());
    }

    // A reload reconnects from the kept settings.
    await b.reload();
    await expect(b.getByTestId('sync-state')).toContainText(`In sync on ${host}`);
    await comment(b, 'After a reload.');
    await expect(comments(a)).toContainText(['After a reload.'], { timeout: 5_000 });
    // While the server was down the browser logged each attempt to reach it (its own
    // message, which a page cannot silence); nothing else may have gone wrong.
    expect(problemsA.filter((p) => !refused(p))).toEqual([]);
    expect(problemsB.filter((p) => !refused(p))).toEqual([]);
  } finally {
    await ctxA.close();
    await ctxB.close();
    await stopServer(server);
  }
});

test('a stand-up board stays in sync: cards and statuses arrive by themselves', async ({ browser }) => {
  const server = await startServer(path.join(dir, 'board'));
  const host = `127.0.0.1:${server.port}`;
  const ctxA = await browser.newContext();
  const ctxB = await browser.newContext();
  const a = await ctxA.newPage();
  const b = await ctxB.newPage();
  try {
    await welcome(a, 'Ana');
    await useServer(a, server.url);
    await startShared(a, 'board', 'Design team');
    await keepInSync(a, host);
    const link = await makeLink(a, 'Copy link');
    await welcome(b, 'Ben');
    // Ben already uses the same server: the offer needs one click.
    await useServer(b, server.url);
    await openLink(b, link);
    await b.getByRole('region', { name: 'Keep in sync' }).getByRole('button', { name: `Keep in sync on ${host}` }).click();
    await expect(b.getByTestId('sync-state')).toContainText(`In sync on ${host}`);
    // Each sees who else has the board open.
    await expect(a.getByTestId('sync-state')).toContainText('Ben has it open');
    await expect(b.getByTestId('sync-state')).toContainText('Ana has it open');

    await a.getByLabel('New card').fill('Write specs');
    await a.getByLabel('Column', { exact: true }).selectOption({ label: 'Doing' });
    await a.getByRole('button', { name: 'Add card' }).click();
    await expect(b.locator('li.work-card .card-title', { hasText: 'Write specs' })).toBeVisible({ timeout: 5_000 });

    await b.getByLabel('Done', { exact: true }).fill('Icons');
    await b.getByLabel('Doing next').fill('Checkout flow');
    await b.locator('.status-form').getByRole('button', { name: /status$/ }).click();
    await expect(a.locator('.status-card[aria-label^="Ben"]')).toContainText('Checkout flow', { timeout: 5_000 });
    // Ben leaves the board: Ana no longer sees him there.
    await b.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Shared' }).click();
    await expect(a.getByTestId('sync-state')).not.toContainText('has it open');
  } finally {
    await ctxA.close();
    await ctxB.close();
    await stopServer(server);
  }
});

test('a wrong address and a server that sends garbage give a plain message and lose nothing', async ({ page }) => {
  const problems = watchConsole(page);
  await welcome(page, 'Ana');
  const port = await closedPort();
  await useServer(page, `ws://127.0.0.1:${port}`);
  await startShared(page, 'discussion', 'Offsite');
  await page.getByRole('button', { name: `Keep in sync on 127.0.0.1:${port}` }).click();
  await page.getByRole('button', { name: 'Keep it in sync' }).click();
  await expect(page.getByTestId('sync-state')).toContainText('Server unreachable since', { timeout: 15_000 });
  await comment(page, 'Kept here whatever the server does.');
  // Never synced: the server may have none of it, and the line says so.
  await expect(page.getByTestId('sync-state')).toContainText(/Server unreachable since .*: not on the server yet/);

  // A server that answers with bytes that are not Automerge's protocol.
  const garbage = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((r) => garbage.once('listening', r));
  garbage.on('connection', (socket) => {
    socket.on('message', () => socket.send(Buffer.from([0xff, 0x00, 0x13, 0x37, 0xde, 0xad, 0xbe, 0xef])));
  });
  try {
    const gport = garbage.address().port;
    await useServer(page, `ws://127.0.0.1:${gport}`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Shared' }).click();
    await page.getByRole('link', { name: 'Offsite' }).click();
    await expect(page.getByTestId('sync-state')).toContainText("does not speak Automerge's sync protocol", { timeout: 15_000 });
    await comment(page, 'Still writing.');
    await page.reload();
    await expect(comments(page)).toHaveText(['Kept here whatever the server does.', 'Still writing.']);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByTestId('sync-status')).toContainText("does not speak Automerge's sync protocol");
  } finally {
    await new Promise((r) => garbage.close(r));
  }
  expect(problems.filter((p) => !refused(p))).toEqual([]);
});

test('screenshots of live sync at desktop and phone size, light and dark', async ({ browser }) => {
  const shots = path.join(path.dirname(new URL(import.meta.url).pathname), 'screenshots');
  const server = await startServer(path.join(dir, 'shots'));
  const host = `127.0.0.1:${server.port}`;
  try {
    for (const [size, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
      for (const scheme of ['light', 'dark']) {
        const ctxA = await browser.newContext({ viewport, colorScheme: scheme });
        const ctxB = await browser.newContext({ viewport, colorScheme: scheme });
        const a = await ctxA.newPage();
        const b = await ctxB.newPage();
        const shot = async (page, name, top = true) => {
          if (top) await page.evaluate(() => window.scrollTo(0, 0));
          await page.screenshot({ path: path.join(shots, `${size}-${scheme}-${name}.png`), animations: 'disabled' });
        };
        await welcome(a, 'Ana');
        await useServer(a, server.url);
        await startShared(a, 'discussion', 'Where do we meet in May?');
        await a.getByRole('button', { name: `Keep in sync on ${host}` }).click();
        await shot(a, 'sync-warning');
        await axe(a, 'the warning before keeping a document in sync', '.live-sync');
        await a.getByRole('button', { name: 'Keep it in sync' }).click();
        await expect(a.getByTestId('sync-state')).toContainText(`In sync on ${host}`);
        await comment(a, 'Lisbon?');
        await shot(a, 'sync-in-sync');
        const link = await makeLink(a, 'Copy link');
        await welcome(b, 'Ben');
        await openLink(b, link);
        await expect(b.getByRole('region', { name: 'Keep in sync' })).toBeVisible();
        await shot(b, 'sync-offer');
        await ctxA.setOffline(true);
        await comment(a, 'Written on the train.');
        await expect(a.getByTestId('sync-state')).toContainText('Offline: 1 change waiting');
        await shot(a, 'sync-offline');
        await ctxA.setOffline(false);
        await a.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
        await a.getByLabel('Sync server address').scrollIntoViewIfNeeded();
        await expect(a.getByTestId('sync-status')).toContainText('1 document kept in sync');
        await shot(a, 'sync-settings', false);
        await axe(a, 'the live sync settings');
        await ctxA.close();
        await ctxB.close();
      }
    }
  } finally {
    await stopServer(server);
  }
});
