import { test, expect } from '@playwright/test';
import { ADMIN, expectTouchFriendly, logIn, unique } from './helpers.mjs';

const BUDI = { email: 'budi.siregar@balai.demo', password: ADMIN.password };
const DEWI = { email: 'dewi.santoso@balai.demo', password: ADMIN.password };

test('a mention reaches the person: the badge rises without a reload, and the centre says who', async ({ browser }) => {
  const context = await browser.newContext();
  // The Badging API, as an installed app has it: what the app puts on its icon is recorded.
  await context.addInitScript(() => {
    window.badges = [];
    navigator.setAppBadge = (count) => { window.badges.push(count); return Promise.resolve(); };
  });
  const budi = await context.newPage();
  const iconBadge = () => budi.evaluate(() => window.badges.at(-1));
  await logIn(budi, BUDI);
  await budi.getByRole('link', { name: 'Notifications' }).click();
  await budi.getByRole('button', { name: 'Mark all as read' }).click();
  await budi.getByRole('link', { name: 'Feed' }).click();
  await expect(budi.getByTestId('unread-count')).toHaveCount(0);

  const admin = await (await browser.newContext()).newPage();
  await logIn(admin);
  const body = unique('Tolong cek laporan');
  await admin.getByPlaceholder('Share news with the company…').fill(`**${body}** @budi.siregar`);
  await admin.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(admin.locator('.feed article.post').first()).toContainText(body);
  await expect(admin.locator('.feed article.post').first().getByRole('link', { name: '@budi.siregar' })).toBeVisible();

  // Budi's open app polls: the badge shows 1 without any reload, on the app's icon too.
  await expect(budi.getByTestId('unread-count')).toHaveText('1', { timeout: 25_000 });
  await expect.poll(iconBadge).toBe(1);
  await budi.getByRole('link', { name: 'Notifications' }).click();
  const item = budi.locator('.notification').first();
  await expect(item).toContainText('Sari Admin mentioned you');
  // The post's words, without its markdown.
  await expect(item.locator('.snippet')).toHaveText(`${body} @budi.siregar`);
  await expectTouchFriendly(budi);
  await item.getByRole('link').click();
  await expect(budi.locator('article.post').first()).toContainText(body);
  await expect(budi.getByTestId('unread-count')).toHaveCount(0);
  await expect.poll(iconBadge).toBe(0);

  // Budi finds Sari by name and follows her: her post is in his "Following" feed.
  await budi.goto('/search?q=sari');
  const row = budi.getByTestId('person-hit').filter({ hasText: 'Sari Admin' });
  // (A run before this one on the same database may have followed her already.)
  const follow = row.getByRole('button', { name: /^(Follow|Following ✓)$/ });
  if ((await follow.textContent()).trim() === 'Follow') await follow.click();
  await expect(row.getByRole('button', { name: 'Following ✓' })).toBeVisible();
  // Found again, the people come with whether Budi follows them: no button asks for his follows.
  const followsAsked = [];
  budi.on('request', (r) => { if (new URL(r.url()).pathname === '/api/follows') followsAsked.push(r.method()); });
  await budi.reload();
  await expect(row.getByRole('button', { name: 'Following ✓' })).toBeVisible();
  expect(followsAsked).toEqual([]);
  await budi.getByRole('link', { name: 'Feed' }).click();
  await budi.getByRole('button', { name: 'Following', exact: true }).click();
  await expect(budi.locator('.feed article.post').first()).toContainText(body);
});

