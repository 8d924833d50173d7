import { test, expect } from '@playwright/test';
import { ADMIN, expectTouchFriendly, logIn, unique } from './helpers.mjs';

const ANI = { email: 'ani.wijaya@balai.demo', password: ADMIN.password };
const BUDI = { email: 'budi.siregar@balai.demo', password: ADMIN.password };
const CITRA = { email: 'citra.simanjuntak@balai.demo', password: ADMIN.password };

async function personPage(browser, who) {
  const page = await (await browser.newContext()).newPage();
  await logIn(page, who);
  return page;
}

test('find a colleague by competency, with call and email links, and open their work page', async ({ page }) => {
  await logIn(page, ANI);
  await page.getByRole('link', { name: 'People' }).click();
  await expect(page.getByTestId('person').first()).toBeVisible();
  await expectTouchFriendly(page);
  await page.getByPlaceholder('Name, position or competency').fill('forklift');
  await page.getByRole('button', { name: 'Search' }).click();
  const first = page.getByTestId('person').first();
  await expect(first).toContainText('Forklift');
  await expect(first.locator('a[href^="tel:+62"]')).toHaveCount(1);
  await expect(first.locator('a[href^="mailto:"]')).toHaveCount(1);
  await first.locator('.person-link').click();
  await expect(page).toHaveURL(/\/people\/[0-9A-Z]{26}$/);
  await expect(page.getByTestId('competencies')).toContainText('Forklift');
  await expect(page.locator('.profile-head img.avatar')).toBeVisible();
  await expectTouchFriendly(page);

  // The competency chip asks "who knows" it: the colleague is among the experts.
  const name = (await page.locator('.profile-head h1').textContent()).trim();
  await page.getByTestId('competencies').getByRole('link', { name: 'Forklift' }).click();
  await expect(page.getByTestId('experts')).toContainText(name);
  await expect(page.getByTestId('experts')).toContainText('Knows Forklift');
});

test('set an absence with a deputy: a mention of the absent person reaches the deputy, who answers her group\'s join requests', async ({ browser }) => {
  const ani = await personPage(browser, ANI);
  await ani.getByRole('link', { name: 'People' }).click();
  await ani.getByRole('link', { name: 'My page' }).click();
  await expect(ani.locator('.profile-head h1')).toHaveText('Ani Wijaya');
  await ani.getByText('Away: set an absence and a deputy').click();
  await ani.getByLabel('Deputy (receives your notifications)').fill('Budi');
  await ani.locator('#away-deputy ~ button').click();
  await ani.getByRole('button', { name: /Budi Siregar/ }).click();
  await expect(ani.getByTestId('picked')).toHaveText('Budi Siregar');
  await ani.getByLabel(/^Note/).fill('Cuti melahirkan adik');
  await ani.locator('form').filter({ has: ani.locator('#away-from') }).getByRole('button', { name: 'Save' }).click();
  await expect(ani.getByTestId('away')).toContainText('Budi Siregar');

  const budi = await personPage(browser, BUDI);
  await budi.getByRole('link', { name: 'Notifications' }).click();
  await budi.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(budi.getByTestId('unread-count')).toHaveCount(0);

  const admin = await personPage(browser, ADMIN);
  const text = `Tolong cek laporan stok, @ani.wijaya (${Date.now()})`;
  await admin.getByPlaceholder('Share news with the company…').fill(text);
  await admin.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(admin.locator('.post', { hasText: 'Tolong cek laporan stok' }).first()).toBeVisible();

  await expect(budi.getByTestId('unread-count')).toHaveText('1', { timeout: 30_000 });
  await budi.reload();
  const note = budi.locator('.notification').first();
  await expect(note.getByTestId('for-person')).toHaveText('for Ani Wijaya');
  await expect(note).toContainText('mentioned you');

  // Ani's closed group: while she is away, Budi answers its requests to join for her.
  await ani.getByRole('link', { name: 'Groups' }).click();
  await ani.getByText('New group').click();
  const group = `Tim Gudang ${Date.now().toString(36)}`;
  await ani.getByLabel('Name', { exact: true }).fill(group);
  await ani.getByLabel('Who can see it').selectOption('closed');
  await ani.getByRole('button', { name: 'Create group' }).click();
  await expect(ani.getByRole('heading', { name: group })).toBeVisible();
  const groupUrl = ani.url();
  const citra = await personPage(browser, CITRA);
  await citra.goto(groupUrl);
  await citra.getByRole('button', { name: 'Ask to join' }).click();
  await expect(citra.getByRole('button', { name: 'Ask to join' })).toHaveCount(0);
  await budi.goto(groupUrl);
  await expect(budi.getByRole('status').filter({ hasText: 'You are the deputy of' })).toContainText('Ani Wijaya');
  const request = budi.locator('.list-row', { hasText: 'Citra Simanjuntak' });
  await expectTouchFriendly(budi);
  await request.getByRole('button', { name: 'Approve' }).click();
  await expect(request).toHaveCount(0);
  await citra.reload();
  await expect(citra.getByRole('button', { name: 'Leave' })).toBeVisible();

  // Back early: the deputy no longer hears.
  await ani.getByRole('link', { name: 'People' }).click();
  await ani.getByRole('link', { name: 'My page' }).click();
  await ani.getByTestId('away').getByRole('button', { name: 'I am back: end the absence' }).click();
  await expect(ani.getByTestId('away')).toHaveCount(0);
  // Her page keeps what Budi did for her.
  await ani.reload();
  const log = ani.getByTestId('deputy-log');
  await log.locator('summary').click();
  await expect(log.getByTestId('deputy-actions'))
    .toContainText(`Budi Siregar approved the request of Citra Simanjuntak to join ${group}`);
  await expectTouchFriendly(ani);
});

