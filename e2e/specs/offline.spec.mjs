import { test, expect } from '@playwright/test';
import { ADMIN, logIn, serviceWorkerActivated, unique } from './helpers.mjs';

const ANI = { email: 'ani.wijaya@balai.demo', password: ADMIN.password };

test('with the network cut, the shell still loads, says it is offline, and shows what was seen', async ({ page, context }) => {
  await logIn(page);
  await expect(page.locator('.feed article.post').first()).toBeVisible();
  // Wait until the service worker controls the page, so it has cached the shell.
  await serviceWorkerActivated(page);
  await page.reload();
  await expect(page.locator('.feed article.post').first()).toBeVisible();
  const firstText = await page.locator('.feed article.post').first().textContent();

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'You are offline' })).toBeVisible();
  await expect(page.locator('.feed article.post').first()).toContainText(firstText.slice(0, 20));

  // A post written offline waits, then goes out when the network is back.
  const text = unique('Laporan dari lapangan');
  await page.getByLabel('Share news with the company…').fill(text);
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(page.getByText('Waiting for the network')).toBeVisible();
  await context.setOffline(false);
  await expect(page.locator('.feed article.post').first()).toContainText(text, { timeout: 15_000 });
  await page.reload();
  await expect(page.locator('.feed article.post').filter({ hasText: text })).toHaveCount(1);
});

