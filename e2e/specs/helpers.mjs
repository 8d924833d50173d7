import { expect } from '@playwright/test';
import zlib from 'node:zlib';

export const ADMIN = { email: 'admin@balai.demo', password: 'balai-demo-2026' };

export async function logIn(page, { email, password } = ADMIN) {
  await page.goto('/login');
  await page.getByLabel('Email or login').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('navigation')).toBeVisible();
}

/** Something unique, so tests never collide with seeded data or each other. */
export function unique(prefix) {
  return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Every visible touch target is at least 44 × 44 px and nothing overflows the phone's width. */
export async function expectTouchFriendly(page) {
  const small = await page.evaluate(() =>
    // (A map's counted clusters are tapped too.)
    [...document.querySelectorAll('button, a, input, textarea, select, summary, .leaflet-marker-icon')]
      .filter((el) => el.offsetParent !== null && !el.closest('.post-body'))
      // A control inside its label is touched through the whole label.
      .map((el) => ({ el: el.outerHTML.slice(0, 80), ...(el.closest('label') ?? el).getBoundingClientRect().toJSON() }))
      .filter((r) => r.height < 44 || r.width < 44));
  expect(small).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(overflow).toBe(false);
}

/**
 * Waits until the page's service worker has finished activating. `navigator.serviceWorker.ready`
 * resolves as soon as a worker is active, which includes "activating": its clean-up of older
 * builds' files and its claim of the page may still be running.
 */
export async function serviceWorkerActivated(page) {
  await page.evaluate(async () => {
    const worker = (await navigator.serviceWorker.ready).active;
    if (worker.state === 'activated') return;
    await new Promise((resolve) => worker.addEventListener('statechange', () => {
      if (worker.state === 'activated') resolve();
    }));
  });
}

/** A real `width` × `height` PNG of one colour, as a phone's gallery would hand the browser. */
export function pngFile(name, width, height, [r, g, b]) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (kind, data) => {
    const body = Buffer.concat([Buffer.from(kind), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array(width).fill([r, g, b]).flat())]);
  const pixels = zlib.deflateSync(Buffer.concat(Array(height).fill(row)));
  const buffer = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0)),
  ]);
  return { name, mimeType: 'image/png', buffer };
}

// Holds back the answers to the requests matching `pattern` that `held(url)` picks, to make
// them arrive after later ones. Returns `deliver`: it lets them through, waits for them, and
// for two frames, by which the app has read them and drawn whatever it chose to. page.route
// sees the app's requests only when no service worker answers them.
export async function holdAnswers(page, pattern, held) {
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  await page.route(pattern, async (route) => {
    if (!held(route.request().url())) return route.continue();
    const response = await route.fetch();
    await gate;
    return route.fulfill({ response });
  });
  return async () => {
    const late = page.waitForResponse((r) => pattern.test(r.url()) && held(r.url()));
    release();
    await late;
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  };
}
