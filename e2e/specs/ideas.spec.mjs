import { test, expect } from '@playwright/test';
import { ADMIN, expectTouchFriendly, logIn, unique } from './helpers.mjs';

const ANI = { email: 'ani.wijaya@balai.demo', password: ADMIN.password };
const BUDI = { email: 'budi.siregar@balai.demo', password: ADMIN.password };

async function personPage(browser, who) {
  const page = await (await browser.newContext()).newPage();
  await logIn(page, who);
  return page;
}

test('one submits an idea, a colleague votes, a reviewer accepts it and the author hears', async ({ browser }) => {
  const ani = await personPage(browser, ANI);
  const budi = await personPage(browser, BUDI);

  await ani.goto('/ideas');
  await expect(ani.locator('.idea-row').first()).toBeVisible();
  await expectTouchFriendly(ani);
  const title = unique('Papan jadwal shift digital');
  await ani.getByText('Share an idea').click();
  await ani.getByLabel('Your idea, in a line').fill(title);
  await ani.getByLabel('What it changes and why').fill('Jadwal kertas sering hilang; papan digital di pantry.');
  await ani.getByRole('button', { name: 'Submit' }).click();
  await expect(ani).toHaveURL(/\/ideas\/[0-9A-Z]{26}$/);
  await expect(ani.getByRole('heading', { name: title })).toBeVisible();
  const url = ani.url();

  await budi.goto(url);
  const vote = budi.getByTestId('vote');
  await expect(vote).toHaveAttribute('aria-pressed', 'false');
  await expect(vote.locator('.vote-count')).toHaveText('0');
  await vote.click();
  await expect(vote).toHaveAttribute('aria-pressed', 'true');
  await expect(vote.locator('.vote-count')).toHaveText('1');
  await ani.reload();
  await expect(ani.getByTestId('vote').locator('.vote-count')).toHaveText('1');

  // Ani has read everything: the badge is gone before the reviewer acts.
  await ani.getByRole('link', { name: 'Notifications' }).click();
  await ani.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(ani.getByTestId('unread-count')).toHaveCount(0);
  await ani.goto(url);

  const admin = await personPage(browser, ADMIN);
  await admin.goto(url);
  await admin.getByRole('button', { name: 'Under review' }).click();
  await expect(admin.getByTestId('idea-status')).toHaveText('Under review');
  await admin.getByRole('button', { name: 'Accepted' }).click();
  await expect(admin.getByTestId('idea-status')).toHaveText('Accepted');
  await expect(admin.locator('.list-row', { hasText: 'Under review → Accepted' })).toBeVisible();

  // The author's badge rises without a reload (the 15 s poll), and the centre says what.
  await expect(ani.getByTestId('unread-count')).toHaveText('2', { timeout: 30_000 });
  await ani.getByRole('link', { name: /Notifications/ }).click();
  const note = ani.locator('.notification', { hasText: title }).first();
  await expect(note).toContainText('moved an idea you follow along');
  await note.locator('a').click();
  await expect(ani.getByTestId('idea-status')).toHaveText('Accepted');
});

