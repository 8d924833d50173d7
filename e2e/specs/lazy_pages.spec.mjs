// Pages outside the first screen live in their own WASM chunks (app/src/chunks.rs), fetched on
// first visit and kept by the service worker for offline use.
import { test, expect } from '@playwright/test';
import { logIn, serviceWorkerActivated } from './helpers.mjs';

const wasmFetched = (page) => {
  const seen = [];
  page.on('request', (req) => {
    const file = new URL(req.url()).pathname.slice(1);
    if (file.endsWith('.wasm')) seen.push(file.replace(/-[0-9a-f]{16}/, ''));
  });
  return seen;
};

test('the feed needs only the main module; a page fetches its chunk on first visit', async ({ page }) => {
  const seen = wasmFetched(page);
  await logIn(page);
  await expect(page.locator('.feed article.post').first()).toBeVisible();
  expect(seen).toEqual(['balai-app_bg.wasm']);

  await page.getByRole('link', { name: 'People' }).click();
  await expect(page.getByTestId('person').first()).toBeVisible();
  expect(seen).toContain('split_people.wasm');
  expect(seen.some((f) => f.startsWith('split_') && f !== 'split_people.wasm')).toBe(false);
});

test('offline, a page never opened before still opens: the service worker kept its chunk', async ({ page, context }) => {
  await logIn(page);
  await serviceWorkerActivated(page);
  // The worker fetches every chunk at install, in the background.
  await expect.poll(() => page.evaluate(async () => {
    const keys = await (await caches.open('balai-shell-v1')).keys();
    return keys.some((k) => /\/split_groups-[0-9a-f]{16}\.wasm$/.test(k.url));
  }), { timeout: 20_000 }).toBe(true);
  await page.reload();
  await expect(page.locator('.feed article.post').first()).toBeVisible();

  await context.setOffline(true);
  await page.getByRole('link', { name: 'Groups' }).click();
  await expect(page.getByRole('heading', { name: 'Groups' })).toBeVisible();
  await context.setOffline(false);
});

test('a chunk that cannot be fetched says so, and "Try again" loads it', async ({ browser }) => {
  // No service worker: the chunk request really goes to the (failing) network.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.route(/\/split_groups-[0-9a-f]{16}\.wasm$/, (route) => route.abort('internetdisconnected'));
  await logIn(page);
  await page.getByRole('link', { name: 'Groups' }).click();
  await expect(page.getByText('This page could not be loaded')).toBeVisible();
  await page.unroute(/\/split_groups-[0-9a-f]{16}\.wasm$/);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('.group-row').first()).toBeVisible();
  await context.close();
});

test('a new service worker keeps this build\'s files and drops an older build\'s', async ({ page }) => {
  await logIn(page);
  const shellCache = () => page.evaluate(async () =>
    (await (await caches.open('balai-shell-v1')).keys()).map((k) => new URL(k.url).pathname));
  // Put only once activation's own clean-up is over, or it could take the old file already.
  await serviceWorkerActivated(page);
  await page.evaluate(async () => {
    await (await caches.open('balai-shell-v1')).put('/split_groups-0000000000000000.wasm', new Response('old build'));
    await (await navigator.serviceWorker.getRegistration()).unregister();
  });
  expect(await shellCache()).toContain('/split_groups-0000000000000000.wasm');
  // The app registers its worker again: it installs (this build's files) and activates.
  await page.reload();
  await serviceWorkerActivated(page);
  await expect.poll(shellCache).not.toContain('/split_groups-0000000000000000.wasm');
  const files = await shellCache();
  expect(files.some((f) => /^\/split_groups-[0-9a-f]{16}\.wasm$/.test(f))).toBe(true);
  expect(files.some((f) => /^\/balai-app-[0-9a-f]{16}_bg\.wasm$/.test(f))).toBe(true);
  expect(files).toContain('/vendor/leaflet-1.9.4/leaflet.js');
});
