// Every page of the app, at a phone's 360 px, in English and in Bahasa Indonesia, as a member
// and as an admin: it loads (no "could not be loaded", nothing left "Loading…"), speaks the
// chosen language, fits the screen, and every touch target is at least 44 × 44 px. So do the
// pages before logging in (login, joining with a code, an invitation).
import { test, expect } from '@playwright/test';
import { ADMIN, expectTouchFriendly, logIn } from './helpers.mjs';

const MEMBER = { email: 'budi.siregar@balai.demo', password: ADMIN.password };
const LANGS = [
  { code: 'en', settings: 'Settings', loading: 'Loading…', failed: 'could not be loaded' },
  { code: 'id', settings: 'Pengaturan', loading: 'Memuat…', failed: 'tidak dapat dimuat' },
];

/** One id of each kind the pages show, read through the API as the logged-in person. */
async function someIds(page) {
  const get = async (path) => (await page.request.get(path)).json();
  const items = (answer) => answer.items ?? answer;
  const person = items(await get('/api/directory'))[0].id;
  return {
    post: items(await get('/api/posts'))[0].id,
    group: items(await get('/api/groups'))[0].id,
    idea: items(await get('/api/ideas'))[0].id,
    roundTable: items(await get('/api/round-tables'))[0].id,
    person,
    department: items(await get('/api/departments'))[0].id,
  };
}

function pagesFor(ids, admin) {
  const pages = [
    '/', '/?filter=following', '/groups', `/g/${ids.group}`, `/p/${ids.post}`, '/t/gudang',
    '/search?q=gudang', '/notifications', '/ideas', `/ideas/${ids.idea}`, '/round-tables',
    `/round-tables/${ids.roundTable}`, '/map', '/people', `/people/${ids.person}`,
    `/people/${ids.person}/org`, '/departments', `/departments/${ids.department}`, '/settings',
    '/moderation', '/no-such-page',
  ];
  return admin ? [...pages, '/people/manage', '/map/manage'] : pages;
}

for (const lang of LANGS) {
  for (const [role, who] of [['a member', MEMBER], ['an admin', ADMIN]]) {
    test(`every page in ${lang.code} as ${role} loads, fits 360 px and has 44 px targets`, async ({ page }) => {
      test.setTimeout(180_000);
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await logIn(page, who);
      // The language chosen in Settings is kept in this browser; every page below reads it.
      await page.evaluate((code) => localStorage.setItem('balai.lang', code), lang.code);
      const ids = await someIds(page);
      for (const path of pagesFor(ids, who === ADMIN)) {
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        await expect(page.getByRole('link', { name: lang.settings })).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('lang', lang.code);
        await expect(page.getByText(lang.loading, { exact: true }), path).toHaveCount(0);
        await expect(page.getByText(lang.failed), path).toHaveCount(0);
        await expectTouchFriendly(page).catch((e) => { throw new Error(`${path}: ${e.message}`); });
      }
      expect(errors).toEqual([]);
    });
  }
}

for (const lang of LANGS) {
  test(`the pages before logging in, in ${lang.code}, fit 360 px and have 44 px targets`, async ({ page }) => {
    await page.addInitScript((code) => localStorage.setItem('balai.lang', code), lang.code);
    for (const path of ['/login', '/join', '/invite/not-a-real-invitation', '/reset/not-a-real-link']) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      await expect(page.locator('input[type=password]').first(), path).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', lang.code);
      await expectTouchFriendly(page).catch((e) => { throw new Error(`${path}: ${e.message}`); });
    }
  });
}