test('what one follows is listed in Settings, named and linked, and unfollowed there', async ({ browser }) => {
  const budi = await (await browser.newContext()).newPage();
  await logIn(budi, BUDI);
  await budi.goto('/search?q=sari');
  const hit = budi.getByTestId('person-hit').filter({ hasText: 'Sari Admin' });
  const follow = hit.getByRole('button', { name: /^(Follow|Following ✓)$/ });
  if ((await follow.textContent()).trim() === 'Follow') await follow.click();
  await expect(hit.getByRole('button', { name: 'Following ✓' })).toBeVisible();

  await budi.getByRole('link', { name: 'Settings' }).click();
  const list = budi.locator('section', { has: budi.getByRole('heading', { name: 'What I follow' }) });
  const sari = list.locator('li', { has: budi.getByRole('link', { name: 'Sari Admin', exact: true }) });
  await expect(sari).toBeVisible();
  await expectTouchFriendly(budi);
  await sari.getByRole('button', { name: 'Unfollow' }).click();
  await expect(sari).toHaveCount(0);
  await budi.reload();
  await expect(list.getByRole('heading', { name: 'What I follow' })).toBeVisible();
  await expect(sari).toHaveCount(0);
  // Her button says so too.
  await budi.goto('/search?q=sari');
  await expect(hit.getByRole('button', { name: 'Follow', exact: true })).toBeVisible();
});

test('a comment is quoted in the centre and opens its post at it, as a search hit does; likes are counted in words', async ({ browser }) => {
  const budi = await (await browser.newContext()).newPage();
  await logIn(budi, BUDI);
  const body = unique('Foto serah terima gudang');
  // Long enough that its comments start below the fold of a phone.
  const steps = Array.from({ length: 30 }, (_, i) => `${i + 1}. Periksa rak ${i + 1}`).join('\n');
  await budi.getByPlaceholder('Share news with the company…').fill(`${body}\n\n${steps}`);
  await budi.getByRole('button', { name: 'Post', exact: true }).click();
  const card = budi.locator('.feed article.post').first();
  await expect(card).toContainText(body);
  await card.getByRole('link', { name: /Comments/ }).click();
  await expect(budi).toHaveURL(/\/p\/[0-9A-Z]{26}$/);
  const path = new URL(budi.url()).pathname;

  // Sari comments and likes it; Dewi likes it.
  const words = unique('Mantap, **rapi** sekali');
  for (const [who, comment] of [[ADMIN, words], [DEWI, null]]) {
    const page = await (await browser.newContext()).newPage();
    await logIn(page, who);
    await page.goto(path);
    if (comment) {
      await page.getByPlaceholder('Write a comment…').fill(comment);
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await expect(page.locator('.comment').filter({ hasText: 'sekali' })).toBeVisible();
    }
    await page.locator('article.post').first().getByRole('button', { name: /Like/ }).click();
    await expect(page.getByRole('button', { name: /Unlike/ })).toHaveAttribute('aria-pressed', 'true');
  }

  await budi.goto('/notifications');
  const liked = budi.locator('.notification').filter({ hasText: body }).filter({ hasText: 'liked' });
  await expect(liked.locator('strong')).toHaveText('Dewi Santoso and 1 other liked your post');
  const commented = budi.locator('.notification').filter({ hasText: 'commented on your post' }).first();
  // The comment's words, without their markdown, above the post's.
  await expect(commented.getByTestId('quote')).toHaveText(words.replace('**rapi**', 'rapi'));
  await expect(commented).toContainText(body);
  await expectTouchFriendly(budi);
  // It opens the post at the comment, marked, far below the post's start.
  await commented.getByRole('link').click();
  const linked = budi.locator('.comment.linked');
  await expect(linked).toContainText(words.replace('**rapi**', 'rapi'));
  await expect(linked).toBeInViewport();
  await expect(budi.locator('article.post').first().locator('.post-head')).not.toBeInViewport();
  // The mark is for arriving: the URL drops it, and the post opened again starts at its top,
  // the comment below the fold.
  await expect(budi).toHaveURL(new RegExp(`${path}$`));
  await budi.goto(path);
  const comment = budi.locator('.comment').filter({ hasText: 'sekali' });
  await expect(comment).toBeVisible();
  await expect(comment).not.toHaveClass(/linked/);
  await expect(comment).not.toBeInViewport();
  // A comment found by search opens the same way.
  await budi.goto(`/search?q=${words.split(' ').at(-1)}`);
  await budi.locator('.list-row').filter({ hasText: 'sekali' }).getByRole('link').click();
  await expect(budi.locator('.comment.linked')).toBeInViewport();
});

