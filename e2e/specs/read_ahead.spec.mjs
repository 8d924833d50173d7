import { test, expect } from '@playwright/test';
import { logIn } from './helpers.mjs';

// A page's first reads start as soon as its route is known (app/src/read_ahead.rs): they do not
// wait for /api/me, the group or the page's code, and the page then takes their answers
// instead of asking again.

// page.route sees the app's requests only when no service worker answers them.
test.use({ serviceWorkers: 'block' });

/** Each request to a path matching `re`, with when it was sent; and when `slow` answered. */
function watch(page, re, slow) {
  const sent = [];
  const answered = {};
  page.on('request', (req) => {
    const url = new URL(req.url());
    // (The app's fetch ends a query with '&'.)
    const path = (url.pathname + url.search).replace(/&$/, '');
    if (re.test(path)) sent.push({ path, at: Date.now() });
  });
  page.on('response', (res) => {
    if (new URL(res.url()).pathname === slow) answered.at = Date.now();
  });
  return { sent, answered };
}

/** `path` answers 2 s late. */
async function slowDown(page, path) {
  await page.route((url) => url.pathname === path, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await route.continue();
  });
}

test('the home feed reads its posts alongside /api/me, once', async ({ page }) => {
  await logIn(page);
  await slowDown(page, '/api/me');
  const { sent, answered } = watch(page, /^\/api\/(posts\?filter=all|announcements|saved-filters|celebrations)$/, '/api/me');
  await page.goto('/');
  // The page's own reads go out when it mounts, before its posts show: any repeat is counted.
  await expect(page.locator('.feed article.post').first()).toBeVisible();
  const paths = sent.map((r) => r.path).sort();
  expect(paths).toEqual(['/api/announcements', '/api/celebrations', '/api/posts?filter=all', '/api/saved-filters']);
  for (const r of sent) expect(r.at, r.path).toBeLessThan(answered.at);
});

test('a group page reads its posts alongside the group, once', async ({ page }) => {
  await logIn(page);
  // One of the demo admin's groups with posts in it.
  const mine = await (await page.request.get('/api/groups?mine=1')).json();
  let group;
  for (const g of mine.items) {
    const posts = await (await page.request.get(`/api/posts?group=${g.id}`)).json();
    if (posts.items.length) { group = g; break; }
  }
  const path = `/api/groups/${group.id}`;
  await slowDown(page, path);
  const { sent, answered } = watch(page, new RegExp(`^/api/posts\\?group=${group.id}$`), path);
  await page.goto(`/g/${group.id}`);
  await expect(page.getByRole('heading', { name: group.name })).toBeVisible();
  await expect(page.locator('.feed article.post').first()).toBeVisible();
  expect(sent.length).toBe(1);
  expect(sent[0].at).toBeLessThan(answered.at);
});

test('a read ahead that failed is asked again by its page', async ({ page }) => {
  await logIn(page);
  // The first read of the feed fails (the network drops); the page's own read then succeeds.
  let failed = 0;
  await page.route((url) => url.pathname === '/api/posts', async (route) => {
    if (failed++ === 0) await route.abort('internetdisconnected');
    else await route.continue();
  });
  await page.goto('/');
  await expect(page.locator('.feed article.post').first()).toBeVisible();
  expect(failed).toBe(2);
});
