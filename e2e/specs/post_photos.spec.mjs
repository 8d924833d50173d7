import { test, expect } from '@playwright/test';
import { expectTouchFriendly, logIn, pngFile, serviceWorkerActivated, unique } from './helpers.mjs';

/** Whether every photo on the card has loaded (a broken image has no natural width). */
async function photosShown(card) {
  // The feed's photos load lazily: one below the fold (under other tests' pinned
  // announcements) loads once it is scrolled to, as a person would.
  await card.scrollIntoViewIfNeeded();
  const widths = await card.locator('.post-photos img').evaluateAll((imgs) => imgs.map((i) => i.complete && i.naturalWidth));
  return widths.length > 0 && widths.every((w) => w > 0);
}

test('a post with photos: chosen, one removed, posted, shown on the card, on the whole screen and on its page', async ({ page }) => {
  await logIn(page);
  const text = unique('Display baru di toko Malang');
  await page.getByLabel('Share news with the company…').fill(text);
  // A phone photo far larger than the feed needs: scaled down before it goes up.
  await page.locator('#composer-photos').setInputFiles([
    pngFile('display.png', 2400, 1800, [200, 80, 40]),
    pngFile('rak.png', 300, 300, [40, 120, 200]),
    pngFile('salah.png', 300, 300, [90, 90, 90]),
  ]);
  await expect(page.locator('.photo-previews img')).toHaveCount(3);
  await expectTouchFriendly(page);
  await page.getByRole('button', { name: 'Remove this photo' }).last().click();
  await expect(page.locator('.photo-previews img')).toHaveCount(2);
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/posts') && r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Post', exact: true }).click(),
  ]);
  expect(answer.status()).toBe(201);
  const sent = JSON.parse(answer.request().postData()).photos;
  expect(sent).toHaveLength(2);
  // 2400 × 1800 scaled to 1600 × 1200 as JPEG, base64 of a few dozen KB, not megabytes.
  expect(Buffer.from(sent[0], 'base64').subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
  expect(sent[0].length).toBeLessThan(400_000);
  await expect(page.locator('.photo-previews img')).toHaveCount(0);

  const card = page.locator('.feed article.post', { hasText: text });
  await expect(card.getByRole('img', { name: 'Photo 1/2' })).toBeVisible();
  await expect.poll(() => photosShown(card)).toBe(true);
  await expect.poll(() => card.locator('.post-photos img').first().evaluate((i) => [i.naturalWidth, i.naturalHeight]))
    .toEqual([1600, 1200]);
  await expectTouchFriendly(page);

  // A tap opens it on the whole screen, in the app; the post's other photo is a tap away.
  await card.getByRole('button', { name: 'Photo 1/2' }).click();
  const viewer = page.getByRole('dialog');
  await expect(viewer).toHaveAccessibleName('Photo 1/2');
  await expect(viewer.getByRole('button', { name: 'Close' })).toBeFocused();
  await expectTouchFriendly(page);
  await viewer.getByRole('button', { name: 'Next photo' }).click();
  await expect(viewer).toHaveAccessibleName('Photo 2/2');
  await expect(viewer.getByRole('img')).toHaveJSProperty('naturalWidth', 300);
  await page.keyboard.press('Escape');
  await expect(viewer).toHaveCount(0);

  await page.reload();
  await expect.poll(() => photosShown(card)).toBe(true);
  await card.getByRole('link', { name: /Comments/ }).click();
  await expect(page).toHaveURL(/\/p\//);
  await expect.poll(() => photosShown(page.locator('article.post'))).toBe(true);
  await page.getByRole('button', { name: 'Photo 2/2' }).click();
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('a photo posted offline waits with its post and goes out when the network is back', async ({ page, context }) => {
  await logIn(page);
  await serviceWorkerActivated(page);
  await page.reload();
  await expect(page.locator('.feed article.post').first()).toBeVisible();
  await context.setOffline(true);
  await page.locator('#composer-photos').setInputFiles([pngFile('gudang.png', 640, 480, [30, 160, 90])]);
  await expect(page.locator('.photo-previews img')).toHaveCount(1);
  // A photo may speak for itself: no text needed.
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(page.getByText('Waiting for the network')).toBeVisible();
  await expect(page.locator('.photo-previews img')).toHaveCount(0);
  await context.setOffline(false);
  const card = page.locator('.feed article.post').first();
  await expect(card.getByRole('img', { name: 'Photo 1/1' })).toBeVisible({ timeout: 15_000 });
  await expect.poll(() => photosShown(card)).toBe(true);
});

test('the demo feed has posts with photos, in Bahasa Indonesia too', async ({ page }) => {
  await logIn(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Language').selectOption('id');
  await page.getByRole('link', { name: 'Beranda' }).click();
  const withPhoto = page.locator('.feed article.post', { has: page.locator('.post-photos') }).first();
  await expect(withPhoto.getByRole('img', { name: 'Foto 1/1' })).toBeVisible();
  await expect.poll(() => photosShown(withPhoto)).toBe(true);
});