test('walk the org chart up and down, and the department tree', async ({ page }) => {
  await logIn(page, BUDI);
  await page.getByRole('link', { name: 'People' }).click();
  await page.getByRole('link', { name: 'My page' }).click();
  await page.getByRole('link', { name: /Org chart/ }).click();
  await expect(page).toHaveURL(/\/org$/);
  await expect(page.getByTestId('org-person')).toContainText('Budi Siregar');
  const chain = page.getByTestId('org-chain');
  await expect(chain).toContainText('Sari Admin');
  await expectTouchFriendly(page);
  // Up to the top: the director has no manager, and people report to them.
  await chain.locator('li').first().getByRole('link', { name: /Org chart/ }).click();
  await expect(page.getByTestId('org-person')).toContainText('Sari Admin');
  await expect(page.getByTestId('org-chain').locator('li')).toHaveCount(0);
  await expect(page.getByTestId('org-reports').getByTestId('person')).not.toHaveCount(0);
  // Down one step.
  await page.getByTestId('org-reports').locator('.org-down a').first().click();
  await expect(page.getByTestId('org-chain')).toContainText('Sari Admin');

  await page.goto('/departments');
  const tree = page.getByTestId('department-tree');
  await expect(tree).toContainText('Operasional');
  await tree.getByRole('link', { name: /Teknologi Informasi/ }).click();
  await expect(page.getByRole('heading', { name: 'Teknologi Informasi' })).toBeVisible();
  await expect(page.locator('nav.chips')).toContainText('Operasional');
  await expectTouchFriendly(page);
});

