// Timing script (a benchmark, not a test) for a client dashboard of 10 KPIs over 36
// months: publishing it (the click until the signed link is shown) and opening it (the
// link taken in by a running app until its ten charts are drawn; and a cold open, from
// navigation to the charts). Run after a release build:
//   cargo run --release --example perf_clients -- target/perf && node tests/perf/clients_timing.mjs
import path from 'node:path';
import { root, fmt, start, timeInPage } from './harness.mjs';

const { base, browser, stop } = await start(8097);

try {
  const owner = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Asia/Kolkata', bypassCSP: true })).newPage();
  await owner.goto(base + '/');
  await owner.locator('#welcome-import').setInputFiles(path.join(root, 'target/perf/clients.unhurried'));
  await owner.getByRole('heading', { name: 'Hello, Priya' }).waitFor();
  await owner.goto(base + '/team');
  await owner.getByRole('button', { name: 'Dashboard for Ben' }).click();
  await owner.getByRole('button', { name: 'Publish and get the link' }).waitFor();
  const publish = [];
  let link = '';
  for (let i = 0; i < 9; i++) {
    // A change first, so each publication is a new snapshot.
    await owner.getByLabel('Status in words').fill(`On track (${i})`);
    await owner.getByLabel('Status in words').press('Tab');
    publish.push(await timeInPage(owner,
      "window.__last = document.querySelector('#dashboard-link')?.value; [...document.querySelectorAll('button')].find((b) => b.textContent === 'Publish and get the link').click()",
      "const l = document.querySelector('#dashboard-link'); return !!l && l.value !== window.__last"));
    link = await owner.locator('#dashboard-link').inputValue();
  }
  const fragment = link.slice(link.indexOf('#'));

  const reader = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'America/New_York', bypassCSP: true })).newPage();
  const drawn = "return document.querySelectorAll('article.kpi').length === 10 && document.querySelectorAll('article.kpi svg rect').length === 360";
  const open = [];
  for (let i = 0; i < 9; i++) {
    await reader.goto(base + '/shared');
    await reader.getByRole('heading', { level: 1 }).first().waitFor();
    open.push(await timeInPage(reader, `location.hash = ${JSON.stringify(fragment)}`, drawn));
  }
  const cold = [];
  for (let i = 0; i < 5; i++) {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/London', bypassCSP: true })).newPage();
    await page.goto(link);
    await page.waitForFunction(new Function(drawn));
    cold.push(await page.evaluate(() => performance.now()));
    await page.context().close();
  }
  console.log(`Client dashboard, 10 KPIs x 36 months (link of ${link.length} characters):`);
  console.log(`  publish (click to link shown):   DOM ${fmt(publish.map((r) => r.dom))}; painted ${fmt(publish.map((r) => r.frame))}`);
  console.log(`  open in a running app, drawn:    DOM ${fmt(open.map((r) => r.dom))}; painted ${fmt(open.map((r) => r.frame))}`);
  console.log(`  cold open, navigation to drawn:  ${fmt(cold)}`);
} finally {
  await stop();
}
