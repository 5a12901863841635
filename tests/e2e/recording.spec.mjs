// Issue 17: a recorded explanation, made with Chromium's fake camera, microphone and
// screen, listed in a discussion with its title and length, played in the page, kept
// through an offline reload, downloaded as WebM, given an address, carried in a backup
// only when chosen, deleted (with undo) and brought back from that backup; and the
// plain messages when the browser refuses, when there is no camera and when the disk is
// full, with the title typed kept.
import { test, expect, chromium } from '@playwright/test';
import fs from 'node:fs';
import { CHROMIUM_ARGS, axe, makeLink, openLink, waitForServiceWorker, watchConsole, welcome } from './helpers.mjs';

const FAKE_MEDIA = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
  '--auto-select-desktop-capture-source=Entire screen'];

/** A browser of its own with these media flags (they are fixed at launch), one page in it. */
async function open(args) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...args] });
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'en-GB' });
  return { browser, context, page: await context.newPage() };
}

/** Another person in the same browser: a context of their own. */
async function another(browser, locale = 'en-US') {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale });
  return context.newPage();
}

async function startDiscussion(page, title) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Shared' }).click();
  await page.getByLabel('What needs deciding?').fill(title);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

/** Records for about `seconds` and waits until the recording is listed. */
async function record(page, source, title, seconds) {
  await page.getByLabel(source, { exact: true }).check();
  await page.locator('#rec-title').fill(title);
  await page.getByRole('button', { name: 'Start recording' }).click();
  await expect(page.getByRole('timer')).toHaveText(/^0:0\d of 5:00$/);
  await expect(page.locator('video.recording-preview')).toBeVisible();
  await page.waitForTimeout(seconds * 1000);
  await page.getByRole('button', { name: 'Stop recording' }).click();
  await expect(recording(page, title)).toBeVisible();
}

const recording = (page, title) => page.getByTestId('recording').filter({ hasText: title });

/** Plays the recording inline and returns what the video element reports. */
async function play(page, title) {
  await recording(page, title).getByRole('button', { name: 'Play' }).click();
  const video = recording(page, title).locator('video.recording-player');
  await expect(video).toBeVisible();
  await video.evaluate((v) => { v.muted = true; return v.play(); });
  await expect.poll(() => video.evaluate((v) => v.currentTime)).toBeGreaterThan(0.5);
  return video.evaluate((v) => ({ width: v.videoWidth, height: v.videoHeight }));
}

const bytesOf = async (download) => fs.readFileSync(await download.path());

