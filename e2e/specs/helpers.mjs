import { expect } from '@playwright/test';

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
