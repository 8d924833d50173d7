// Reporting: a colleague flags a post or a comment; the moderators hear of it and keep it or
// remove it from their queue. At a phone's 360 px, in English and in Bahasa Indonesia.
import { test, expect } from '@playwright/test';
import { ADMIN, expectTouchFriendly, logIn, unique } from './helpers.mjs';

const BUDI = { email: 'budi.siregar@balai.demo', password: ADMIN.password };
const DEWI = { email: 'dewi.santoso@balai.demo', password: ADMIN.password };

/** `who` posts `body` from the feed and opens it; answers the post's path. */
async function postAndOpen(page, body) {
  await page.getByPlaceholder('Share news with the company…').fill(body);
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  const card = page.locator('.feed article.post').first();
  await expect(card).toContainText(body);
  await card.getByRole('link', { name: /Comments/ }).click();
  await expect(page).toHaveURL(/\/p\/[0-9A-Z]{26}$/);
  return new URL(page.url()).pathname;
}

test('a colleague reports a post; a moderator hears of it and removes it', async ({ browser }) => {
  const budi = await (await browser.newContext()).newPage();
  await logIn(budi, BUDI);
  const body = unique('Jual pulsa murah, hubungi saya');
  const path = await postAndOpen(budi, body);
  // One's own post has no Report button: it is edited or deleted instead.
  await expect(budi.getByRole('button', { name: '⚑ Report' })).toHaveCount(0);

  const dewi = await (await browser.newContext()).newPage();
  await logIn(dewi, DEWI);
  await dewi.goto(path);
  await dewi.getByRole('button', { name: '⚑ Report' }).first().click();
  const form = dewi.locator('form.report-form');
  await form.getByLabel('Spam or advertising').check();
  await form.getByLabel('Note for the moderators').fill('Iklan pribadi di feed perusahaan');
  await expectTouchFriendly(dewi);
  await form.getByRole('button', { name: 'Send report' }).click();
  await expect(dewi.getByRole('status')).toHaveText('Reported. Thank you: a moderator will look at it.');

  // The admin's notification centre says who reported, and leads to the queue.
  const admin = await (await browser.newContext()).newPage();
  await logIn(admin);
  await admin.getByRole('link', { name: 'Notifications' }).click();
  const heard = admin.locator('.notification').filter({ hasText: 'Dewi Santoso reported something for review' });
  await expect(heard.first()).toBeVisible({ timeout: 15_000 });
  await heard.first().getByRole('link').click();
  await expect(admin).toHaveURL(/\/moderation$/);
  const item = admin.locator('article.reported').filter({ hasText: body });
  await expect(item).toContainText('Spam or advertising');
  await expect(item).toContainText('Iklan pribadi di feed perusahaan');
  await expect(item).toContainText('Dewi Santoso');
  await expectTouchFriendly(admin);
  admin.once('dialog', (d) => d.accept());
  await item.getByRole('button', { name: 'Remove it' }).click();
  await expect(item.getByRole('status')).toHaveText('Removed for everyone.');

  // Gone for everyone, and out of the queue.
  await budi.reload();
  await expect(budi.getByText(body)).toHaveCount(0);
  await admin.reload();
  await expect(admin.locator('article.reported').filter({ hasText: body })).toHaveCount(0);

  // Budi hears that a moderator removed it, though never who reported it.
  await budi.goto('/notifications');
  const told = budi.locator('.notification').filter({ hasText: 'removed something you wrote' }).first();
  await expect(told).toBeVisible();
  await expect(told).not.toContainText('Dewi');
  // The post is gone, but its author is shown which it was.
  await expect(told).toContainText(body);

  // Dewi hears how her report ended. The post is gone, so it leads nowhere else.
  await dewi.getByRole('link', { name: 'Notifications' }).click();
  const outcome = dewi.locator('.notification').filter({ hasText: 'removed what you reported' }).first();
  await expect(outcome).toBeVisible();
  await outcome.getByRole('link').click();
  await expect(dewi).toHaveURL(/\/notifications$/);
});

test('in Bahasa Indonesia a comment is reported, and a moderator keeps it', async ({ browser }) => {
  const budi = await (await browser.newContext()).newPage();
  await logIn(budi, BUDI);
  const path = await postAndOpen(budi, unique('Rapat gudang besok'));
  const words = unique('Rapatnya dipindah ke jam 10');
  await budi.getByPlaceholder('Write a comment…').fill(words);
  await budi.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(budi.locator('.comment').filter({ hasText: words })).toBeVisible();

  const dewi = await (await browser.newContext()).newPage();
  await logIn(dewi, DEWI);
  await dewi.evaluate(() => localStorage.setItem('balai.lang', 'id'));
  await dewi.goto(path);
  const comment = dewi.locator('.comment').filter({ hasText: words });
  await comment.getByRole('button', { name: '⚑ Laporkan' }).click();
  const form = comment.locator('form.report-form');
  await form.getByLabel('Salah atau menyesatkan').check();
  await expectTouchFriendly(dewi);
  await form.getByRole('button', { name: 'Kirim laporan' }).click();
  await expect(comment.getByRole('status')).toHaveText('Sudah dilaporkan. Terima kasih: moderator akan memeriksanya.');

  const admin = await (await browser.newContext()).newPage();
  await logIn(admin);
  await admin.evaluate(() => localStorage.setItem('balai.lang', 'id'));
  await admin.goto('/notifications');
  // The moderators' notification quotes the comment, unread until it is decided.
  const told = admin.locator('.notification').filter({ hasText: words });
  await expect(told.getByTestId('quote')).toHaveText(words);
  await expect(told).toHaveClass(/unread/);
  await admin.getByRole('link', { name: '⚑ Laporan untuk ditinjau' }).click();
  const item = admin.locator('article.reported').filter({ hasText: words });
  await expect(item).toContainText('Komentar');
  await expect(item).toContainText('Salah atau menyesatkan');
  await expectTouchFriendly(admin);
  await item.getByRole('button', { name: 'Biarkan' }).click();
  await expect(item.getByRole('status')).toHaveText('Dibiarkan: laporannya ditutup.');
  // Decided, so nothing is left to do: its notification is read.
  await admin.goto('/notifications');
  await expect(told).toBeVisible();
  await expect(told).not.toHaveClass(/unread/);
  // The comment stays, and Dewi hears so; the notification leads back to it.
  await budi.reload();
  await expect(budi.locator('.comment').filter({ hasText: words })).toBeVisible();
  await dewi.goto('/notifications');
  const outcome = dewi.locator('.notification')
    .filter({ hasText: 'meninjau yang Anda laporkan dan membiarkannya' }).first();
  await expect(outcome.getByTestId('quote')).toHaveText(words);
  await expectTouchFriendly(dewi);
  await outcome.getByRole('link').click();
  await expect(dewi).toHaveURL(new RegExp(`${path}$`));
});
