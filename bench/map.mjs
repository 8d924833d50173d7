// Map benchmark: opens the map page as the seeded admin (10,000 places in the bench data set)
// in headless Chromium at a phone viewport, and prints, over a few cold loads:
// - the places answer: size on the wire and time;
// - draw: the app's own `map-draw` measure (10,000 markers into Leaflet.markercluster);
// - navigation start → clusters on screen.
//   node bench/map.mjs <base url> [runs]
import { chromium } from 'playwright-core';

const [base, runs = '5'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const phone = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const login = await browser.newContext(phone);
const res = await login.request.post(`${base}/api/auth/login`, {
  headers: { origin: base }, data: { email: 'admin@balai.demo', password: 'balai-demo-2026' },
});
if (!res.ok()) throw new Error(`login: ${res.status()}`);
const storage = await login.storageState();
await login.close();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
for (let i = 0; i < Number(runs); i++) {
  // A fresh context each run: nothing cached, no service worker yet.
  const context = await browser.newContext({ ...phone, storageState: storage, serviceWorkers: 'block' });
  const page = await context.newPage();
  let answer = null;
  page.on('response', async (r) => {
    if (new URL(r.url()).pathname === '/api/places') {
      const body = await r.body();
      answer = { bytes: body.length, places: JSON.parse(body).places.length, ms: r.request().timing().responseEnd };
    }
  });
  await page.goto(`${base}/map`);
  await page.waitForSelector('.marker-cluster', { timeout: 60_000 });
  const [onScreen, draw] = await page.evaluate(() => [
    performance.now(),
    performance.getEntriesByName('map-draw').map((e) => e.duration).pop() ?? NaN,
  ]);
  rows.push({ onScreen, draw, ...answer });
  await context.close();
}
await browser.close();

const places = rows[0].places;
console.log(`| places drawn | answer (JSON, uncompressed) | answer time p50 | draw p50 | nav → clusters on screen p50 |`);
console.log(`|---:|---:|---:|---:|---:|`);
console.log(`| ${places.toLocaleString('en')} | ${(rows[0].bytes / 1024).toFixed(0)} KB | ${median(rows.map((r) => r.ms)).toFixed(0)} ms `
  + `| ${median(rows.map((r) => r.draw)).toFixed(0)} ms | ${median(rows.map((r) => r.onScreen)).toFixed(0)} ms |`);
console.log(`(${runs} cold loads; a desktop-class CPU without throttling, so a mid-range phone takes a few times longer)`);