test('a comment written offline waits in the outbox and joins the thread when the network is back', async ({ page, context }) => {
  await logIn(page);
  await page.locator('.feed article.post').first().getByRole('link', { name: /Comments/ }).click();
  await expect(page).toHaveURL(/\/p\//);
  await expect(page.getByLabel('Write a comment…')).toBeVisible();

  await context.setOffline(true);
  const comment = unique('Sudah dicek di gudang');
  await page.getByLabel('Write a comment…').fill(comment);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Waiting for the network' })).toBeVisible();
  await expect(page.getByLabel('Write a comment…')).toHaveValue('');
  await expect(page.locator('.comment', { hasText: comment })).toHaveCount(0);

  await context.setOffline(false);
  await expect(page.locator('.comment', { hasText: comment })).toHaveCount(1, { timeout: 15_000 });
  await page.reload();
  await expect(page.locator('.comment', { hasText: comment })).toHaveCount(1);
});

test('a like given offline is kept and reaches the server when the network is back', async ({ page, context }) => {
  await logIn(page);
  const text = unique('Stok semen tiba di gudang Medan');
  await page.getByLabel('Share news with the company…').fill(text);
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  const card = page.locator('.feed article.post', { hasText: text });
  await expect(card).toHaveCount(1);

  await context.setOffline(true);
  await card.getByRole('button', { name: /Like/ }).click();
  await expect(card.getByRole('button', { name: /Unlike/ })).toHaveAttribute('aria-pressed', 'true');
  await context.setOffline(false);
  await expect(async () => {
    await page.reload();
    await expect(page.locator('.feed article.post', { hasText: text }).getByRole('button', { name: /Unlike/ }))
      .toContainText('1', { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
});

test('security headers: a CSP with wasm-unsafe-eval and nothing unsafe-inline', async ({ request }) => {
  const res = await request.get('/');
  const csp = res.headers()['content-security-policy'];
  expect(csp).toContain("'wasm-unsafe-eval'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toMatch(/'unsafe-eval'/);
  const manifest = await (await request.get('/manifest.webmanifest')).json();
  expect(manifest.display).toBe('standalone');
  expect(manifest.icons.map((i) => i.sizes)).toEqual(['192x192', '512x512']);
});

test('offline, a colleague\'s work page seen before still opens, with their photo', async ({ page, context }) => {
  await logIn(page);
  await serviceWorkerActivated(page);
  await page.reload();
  await page.getByRole('link', { name: 'People' }).click();
  const row = page.getByTestId('person').filter({ has: page.locator('img.avatar') }).first();
  const name = (await row.locator('strong').textContent()).trim();
  await row.locator('.person-link').click();
  const photo = page.locator('.profile-head img.avatar');
  await expect(photo).toBeVisible();
  await expect.poll(() => photo.evaluate((img) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  const url = page.url();

  await context.setOffline(true);
  await page.goto(url);
  await expect(page.getByRole('status').filter({ hasText: 'You are offline' })).toBeVisible();
  await expect(page.locator('.profile-head h1')).toContainText(name);
  await expect.poll(() => photo.evaluate((img) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await context.setOffline(false);
});

test('a draft is its writer\'s alone: gone at logout, never shown to the next person on the phone', async ({ page, context }) => {
  const composer = page.getByLabel('Share news with the company…');
  await logIn(page);
  const mine = unique('Catatan untuk rapat direksi');
  await composer.fill(mine);
  await page.reload();
  await expect(composer).toHaveValue(mine);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Log out', exact: true }).click();
  await logIn(page, ANI);
  await expect(composer).toHaveValue('');

  // A session can also end without logging out (timed out, or ended by an admin). Her own
  // draft waits for her; the next person to log in here does not see it.
  const hers = unique('Draf laporan stok');
  await composer.fill(hers);
  await context.clearCookies();
  await logIn(page, ANI);
  await expect(composer).toHaveValue(hers);
  await context.clearCookies();
  await logIn(page);
  await expect(composer).toHaveValue('');
});

test('a comment being written is kept until it is sent, and is its writer\'s alone', async ({ page }) => {
  await logIn(page);
  await page.locator('.feed article.post').first().getByRole('link', { name: /Comments/ }).click();
  const field = page.getByLabel('Write a comment…');
  const thread = page.url();
  const words = unique('Sudah saya cek di gudang, stoknya');
  await field.fill(words);
  // The phone dropped the page in the background: opened again, the words are there.
  await page.reload();
  await expect(field).toHaveValue(words);
  // Someone else logging in on this phone does not find them.
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Log out', exact: true }).click();
  await logIn(page, ANI);
  await page.goto(thread);
  await expect(field).toBeVisible();
  await expect(field).toHaveValue('');
  await field.fill(words);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.locator('.comment').last()).toContainText(words);
  await expect(field).toHaveValue('');
  // Once sent, it is not written again.
  await page.reload();
  await expect(page.locator('.comment').last()).toContainText(words);
  await expect(field).toHaveValue('');
});

test('a new idea and a question to leadership are kept until sent, as posts and comments are', async ({ page }) => {
  await logIn(page, ANI);
  await page.goto('/ideas');
  await page.getByText('Share an idea').click();
  const title = unique('Jadwal bus antar-gudang');
  await page.getByLabel('Your idea, in a line').fill(title);
  await page.getByLabel('What it changes and why').fill('Sopir menunggu tanpa tahu jadwal.');
  await page.reload();
  await page.getByText('Share an idea').click();
  await expect(page.getByLabel('Your idea, in a line')).toHaveValue(title);
  await expect(page.getByLabel('What it changes and why')).toHaveValue('Sopir menunggu tanpa tahu jadwal.');
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await page.goto('/ideas');
  await page.getByText('Share an idea').click();
  await expect(page.getByLabel('Your idea, in a line')).toHaveValue('');
  await expect(page.getByLabel('What it changes and why')).toHaveValue('');

  await page.goto('/round-tables');
  await page.getByRole('link', { name: /Ask the board: November/ }).click();
  const question = unique('Kapan kantin cabang Medan dibuka');
  await page.getByLabel('Your question').fill(question);
  await page.reload();
  await expect(page.getByLabel('Your question')).toHaveValue(question);
  await page.getByRole('button', { name: 'Ask', exact: true }).click();
  await expect(page.locator('.question', { hasText: question })).toBeVisible();
  await expect(page.getByLabel('Your question')).toHaveValue('');
  await page.reload();
  await expect(page.locator('.question', { hasText: question })).toBeVisible();
  await expect(page.getByLabel('Your question')).toHaveValue('');
});

test.describe('when the network comes back with the wrong answer', () => {
  // page.route sees the app's requests only when no service worker answers them.
  test.use({ serviceWorkers: 'block' });

  /** Writes a comment on the first post with the network cut; answers its text. */
  async function commentOffline(page, context, prefix) {
    await logIn(page);
    await page.locator('.feed article.post').first().getByRole('link', { name: /Comments/ }).click();
    await expect(page.getByLabel('Write a comment…')).toBeVisible();
    await context.setOffline(true);
    const comment = unique(prefix);
    await page.getByLabel('Write a comment…').fill(comment);
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Waiting for the network' })).toBeVisible();
    return comment;
  }

  test('a wifi login page answering instead of Balai loses nothing: the comment waits and goes out once', async ({ page, context }) => {
    const comment = await commentOffline(page, context, 'Foto serah terima barang');
    // A hotel's or a port's wifi answers every request with its own login page first.
    let portal = true;
    let portalAnswers = 0;
    await page.route('**/api/posts/*/comments', (route) => {
      if (!portal) return route.continue();
      portalAnswers += 1;
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<html>Login Wi-Fi</html>' });
    });
    await context.setOffline(false);
    await expect.poll(() => portalAnswers).toBeGreaterThan(0);
    expect(await page.evaluate(() => localStorage.getItem('balai.outbox'))).toContain('Foto serah terima');
    await expect(page.locator('.comment', { hasText: comment })).toHaveCount(0);
    await expect(page.getByTestId('refused-writes')).toHaveCount(0);

    // Logged in to the wifi: the next time the network comes back, the comment goes out.
    portal = false;
    await context.setOffline(true);
    await context.setOffline(false);
    await expect(page.locator('.comment', { hasText: comment })).toHaveCount(1, { timeout: 15_000 });
    await page.reload();
    await expect(page.locator('.comment', { hasText: comment })).toHaveCount(1);
  });

  test('a write the server refuses is shown with the reason and the text, not dropped in silence', async ({ page, context }) => {
    const comment = await commentOffline(page, context, 'Catatan shift malam');
    // Meanwhile the post was deleted.
    await page.route('**/api/posts/*/comments', (route) => route.fulfill({
      status: 404,
      contentType: 'application/json',
      body: JSON.stringify({ code: 'not_found', message: 'That post does not exist.' }),
    }));
    await context.setOffline(false);
    const notice = page.getByTestId('refused-writes');
    await expect(notice).toContainText('Written offline, not sent');
    await expect(notice).toContainText('That post does not exist.');
    await expect(notice.locator('blockquote')).toHaveText(comment);
    await expect.poll(() => page.evaluate(() => localStorage.getItem('balai.outbox'))).toBeNull();
    await page.goto('/');
    await expect(notice).toBeVisible();
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toHaveCount(0);
    await page.reload();
    await expect(page.locator('.feed article.post').first()).toBeVisible();
    await expect(notice).toHaveCount(0);
  });
});
