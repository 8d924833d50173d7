import { test, expect } from '@playwright/test';
import { ADMIN, expectTouchFriendly, holdAnswers, logIn, serviceWorkerActivated, unique } from './helpers.mjs';

// Tiles come from e2e/tile-stub.mjs (scripts/e2e.sh points TILE_URL at it), never the internet.
const SURABAYA = { latitude: -7.2800, longitude: 112.7900 };

async function openMap(page) {
  await page.goto('/map');
  await expect(page.getByTestId('map')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('place-count')).toContainText('places in view');
}

test('the map shows clustered places, filters by category, and opens a place', async ({ page }) => {
  await logIn(page);
  await openMap(page);
  // Over 200 places across Indonesia: clusters, not a marker each.
  await expect(page.locator('.marker-cluster').first()).toBeVisible();
  await expect(page.locator('img.leaflet-tile-loaded').first()).toBeVisible();
  await expectTouchFriendly(page);

  const all = Number((await page.getByTestId('place-count').textContent()).match(/\d+/)[0]);
  await page.getByRole('button', { name: 'Branch / office' }).click();
  await expect(page.getByRole('button', { name: 'Branch / office' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('place-count')).not.toHaveText(`${all} places in view`);
  const names = await page.locator('.place-list .place-name').allTextContents();
  expect(names.length).toBeGreaterThan(5);
  for (const name of names) expect(name).toMatch(/^(Kantor|Cabang)/);

  await page.locator('.place-list button', { hasText: 'Cabang Surabaya' }).click();
  await expect(page).toHaveURL(/\/map\?place=/);
  const sheet = page.getByTestId('place-sheet');
  await expect(sheet.getByRole('heading', { name: 'Cabang Surabaya' })).toBeVisible();
  await expect(sheet.getByRole('link', { name: /Call/ })).toHaveAttribute('href', /^tel:\+6231/);
  await expect(sheet.getByRole('link', { name: /Directions/ })).toHaveAttribute('href', /^geo:-7\.\d+,112\.\d+/);
  // The seeded posts "at" the branch are on its sheet.
  await expect(page.locator('.feed article.post').first()).toContainText('Cabang Surabaya');
  await expectTouchFriendly(page);
  await page.getByRole('button', { name: 'Back to the map' }).click();
  await expect(page).toHaveURL(/\/map$/);
});

test('near me, with a mocked position in Surabaya, lists the Surabaya branch first', async ({ browser }) => {
  const context = await browser.newContext({ geolocation: SURABAYA, permissions: ['geolocation'] });
  const page = await context.newPage();
  await logIn(page);
  await openMap(page);
  await page.getByRole('button', { name: 'Branch / office' }).click();
  await page.getByRole('button', { name: 'Near me' }).click();
  const rows = page.getByTestId('near-list').locator('li');
  await expect(rows.first()).toContainText('Cabang Surabaya');
  await expect(rows.first()).toContainText(/\d+(\.\d)? k?m/);
  await expect(rows.nth(1)).not.toContainText('Surabaya');
  await context.close();
});

test('with the network cut, the map still shows the places and tiles it has seen', async ({ page, context }) => {
  await logIn(page);
  await serviceWorkerActivated(page);
  await openMap(page);
  await page.reload();
  await openMap(page);
  await expect(page.locator('img.leaflet-tile-loaded').first()).toBeVisible();
  const seen = await page.getByTestId('place-count').textContent();

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('map')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('place-count')).toHaveText(seen);
  await expect(page.locator('.marker-cluster').first()).toBeVisible();
  await expect(page.locator('img.leaflet-tile-loaded').first()).toBeVisible();
  await context.setOffline(false);
});

test('an editor imports a CSV: bad rows are reported, then only the valid ones go in', async ({ page }) => {
  await logIn(page);
  await page.goto('/map');
  await page.getByRole('link', { name: /Manage the map/ }).click();
  const name = `Percetakan Uji ${Date.now().toString(36)}`;
  const csv = `name,category,lat,lng,address\n${name},supplier,-6.91,107.61,Jl. Braga 1\nTanpa Titik,supplier,abc,107.6,Jl. X\n`;
  await page.getByLabel('Choose a CSV file').setInputFiles({ name: 'places.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByTestId('import-summary')).toHaveText('0 imported · 1 valid rows · 1 rows with problems');
  await expect(page.locator('.import-errors')).toContainText('Line 3');
  await expect(page.locator('.import-errors')).toContainText('is not a number');
  await expectTouchFriendly(page);
  await page.getByRole('button', { name: 'Import only the valid rows' }).click();
  await expect(page.getByTestId('import-summary')).toHaveText('1 imported · 1 valid rows · 1 rows with problems');

  // An admin adds a category; the map offers it as a chip.
  const category = `Rumah Sakit ${Date.now().toString(36)}`;
  await page.getByText('Add a category').click();
  await page.getByLabel('Name').last().fill(category);
  await page.getByRole('button', { name: 'Save' }).last().click();
  await expect(page.locator('.list-row', { hasText: category })).toBeVisible();

  await page.goto('/map');
  await expect(page.getByRole('button', { name: category })).toBeVisible();
  await page.getByLabel('Search places').fill(name);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.locator('.place-list button', { hasText: name }).click();
  await expect(page.getByTestId('place-sheet').getByRole('heading', { name })).toBeVisible();
});

test('more places than a phone should draw: counted circles, each a tap that zooms in', async ({ browser }) => {
  // The service worker would answer before Playwright's routing: this page runs without one.
  const page = await (await browser.newContext({ serviceWorkers: 'block' })).newPage();
  await logIn(page);
  const boxes = [];
  await page.route(/\/api\/places\?bbox=/, (route) => {
    boxes.push(new URL(route.request().url()).searchParams.get('bbox').split(',').map(Number));
    return route.fulfill({
      json: {
        places: [], total: 12345, truncated: true,
        clusters: [{ lat: -6.2, lng: 106.8, count: 9000 }, { lat: -7.25, lng: 112.75, count: 3345 }],
      },
    });
  });
  await page.goto('/map');
  await expect(page.getByTestId('place-count')).toHaveText('12345 places here: zoom in to list them.');
  const jakarta = page.locator('.map-hint', { hasText: '9000' });
  await expect(jakarta).toBeVisible();
  await expectTouchFriendly(page);
  const width = (box) => Math.abs(box[2] - box[0]);
  const before = width(boxes.at(-1));
  await jakarta.click();
  await expect.poll(() => width(boxes.at(-1))).toBeLessThan(before / 2);
});

test.describe('on a network that loses or delays answers', () => {
  // page.route sees the app's requests only when no service worker answers them.
  test.use({ serviceWorkers: 'block' });

  test('a search\'s results stay when the map\'s slower first answer comes back after them', async ({ page }) => {
    await logIn(page);
    // The first load (no search) comes back after the search has been answered and drawn.
    const searched = (url) => new URL(url).searchParams.has('q');
    const deliverFirstLoad = await holdAnswers(page, /\/api\/places\?bbox=/, (url) => !searched(url));
    await page.goto('/map');
    await expect(page.getByTestId('map')).toHaveAttribute('data-ready', 'true');
    await page.getByLabel('Search places').fill('Surabaya');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const names = page.locator('.place-list .place-name');
    await expect(names.first()).toContainText('Surabaya');
    const counted = await page.getByTestId('place-count').textContent();

    await deliverFirstLoad();
    await expect(page.getByTestId('place-count')).toHaveText(counted);
    for (const name of await names.allTextContents()) expect(name).toContain('Surabaya');
  });

  test('a correction suggested from a place\'s sheet is made once though sent twice, and an editor accepts it', async ({ browser }) => {
    const ani = await (await browser.newContext()).newPage();
    await logIn(ani, { email: 'ani.wijaya@balai.demo', password: ADMIN.password });
    await openMap(ani);
    await ani.getByRole('button', { name: 'Branch / office' }).click();
    const first = ani.locator('.place-list button').first();
    const name = (await first.locator('.place-name').textContent()).trim();
    await first.click();
    const sheet = ani.getByTestId('place-sheet');
    await expect(sheet.getByRole('heading', { name })).toBeVisible();
    await sheet.getByText('Something wrong? Suggest a correction').click();
    const note = unique('Nomor telepon sudah ganti');
    await sheet.getByLabel('What is wrong?').fill(note);
    await sheet.getByLabel('The right phone number (optional)').fill('+62 21 555 0101');

    // The first answer is lost on its way back: the server made the suggestion, the phone
    // only saw the connection drop. Sent again, it is the same suggestion.
    let lost = false;
    await ani.route('**/api/places/*/suggestions', async (route) => {
      if (lost) return route.continue();
      lost = true;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await sheet.getByRole('button', { name: 'Send' }).click();
    await expect(sheet.getByRole('alert')).toHaveText('Could not reach Balai. Check your connection.');
    await sheet.getByRole('button', { name: 'Send' }).click();
    await expect(sheet.getByRole('status')).toHaveText('Thank you: a map editor will look at it.');

    const admin = await (await browser.newContext()).newPage();
    await logIn(admin);
    await admin.goto('/map/manage');
    const row = admin.locator('.list-row', { hasText: note });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(name);
    // The editor sees the branch's present number struck through, then the proposed one.
    await expect(row.locator('.changes li')).toHaveCount(1);
    await expect(row.locator('.changes del')).toHaveText(/^\+62 \d+ \d+$/);
    await expect(row.locator('.changes ins')).toHaveText('+62 21 555 0101');
    await expectTouchFriendly(admin);
    await row.getByRole('button', { name: 'Accept' }).click();
    await expect(row).toHaveCount(0);
    await admin.goto('/map');
    await admin.getByRole('button', { name: 'Branch / office' }).click();
    await admin.locator('.place-list button', { hasText: name }).first().click();
    await expect(admin.getByTestId('place-sheet').getByRole('link', { name: /Call/ }))
      .toHaveAttribute('href', /^tel:\+62215550101$/);
  });
});