test('typing an @mention offers colleagues, and a tap writes their handle, in a post, a comment and their corrections', async ({ page }) => {
  await logIn(page);
  const composer = page.getByLabel('Share news with the company…');
  const body = unique('Tolong cek stok');
  await composer.fill(`${body}, `);
  await composer.pressSequentially('@budi.s');
  const offered = page.getByRole('list', { name: 'Colleagues to mention' });
  const budi = offered.getByRole('button', { name: /Budi Siregar/ });
  await expect(budi).toContainText('@budi.siregar');
  await expectTouchFriendly(page);
  await budi.click();
  await expect(composer).toHaveValue(`${body}, @budi.siregar `);
  await expect(composer).toBeFocused();
  await expect(offered).toHaveCount(0);
  // The caret is after the handle: typing goes on from there.
  await composer.pressSequentially('ya');
  await expect(composer).toHaveValue(`${body}, @budi.siregar ya`);
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  const card = page.locator('.feed article.post').first();
  await expect(card).toContainText(body);
  await expect(card.getByRole('link', { name: '@budi.siregar' })).toBeVisible();

  // An email address is not a mention: nothing is offered.
  await composer.pressSequentially('kirim ke budi@bal');
  await page.waitForTimeout(600);
  await expect(offered).toHaveCount(0);
  await composer.fill('');

  await card.getByRole('link', { name: /Comments/ }).click();
  const comment = page.getByPlaceholder('Write a comment…');
  await comment.pressSequentially('Terima kasih @dewi.sa');
  await offered.getByRole('button', { name: /Dewi Santoso/ }).click();
  await expect(comment).toHaveValue('Terima kasih @dewi.santoso ');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const mine = page.locator('.comment').last();
  await expect(mine.getByRole('link', { name: '@dewi.santoso' })).toBeVisible();

  // Correcting it offers them too.
  await mine.getByRole('button', { name: 'Edit' }).click();
  const editor = page.getByRole('textbox', { name: 'Edit' });
  await editor.press('End');
  await editor.pressSequentially(' dan @budi.si');
  await offered.getByRole('button', { name: /Budi Siregar/ }).click();
  await expect(editor).toHaveValue('Terima kasih @dewi.santoso dan @budi.siregar ');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(mine.getByRole('link', { name: '@budi.siregar' })).toBeVisible();
  // And so does correcting the post.
  await page.locator('.row-actions').first().getByRole('button', { name: 'Edit' }).click();
  const post = page.getByRole('textbox', { name: 'Edit' });
  await post.press('End');
  await post.pressSequentially(' @dewi.sa');
  await offered.getByRole('button', { name: /Dewi Santoso/ }).click();
  await expect(post).toHaveValue(`${body}, @budi.siregar ya @dewi.santoso `);
});

test('on a keyboard, the arrows choose the colleague to mention, Enter or Tab writes them, Escape puts them away', async ({ page }) => {
  await logIn(page);
  const composer = page.getByLabel('Share news with the company…');
  const body = unique('Rapat jam 3');
  // A wide character just before the caret is read whole (it once stopped the app).
  await composer.fill(`${body} 👍`);
  await composer.press('Backspace');
  await composer.pressSequentially('@sa');
  const offered = page.getByRole('list', { name: 'Colleagues to mention' });
  const options = offered.getByRole('button');
  await expect(options.first()).toHaveAttribute('aria-current', 'true');
  expect(await options.count()).toBeGreaterThan(1);
  // The field tells a screen reader which one is highlighted.
  await expect(composer).toHaveAttribute('aria-activedescendant', await options.first().getAttribute('id'));
  const handleOf = async (option) => (await option.locator('.muted').innerText()).match(/@(\S+)/)[1];

  await composer.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-current', 'true');
  await expect(options.first()).not.toHaveAttribute('aria-current', /.*/);
  await expect(composer).toHaveAttribute('aria-activedescendant', await options.nth(1).getAttribute('id'));
  const second = await handleOf(options.nth(1));
  await composer.press('Enter');
  await expect(composer).toHaveValue(`${body} @${second} `);
  await expect(offered).toHaveCount(0);
  await expect(composer).not.toHaveAttribute('aria-activedescendant', /.*/);

  // Escape puts them away and leaves what was typed; typing on offers them again.
  await composer.pressSequentially('@sa');
  await expect(options.first()).toBeVisible();
  await composer.press('Escape');
  await expect(offered).toHaveCount(0);
  await expect(composer).toHaveValue(`${body} @${second} @sa`);
  await composer.pressSequentially('r');
  await expect(options.first()).toBeVisible();
  // Up from the first is the last; Tab writes it, and the caret stays in the field.
  await composer.press('ArrowUp');
  await expect(options.last()).toHaveAttribute('aria-current', 'true');
  const last = await handleOf(options.last());
  await composer.press('Tab');
  await expect(composer).toHaveValue(`${body} @${second} @${last} `);
  await expect(composer).toBeFocused();
  // With nothing offered, Enter is a new line as ever.
  await composer.press('Enter');
  await expect(composer).toHaveValue(`${body} @${second} @${last} \n`);
});