test('colleagues discuss an idea, a reviewer thanks its author, and her page shows it', async ({ browser }) => {
  const ani = await personPage(browser, ANI);
  const title = unique('Rak helm di parkiran motor');
  await ani.goto('/ideas');
  await ani.getByText('Share an idea').click();
  await ani.getByLabel('Your idea, in a line').fill(title);
  await ani.getByLabel('What it changes and why').fill('Helm kurir menumpuk di lantai lobi.');
  await ani.getByLabel('Department it concerns (optional)').selectOption({ index: 1 });
  await ani.getByRole('button', { name: 'Submit' }).click();
  await expect(ani).toHaveURL(/\/ideas\/[0-9A-Z]{26}$/);
  await expect(ani.locator('.idea .chip', { hasText: '🏢' })).toBeVisible();
  const url = ani.url();

  const budi = await personPage(browser, BUDI);
  await budi.goto(url);
  await budi.getByPlaceholder('Write a comment').fill('Setuju, lobi jadi sempit tiap pagi.');
  await budi.getByRole('button', { name: 'Send' }).click();
  await expect(budi.locator('.comment', { hasText: 'lobi jadi sempit' })).toBeVisible();
  await expect(budi.getByTestId('thanks')).toHaveCount(0);

  const admin = await personPage(browser, ADMIN);
  await admin.goto(url);
  await expect(admin.locator('.comment', { hasText: 'lobi jadi sempit' })).toBeVisible();
  await admin.getByLabel('Thank the author (they will be notified)').fill('Terima kasih, Ani!');
  await admin.getByRole('button', { name: 'Say thanks' }).click();
  await expect(admin.getByTestId('thanks')).toContainText('Terima kasih, Ani!');
  await expect(admin.getByRole('button', { name: 'Say thanks' })).toHaveCount(0);

  // From the idea, the author's name leads to her page, which counts and shows the thanks.
  await budi.reload();
  await budi.locator('.idea a.author').click();
  await expect(budi).toHaveURL(/\/people\/[0-9A-Z]{26}$/);
  await expect(budi.getByTestId('profile')).toContainText('Ani');
  await expect(budi.getByTestId('contributions')).toContainText('thanks received');
  await expect(budi.locator('.list-row', { hasText: title })).toContainText('Terima kasih, Ani!');
  await expectTouchFriendly(budi);
});

test('a merge reads in the reader\'s language in both ideas\' histories, each linking the other', async ({ page }) => {
  await logIn(page);
  const original = unique('Jadwal shift digital');
  const duplicate = unique('Jadwal shift di layar');
  // Set up through the API, as the app sends it: two ideas, the second merged into the first.
  const originalId = await page.evaluate(async ([a, b]) => {
    const post = async (path, body) => (await fetch(path, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
    })).json();
    const o = await post('/api/ideas', { title: a, body: 'Usulan', category: 'process' });
    const d = await post('/api/ideas', { title: b, body: 'Usulan', category: 'process' });
    await post(`/api/ideas/${d.id}/merge`, { into: o.id });
    return o.id;
  }, [original, duplicate]);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Language').selectOption('id');

  await page.goto(`/ideas/${originalId}`);
  const merged = page.locator('.list-row', { hasText: 'digabung ke ide ini' });
  await expect(merged).toContainText(duplicate);
  await merged.getByRole('link', { name: duplicate }).click();
  await expect(page.locator('.list-row', { hasText: 'Digabung ke' }).getByRole('link', { name: original }))
    .toBeVisible();
  await expectTouchFriendly(page);
});

test('an idea written offline, and a vote, wait in the outbox and go out once the network is back', async ({ page, context }) => {
  await logIn(page);
  await page.goto('/ideas');
  await expect(page.locator('.idea-row').first()).toBeVisible();
  await page.getByRole('button', { name: 'Newest' }).click();
  await expect(page.locator('.idea-row').first()).toBeVisible();

  await context.setOffline(true);
  const title = unique('Rak helm di pos satpam');
  await page.getByText('Share an idea').click();
  await page.getByLabel('Your idea, in a line').fill(title);
  await page.getByLabel('What it changes and why').fill('Helm tamu sering tercecer; rak kecil di pos jaga.');
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Waiting for the network' })).toBeVisible();
  await expect(page.getByLabel('Your idea, in a line')).toHaveValue('');
  await expect(page.locator('.idea-row', { hasText: title })).toHaveCount(0);

  await context.setOffline(false);
  const row = page.locator('.idea-row', { hasText: title });
  await expect(row).toHaveCount(1, { timeout: 15_000 });

  // A vote given offline shows at once, waits, and counts once the network is back.
  await context.setOffline(true);
  await row.getByTestId('vote').click();
  await expect(row.getByTestId('vote')).toHaveAttribute('aria-pressed', 'true');
  await expect(row.locator('.vote-count')).toHaveText('1');
  await context.setOffline(false);
  await expect(async () => {
    await page.reload();
    await page.getByRole('button', { name: 'Newest' }).click();
    await expect(row).toHaveCount(1);
    await expect(row.locator('.vote-count')).toHaveText('1', { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
});
