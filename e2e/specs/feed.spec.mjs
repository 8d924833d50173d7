import { test, expect } from '@playwright/test';
import { expectTouchFriendly, logIn, unique } from './helpers.mjs';

test('the demo admin posts, comments and likes, and it is all there after a reload', async ({ page }) => {
  await logIn(page);
  // The seeded company is alive: the feed is full.
  await expect(page.locator('.feed article.post')).toHaveCount(20);

  const text = unique('Rapat koordinasi cabang');
  await page.getByLabel('Share news with the company…').fill(`**${text}**`);
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  const first = page.locator('.feed article.post').first();
  await expect(first).toContainText(text);
  await expect(first.locator('strong')).toHaveText(text);

  await first.getByRole('button', { name: /Like/ }).click();
  await expect(first.getByRole('button', { name: /Unlike/ })).toHaveAttribute('aria-pressed', 'true');

  await first.getByRole('link', { name: /Comments/ }).click();
  await expect(page).toHaveURL(/\/p\//);
  const comment = unique('Siap, saya hadir');
  await page.getByLabel('Write a comment…').fill(comment);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.locator('.comment')).toContainText(comment);

  await page.reload();
  await expect(page.locator('article.post')).toContainText(text);
  await expect(page.locator('.comment')).toContainText(comment);
  await expect(page.getByRole('button', { name: /Unlike/ })).toContainText('1');

  await page.goto('/');
  await expect(page.locator('.feed article.post').first()).toContainText(text);
  await expect(page.locator('.feed article.post').first().getByRole('link', { name: /Comments/ })).toContainText('1');
});

test('a comment\'s author corrects it in place; it says it was edited', async ({ page }) => {
  await logIn(page);
  await page.locator('.feed article.post').first().getByRole('link', { name: /Comments/ }).click();
  const typo = unique('Siap, saya hadri');
  await page.getByLabel('Write a comment…').fill(typo);
  await page.getByRole('button', { name: 'Send' }).click();
  await page.locator('.comment', { hasText: typo }).getByRole('button', { name: 'Edit' }).click();
  // While it is edited, the comment is its form: the text to correct, Cancel and Save.
  const editor = page.locator('.comment', { has: page.getByRole('textbox', { name: 'Edit' }) });
  await expect(editor.getByRole('textbox')).toHaveValue(typo);
  await expectTouchFriendly(page);
  await editor.getByRole('textbox').fill(typo.replace('hadri', '*hadir*'));
  await editor.getByRole('button', { name: 'Save' }).click();
  const corrected = page.locator('.comment', { hasText: typo.replace('hadri', 'hadir') });
  await expect(corrected.locator('em')).toHaveText('hadir');
  await expect(corrected).toContainText('edited');
  await page.reload();
  await expect(corrected).toContainText('edited');
});

test('load more pages through the feed by cursor', async ({ page }) => {
  await logIn(page);
  await expect(page.locator('.feed article.post')).toHaveCount(20);
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(page.locator('.feed article.post')).toHaveCount(40);
});

test('every touch target is at least 44px and nothing overflows at 360px', async ({ page }) => {
  await logIn(page);
  await expect(page.locator('.feed article.post').first()).toBeVisible();
  await expectTouchFriendly(page);
});

test('the app speaks Bahasa Indonesia when asked', async ({ page }) => {
  await logIn(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Language').selectOption('id');
  await expect(page.getByRole('link', { name: 'Pengaturan' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Keluar', exact: true })).toBeVisible();
  await page.getByLabel('Bahasa').selectOption('en');
  await expect(page.getByRole('button', { name: 'Log out', exact: true })).toBeVisible();
});

test('the server answers in Bahasa Indonesia too: a wrong password says so in the app\'s language', async ({ page }) => {
  await logIn(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Language').selectOption('id');
  await page.getByRole('button', { name: 'Keluar', exact: true }).click();
  await page.getByLabel('Email atau nama login').fill('budi.siregar@balai.demo');
  await page.getByLabel('Kata sandi').fill('not-the-password');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('alert')).toHaveText('Email atau kata sandi salah.');
});

test.describe('on a slow network', () => {
  // page.route sees the app's requests only when no service worker answers them.
  test.use({ serviceWorkers: 'block' });

  test('a tag saved as a filter is a chip on the home feed, which does not wait for the announcements', async ({ page }) => {
    await logIn(page);
    const tag = `kpi${Date.now().toString(36)}`;
    await page.getByLabel('Share news with the company…').fill(`Target bulan ini #${tag}`);
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await expect(page.locator('.feed article.post').first()).toContainText(tag);

    await page.goto(`/t/${tag}`);
    page.once('dialog', (dialog) => dialog.accept(`KPI ${tag}`));
    await page.getByRole('button', { name: 'Save as a filter' }).click();
    await expect(page.getByRole('status')).toBeVisible();

    // The announcements answer 4 s late; the saved chips must not wait for them.
    await page.route('**/api/announcements', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 4000));
      await route.continue();
    });
    await page.goto('/');
    const chip = page.getByRole('link', { name: `KPI ${tag}` });
    await expect(chip).toBeVisible({ timeout: 3000 });
    await expectTouchFriendly(page);
    await chip.click();
    await expect(page).toHaveURL(new RegExp(`/t/${tag}$`));
    await expect(page.locator('article.post').first()).toContainText(`#${tag}`);
  });
});