test('an admin imports the HR export: new people are invited, a re-import updates instead of doubling', async ({ page }) => {
  await logIn(page, ADMIN);
  await page.goto('/people/manage');
  const email = `baru.${Date.now().toString(36)}@balai.demo`;
  const csv = `name,email,position,department,manager_email,start_date\nOrang Baru,${email},Operator Forklift,Operasional,admin@balai.demo,2026-12-01\nSalah Tanggal,salah@balai.demo,,Operasional,,1 Des 2026\n`;
  const section = page.getByTestId('people-import');
  await section.getByLabel('Choose a CSV file').setInputFiles({ name: 'hr.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(section.getByTestId('people-import-summary')).toHaveText('0 imported · 1 valid rows · 1 rows with problems');
  await expect(section.locator('.import-errors')).toContainText('start_date');
  await section.getByRole('button', { name: 'Import only the valid rows' }).click();
  await expect(section.getByTestId('people-import-summary')).toHaveText('1 imported · 1 valid rows · 1 rows with problems');
  await expect(section.locator('output.secret')).toContainText('/invite/');
  await expect(section).toContainText('invited: pass the link on');

  await page.reload();
  await page.getByTestId('people-import').getByLabel('Choose a CSV file').setInputFiles({ name: 'hr.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByTestId('people-import').getByRole('button', { name: 'Import only the valid rows' }).click();
  await expect(page.getByTestId('people-import')).toContainText('already invited: details updated');
  await expectTouchFriendly(page);
});

test('one keeps bookmarks on one\'s own page, in one\'s order', async ({ page }) => {
  await logIn(page, BUDI);
  await page.getByRole('link', { name: 'People' }).click();
  await page.getByRole('link', { name: 'My page' }).click();
  const marks = page.getByTestId('bookmarks');
  const wiki = unique('Wiki gudang');
  const shift = unique('Jadwal shift');
  // (A link is kept once: each run adds its own.)
  const link = (site, title) => `https://${site}.example.co.id/?for=${encodeURIComponent(title)}`;
  for (const [title, site] of [[wiki, 'wiki'], [shift, 'shift']]) {
    await marks.getByLabel('Title').fill(title);
    await marks.getByLabel('Link').fill(link(site, title));
    await marks.getByRole('button', { name: 'Add link' }).click();
    await expect(marks.locator('.list-row', { hasText: title })).toBeVisible();
  }
  // Added last, the shift schedule moves up above the wiki (and stays there).
  const shiftFirst = async () => {
    const rows = await page.getByTestId('bookmarks').locator('.list-row').allTextContents();
    return rows.findIndex((r) => r.includes(shift)) === rows.findIndex((r) => r.includes(wiki)) - 1;
  };
  expect(await shiftFirst()).toBe(false);
  await marks.locator('.list-row', { hasText: shift }).getByRole('button', { name: 'Move up' }).click();
  await expect.poll(shiftFirst).toBe(true);
  await page.reload();
  await expect(page.getByTestId('bookmarks').locator('.list-row', { hasText: shift })).toBeVisible();
  expect(await shiftFirst()).toBe(true);
  await expectTouchFriendly(page);

  // A big phone photo is scaled down in the browser and stored as a small JPEG.
  const png = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 3000; c.height = 2000;
    const x = c.getContext('2d');
    x.fillStyle = '#2a7'; x.fillRect(0, 0, 3000, 2000);
    // A colour of its own, so each run's photo is new (the same one would keep its address).
    x.fillStyle = `#${Math.floor(Math.random() * 0xffffff).toString(16).padStart(6, '0')}`;
    x.fillRect(1000, 500, 1000, 1000);
    return c.toDataURL('image/png').split(',')[1];
  });
  const avatar = page.locator('.profile-head img.avatar');
  const before = await avatar.getAttribute('src');
  await page.getByLabel('📷 Change photo').setInputFiles({ name: 'camera.png', mimeType: 'image/png', buffer: Buffer.from(png, 'base64') });
  await expect(avatar).not.toHaveAttribute('src', before);
  await expect(avatar).toHaveAttribute('src', /\/photo\?v=[0-9a-f]{16}$/);
  const res = await page.request.get(await avatar.getAttribute('src'));
  expect(res.headers()['content-type']).toBe('image/jpeg');
  expect((await res.body()).length).toBeLessThan(100_000);
  expect(await avatar.evaluate((img) => img.naturalWidth)).toBe(512);
});

test('an admin shapes the department tree, in Bahasa Indonesia', async ({ page }) => {
  await logIn(page, ADMIN);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Language').selectOption('id');
  await page.getByRole('link', { name: 'Orang' }).click();
  await expect(page.getByRole('tab', { name: 'Direktori' })).toBeVisible();
  await page.getByRole('link', { name: /Struktur organisasi/ }).click();
  await page.getByText('Tambah departemen').click();
  const name = `Logistik ${Date.now().toString(36)}`;
  await page.getByLabel('Nama').fill(name);
  await page.getByLabel('Bagian dari').selectOption({ label: 'Operasional' });
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.locator('nav.chips')).toContainText('Operasional');
  await expectTouchFriendly(page);
  await page.goto('/settings');
  await page.getByLabel('Bahasa').selectOption('en');
});

test('the search box finds a colleague by position, says why, and leads to their page', async ({ page }) => {
  await logIn(page, ANI);
  await page.goto('/search?q=kepala%20gudang');
  const hit = page.getByTestId('person-hit').first();
  // The position says why: its matching words are marked.
  await expect(hit.locator('.muted mark')).toHaveText(['Kepala', 'Gudang']);
  await expect(hit.locator('a[href^="mailto:"]')).toHaveCount(1);
  await expectTouchFriendly(page);
  await hit.locator('.person-link').click();
  await expect(page).toHaveURL(/\/people\/[0-9A-Z]{26}$/);
  await expect(page.locator('.profile-head')).toContainText('Kepala Gudang');
});