test.describe('with a camera, a microphone and a screen', () => {
  test('record, play, reload offline, download, give an address, back up, delete and restore', async () => {
    const { browser, context, page } = await open(FAKE_MEDIA);
    const problems = watchConsole(page);
    await welcome(page, 'Ana');
    await startDiscussion(page, 'Pick a launch date');
    await record(page, 'Screen and camera', 'Why March', 2.5);
    const item = recording(page, 'Why March');
    await expect(item).toContainText(/0:0[23]/);
    const size = await play(page, 'Why March');
    expect(size.width).toBeGreaterThan(0);
    await item.getByRole('button', { name: 'Close the video' }).click();
    await expect(item.locator('video')).toBeHidden();

    // Only http(s) addresses; then teammates and older versions see it as a link.
    await item.getByLabel('Where you uploaded it (optional)').fill('javascript:alert(1)');
    await item.getByRole('button', { name: 'Save' }).click();
    await expect(item.getByRole('alert')).not.toBeEmpty();
    await item.getByLabel('Where you uploaded it (optional)').fill('https://videos.example/why-march');
    await item.getByRole('button', { name: 'Save' }).click();
    await expect(item.getByRole('link', { name: 'Watch where it was uploaded' })).toHaveAttribute('href', 'https://videos.example/why-march');
    // A title being typed survives another edit arriving in the document.
    await item.getByLabel('Title', { exact: true }).fill('Why March, not May');
    await page.locator('#link-url').fill('https://example.com/spec');
    await page.getByRole('button', { name: 'Add link' }).click();
    await expect(page.getByRole('link', { name: 'https://example.com/spec' })).toBeVisible();
    await expect(item.getByLabel('Title', { exact: true })).toHaveValue('Why March, not May');
    await item.getByLabel('Title', { exact: true }).fill('Why March');
    await axe(page, 'recordings in a discussion', '.recordings');

    // A second one, from the camera alone.
    await record(page, 'Camera', 'Hello from the camera', 1.5);
    await expect(page.getByTestId('recording')).toHaveCount(2);

    // Offline: the discussion, its recordings and the videos are all on the device.
    const address = page.url();
    await waitForServiceWorker(page);
    await context.setOffline(true);
    await page.goto(address);
    await expect(recording(page, 'Why March')).toBeVisible();
    expect((await play(page, 'Hello from the camera')).width).toBeGreaterThan(0);
    const [video] = await Promise.all([page.waitForEvent('download'),
      recording(page, 'Why March').getByRole('button', { name: 'Download' }).click()]);
    expect(video.suggestedFilename()).toBe('Why March.webm');
    const webm = await bytesOf(video);
    expect(webm.subarray(0, 4).toString('hex')).toBe('1a45dfa3');
    expect(webm.length).toBeGreaterThan(2000);
    // Recording works offline too (the recorder's clock is a precached worker file).
    await record(page, 'Camera', 'Made offline', 1);
    await expect(page.getByTestId('recording')).toHaveCount(3);
    await context.setOffline(false);

    for (const [scheme, size] of [['light', { width: 1280, height: 800 }], ['dark', { width: 390, height: 844 }]]) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize(size);
      await page.locator('.recordings').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `tests/e2e/screenshots/recordings-${size.width}-${scheme}.png` });
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 800 });

    // Settings: what is kept, and a backup with recordings only when asked.
    await page.goto('/settings');
    const kept = page.getByTestId('storage-use');
    await expect(kept.getByRole('row', { name: /^Recordings 3 / })).toBeVisible();
    await expect(page.getByTestId('backup-size')).not.toContainText('recording');
    const [plain] = await Promise.all([page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export backup' }).click()]);
    const plainBytes = await bytesOf(plain);
    expect(plainBytes[9]).toBe(2);
    await page.getByLabel(/^Include recordings \(3, /).check();
    await expect(page.getByTestId('backup-size')).toContainText('and 3 recordings');
    for (const [scheme, size] of [['light', { width: 1280, height: 800 }], ['dark', { width: 390, height: 844 }]]) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize(size);
      await page.getByTestId('kept-recordings').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `tests/e2e/screenshots/recordings-settings-${size.width}-${scheme}.png` });
    }
    await axe(page, 'Settings with recordings');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 800 });
    const [full] = await Promise.all([page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export backup' }).click()]);
    const fullBytes = await bytesOf(full);
    expect(fullBytes[9]).toBe(3);
    expect(fullBytes.length).toBeGreaterThan(plainBytes.length + webm.length);

    // Deleted from the device, with an undo; deleted again, then back from the backup.
    const del = () => page.getByRole('button', { name: /^Delete Why March, / }).click();
    await del();
    await expect(page.getByText('Deleted “Why March” from this browser.')).toBeVisible();
    await expect(kept.getByRole('row', { name: /^Recordings 2 / })).toBeVisible();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(kept.getByRole('row', { name: /^Recordings 3 / })).toBeVisible();
    await del();
    await expect(kept.getByRole('row', { name: /^Recordings 2 / })).toBeVisible();
    await page.goto(address);
    const gone = recording(page, 'Why March');
    await expect(gone.getByRole('link', { name: 'Watch where it was uploaded' })).toBeVisible();
    await expect(gone.getByRole('button', { name: 'Play' })).toHaveCount(0);
    await page.goto('/settings');
    await page.locator('#settings-import').setInputFiles({ name: 'backup.unhurried', mimeType: 'application/octet-stream', buffer: fullBytes });
    await expect(page.getByTestId('import-message')).toContainText('1 recording kept on this device.');
    await expect(kept.getByRole('row', { name: /^Recordings 3 / })).toBeVisible();
    await page.goto(address);
    await play(page, 'Why March');
    expect(problems).toEqual([]);
    await browser.close();
  });

  test('leaving the page while recording stops it and keeps the video', async () => {
    const { browser, page } = await open(FAKE_MEDIA);
    const problems = watchConsole(page);
    await welcome(page, 'Ana');
    await startDiscussion(page, 'Pick a launch date');
    await page.getByLabel('Camera', { exact: true }).check();
    await page.locator('#rec-title').fill('Cut short');
    await page.getByRole('button', { name: 'Start recording' }).click();
    await expect(page.getByRole('timer')).toHaveText(/of 5:00$/);
    await page.waitForTimeout(1000);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByTestId('kept-recordings')).toContainText('Cut short, 0:0');
    expect(problems).toEqual([]);
    await browser.close();
  });

  test('a full disk: the video can still be downloaded and the title typed is kept', async () => {
    const { browser, page } = await open(FAKE_MEDIA);
    await welcome(page, 'Ana');
    await startDiscussion(page, 'Budget for Q3');
    // The recordings' store refuses every write, as a full quota does.
    await page.evaluate(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (...args) {
        if (this.name === 'videos') throw new DOMException('full', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    await page.getByLabel('Camera', { exact: true }).check();
    await page.locator('#rec-title').fill('Budget walkthrough');
    await page.getByRole('button', { name: 'Start recording' }).click();
    await expect(page.getByRole('timer')).toHaveText(/of 5:00$/);
    await page.waitForTimeout(1200);
    await page.getByRole('button', { name: 'Stop recording' }).click();
    await expect(page.getByText(/storage is full, so the recording could not be kept here/)).toBeVisible();
    await expect(page.getByTestId('recording')).toHaveCount(0);
    await expect(page.locator('#rec-title')).toHaveValue('Budget walkthrough');
    const [video] = await Promise.all([page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the recording' }).click()]);
    expect(video.suggestedFilename()).toBe('Budget walkthrough.webm');
    expect((await bytesOf(video)).subarray(0, 4).toString('hex')).toBe('1a45dfa3');
    await browser.close();
  });
});

test.describe('what others see', () => {
  test('a teammate sees the title and length, then the address; a client sees only uploaded ones; meetings and SOPs record too', async () => {
    test.setTimeout(120_000);
    const { browser, page } = await open(FAKE_MEDIA);
    const problems = watchConsole(page);
    await welcome(page, 'Ana');
    await startDiscussion(page, 'Pick a launch date');
    await record(page, 'Camera', 'Walkthrough', 1.2);

    // Ben opens the discussion's link: the listing came, the video did not.
    const ben = await another(browser);
    await openLink(ben, await makeLink(page, 'Copy link'));
    const his = recording(ben, 'Walkthrough');
    await expect(his).toContainText(/Walkthrough · 0:0\d/);
    await expect(his.getByText('The video is on the device it was recorded on and has not been uploaded yet.')).toBeVisible();
    await expect(his.getByRole('button', { name: 'Play' })).toHaveCount(0);
    await expect(his.getByRole('button', { name: 'Download' })).toHaveCount(0);
    await axe(ben, 'a recording listed for a teammate', '.recordings');

    // Ana uploads it somewhere and says where; Ben's copy gets the address by link.
    const mine = recording(page, 'Walkthrough');
    await mine.getByLabel('Where you uploaded it (optional)').fill('https://videos.example/walkthrough');
    await mine.getByRole('button', { name: 'Save' }).click();
    await expect(mine.getByRole('link', { name: 'Watch where it was uploaded' })).toBeVisible();
    await openLink(ben, await makeLink(page, 'Copy link'));
    await expect(his.getByRole('link', { name: 'Watch where it was uploaded' })).toHaveAttribute('href', 'https://videos.example/walkthrough');
    await expect(his.getByText(/has not been uploaded yet/)).toBeHidden();

    // A meeting's brief and an SOP record the same way.
    for (const [kind, label, title] of [['Meeting', 'What is the meeting about?', 'Launch review'], ['SOP', 'What is the procedure?', 'Monthly invoices']]) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Shared' }).click();
      await page.getByRole('radio', { name: new RegExp(`^${kind}:`) }).check();
      await page.getByLabel(label).fill(title);
      await page.getByRole('button', { name: 'Start', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
      await record(page, 'Camera', `${title} explained`, 1);
    }

    // A client's dashboard: the client sees a recording once it has an address.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Chie');
    await page.locator('#person-zone').fill('Europe/London');
    await page.getByRole('button', { name: 'Add person' }).click();
    await page.getByLabel('Client').check();
    await page.getByRole('button', { name: 'Dashboard for Chie' }).click();
    await page.getByLabel('Project').fill('Shop relaunch');
    await page.getByLabel('Project').press('Tab');
    await record(page, 'Camera', 'Month in review', 1);
    await record(page, 'Camera', 'Draft for later', 1);
    const month = recording(page, 'Month in review');
    await month.getByLabel('Where you uploaded it (optional)').fill('https://videos.example/month');
    await month.getByRole('button', { name: 'Save' }).click();
    await expect(month.getByRole('link', { name: 'Watch where it was uploaded' })).toBeVisible();
    await page.getByRole('button', { name: 'Publish and get the link' }).click();
    const dashLink = await page.locator('#dashboard-link').inputValue();
    const chie = await another(browser, 'en-GB');
    await openLink(chie, dashLink);
    await expect(chie.getByRole('heading', { level: 1, name: 'Shop relaunch' })).toBeVisible();
    const card = chie.locator('section.card', { hasText: 'Recorded explanations' });
    await expect(card.getByRole('link')).toHaveText(['Month in review']);
    await expect(card.getByRole('link')).toHaveAttribute('href', 'https://videos.example/month');
    await expect(chie.getByText('Draft for later')).toHaveCount(0);
    // Reloaded, the owner's dashboard still lists both, with their videos here.
    await page.reload();
    await expect(page.getByTestId('recording')).toHaveCount(2);
    await expect(recording(page, 'Draft for later').getByRole('button', { name: 'Play' })).toBeVisible();
    expect(problems).toEqual([]);
    await browser.close();
  });
});

test.describe('when the browser refuses', () => {
  test('refused permissions are said plainly and nothing typed is lost', async () => {
    const { browser, page } = await open(['--use-fake-device-for-media-stream', '--deny-permission-prompts']);
    await welcome(page, 'Ana');
    await startDiscussion(page, 'Pick a launch date');
    await page.getByLabel('Camera', { exact: true }).check();
    await page.locator('#rec-title').fill('Kept while refused');
    await page.getByRole('button', { name: 'Start recording' }).click();
    await expect(page.getByText(/Recording needs your permission/)).toBeVisible();
    await expect(page.locator('#rec-title')).toHaveValue('Kept while refused');
    await expect(page.getByRole('button', { name: 'Start recording' })).toBeEnabled();
    await expect(page.getByTestId('recording')).toHaveCount(0);
    await browser.close();
  });
});

test.describe('with no camera', () => {
  test('no camera is said plainly', async () => {
    const { browser, page } = await open(['--use-fake-ui-for-media-stream']);
    await welcome(page, 'Ana');
    await startDiscussion(page, 'Pick a launch date');
    await page.getByLabel('Camera', { exact: true }).check();
    await page.getByRole('button', { name: 'Start recording' }).click();
    await expect(page.getByText(/No camera or microphone was found/)).toBeVisible();
    await browser.close();
  });
});