test('typing a #tag offers the tags in use, most used first, and a tap writes it', async ({ page }) => {
  await logIn(page);
  const composer = page.getByLabel('Share news with the company…');
  const body = unique('Stok opname selesai');
  await composer.fill(`${body} `);
  await composer.pressSequentially('#gu');
  const offered = page.getByRole('list', { name: 'Tags in use' });
  await expect(offered.getByRole('button').first()).toHaveText('#gudang');
  await expectTouchFriendly(page);
  await offered.getByRole('button', { name: '#gudang' }).click();
  await expect(composer).toHaveValue(`${body} #gudang `);
  await expect(composer).toBeFocused();
  await expect(offered).toHaveCount(0);
  // A tag nobody has used is offered nothing, and is written as typed.
  await composer.pressSequentially('#stokopname');
  await page.waitForTimeout(600);
  await expect(offered).toHaveCount(0);
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  const card = page.locator('.feed article.post').first();
  await expect(card.getByRole('link', { name: '#gudang' })).toBeVisible();
  await expect(card.getByRole('link', { name: '#stokopname' })).toBeVisible();

  // In Bahasa Indonesia the list says what it offers in it.
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Language').selectOption('id');
  await page.goto('/');
  await page.locator('#composer-text').pressSequentially('#gu');
  await expect(page.getByRole('list', { name: 'Tag yang sudah dipakai' }).getByRole('button', { name: '#gudang' })).toBeVisible();
});

test.describe('on a slow network', () => {
  // page.route sees the app's requests only when no service worker answers them.
  test.use({ serviceWorkers: 'block' });

  test('while a newer answer is on its way, only what still fits the typing is offered, and Enter writes that', async ({ page }) => {
    await logIn(page);
    const composer = page.getByLabel('Share news with the company…');
    const body = unique('Laporan shift');
    await composer.fill(`${body} `);
    await composer.pressSequentially('@sa');
    const options = page.getByRole('list', { name: 'Colleagues to mention' }).getByRole('button');
    await expect(options.filter({ hasText: 'Sari Admin' })).toBeVisible();
    expect(await options.count()).toBeGreaterThan(1);
    // The directory is slow to answer for "@sar"; what was offered for "@sa" narrows meanwhile.
    let held;
    await page.route('**/api/directory?q=sar*', (route) => { held = route; });
    await composer.pressSequentially('r');
    await expect.poll(() => held, { message: 'the request for "@sar" is under way' }).toBeDefined();
    await expect(options).toHaveCount(1);
    await expect(options.first()).toContainText('Sari Admin');
    await composer.press('Enter');
    await expect(composer).toHaveValue(`${body} @admin `);
    // Its answer, once it comes, changes nothing.
    await held.continue();
    await page.waitForTimeout(300);
    await expect(options).toHaveCount(0);
    await expect(composer).toHaveValue(`${body} @admin `);
  });
});
