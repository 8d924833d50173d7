// An order everyone must confirm: the admin announces it asking for confirmation, a colleague
// confirms on the feed, and the admin sees who has not yet.
import { test, expect } from '@playwright/test';
import { logIn, unique, expectTouchFriendly } from './helpers.mjs';

const BUDI = { email: 'budi.siregar@balai.demo', password: 'balai-demo-2026' };
const CITRA = { email: 'citra.simanjuntak@balai.demo', password: 'balai-demo-2026' };

/** The demo admin, logged in, announces `text` asking everyone to confirm; answers the admin's
 *  page and the order's card in the feed. */
async function announceOrder(browser, text) {
  const admin = await (await browser.newContext()).newPage();
  await logIn(admin);
  await admin.getByLabel('Share news with the company…').fill(text);
  await admin.getByLabel('Announce to everyone, pinned for 7 days').check();
  await admin.getByLabel('Ask everyone to confirm they have read it').check();
  await admin.getByRole('button', { name: 'Post', exact: true }).click();
  return { admin, mine: admin.locator('.feed article.post', { hasText: text }) };
}

test('an announcement asks everyone to confirm; a colleague confirms and the admin sees who has not', async ({ browser }) => {
  const text = unique('Instruksi: rompi wajib di dermaga');
  const { admin, mine } = await announceOrder(browser, text);
  // Its author has confirmed by writing it.
  await expect(mine.getByTestId('ack')).toContainText('✓ You confirmed');
  await expect(mine.getByTestId('ack')).toContainText('1 confirmed');

  const budi = await (await browser.newContext()).newPage();
  await logIn(budi, BUDI);
  // The feed's card (the pinned one above it may arrive later and take `first`).
  const order = budi.locator('.feed article.post', { hasText: text });
  // Pinned above the feed and in it: once both are there, pressing one confirms both.
  const cards = budi.locator('article.post', { hasText: text });
  await expect(cards).toHaveCount(2);
  await order.getByRole('button', { name: '✓ I have read this' }).click();
  await expect(order.getByTestId('ack')).toContainText('✓ You confirmed');
  await expect(order.getByTestId('ack')).toContainText('2 confirmed');
  await expect(cards.getByTestId('ack').filter({ hasText: '✓ You confirmed' })).toHaveCount(2);
  await expect(cards.getByRole('button', { name: '✓ I have read this' })).toHaveCount(0);
  // So does a like.
  await order.locator('.post-actions button[aria-pressed="false"]').click();
  const liked = cards.locator('.post-actions button[aria-pressed="true"]');
  await expect(liked).toHaveCount(2);
  await expect(liked.nth(0)).toContainText('♥ 1');
  await expect(liked.nth(1)).toContainText('♥ 1');
  await expectTouchFriendly(budi);
  // Confirmed stays confirmed.
  await budi.reload();
  await expect(budi.locator('.feed article.post', { hasText: text }).getByTestId('ack'))
    .toContainText('✓ You confirmed');

  await mine.getByRole('link', { name: /Comments/ }).click();
  const report = admin.getByTestId('ack-report');
  await expect(report.locator('h2')).toContainText(/^2 of \d+ confirmed$/);
  await expect(report).toContainText('Citra Simanjuntak');
  await expect(report.locator('.list-row', { hasText: 'Budi Siregar' })).toHaveCount(0);
  await expect(report.locator('.list-row', { hasText: 'Sari Admin' })).toHaveCount(0);
  await expectTouchFriendly(admin);

  // In the field, without a network: the confirmation waits and goes out when it is back.
  const citraContext = await browser.newContext();
  const citra = await citraContext.newPage();
  await logIn(citra, CITRA);
  const seen = citra.locator('.feed article.post', { hasText: text });
  await expect(seen.getByRole('button', { name: '✓ I have read this' })).toBeVisible();
  await citraContext.setOffline(true);
  await seen.getByRole('button', { name: '✓ I have read this' }).click();
  await expect(seen.getByRole('status')).toContainText('Waiting for the network');
  await expect(seen.getByTestId('ack')).toContainText('✓ You confirmed');
  await citraContext.setOffline(false);
  await expect(async () => {
    await admin.reload();
    await expect(report.locator('h2')).toContainText(/^3 of \d+ confirmed$/, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await expect(report.locator('.list-row', { hasText: 'Citra Simanjuntak' })).toHaveCount(0);
});

test('who follows up reminds those who have not confirmed, once a day; the reminder leads to the order', async ({ browser }) => {
  const text = unique('Instruksi: kunci gudang setiap malam');
  const { admin, mine } = await announceOrder(browser, text);
  await mine.getByRole('link', { name: /Comments/ }).click();
  const report = admin.getByTestId('ack-report');
  const remind = report.getByRole('button', { name: 'Remind those who have not confirmed' });
  await expect(remind).toBeVisible();
  await expectTouchFriendly(admin);
  await remind.click();
  await expect(report.getByTestId('reminded')).toContainText('Reminded');
  await expect(remind).toHaveCount(0);
  // Once a day: after a reload it says when, not the button.
  await admin.reload();
  await expect(report.getByTestId('reminded')).toBeVisible();
  await expect(remind).toHaveCount(0);

  const budi = await (await browser.newContext()).newPage();
  await logIn(budi, BUDI);
  await budi.getByRole('link', { name: 'Notifications' }).click();
  // Besides the announcement's own notification.
  const item = budi.locator('.notification', { hasText: text })
    .filter({ hasText: 'Sari Admin reminds you to confirm you have read' });
  await expect(item).toHaveCount(1);
  await expectTouchFriendly(budi);
  await item.getByRole('link').click();
  const order = budi.locator('article.post', { hasText: text }).first();
  await order.getByRole('button', { name: '✓ I have read this' }).click();
  await expect(order.getByTestId('ack')).toContainText('✓ You confirmed');
});
