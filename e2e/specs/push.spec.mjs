import { test, expect } from '@playwright/test';
import { createServer } from 'node:http';
import { createPublicKey, verify } from 'node:crypto';
import { ADMIN, expectTouchFriendly, logIn, serviceWorkerActivated, unique } from './helpers.mjs';

const DEWI = { email: 'dewi.santoso@balai.demo', password: ADMIN.password };

// A push service on loopback (scripts/e2e.sh lets the Worker post to 127.0.0.1): it keeps what
// it was sent. Headless Chromium has no push service of its own, so the page's PushManager is
// given a subscription at this address; everything after that is the app's and the Worker's.
let pushService;
const received = [];
test.beforeAll(async () => {
  pushService = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      received.push({ path: req.url, headers: req.headers, body });
      res.writeHead(201).end();
    });
  });
  await new Promise((resolve) => pushService.listen(0, '127.0.0.1', resolve));
});
test.afterAll(() => pushService.close());

/** Run in the page before the app: subscriptions at `url`, checked as a browser would check. */
function fakePushManager(url) {
  let subscription = null;
  PushManager.prototype.subscribe = async function subscribe(options) {
    if (!options.userVisibleOnly || options.applicationServerKey.byteLength !== 65) throw new Error('bad options');
    subscription = { endpoint: url, unsubscribe: async () => { subscription = null; return true; } };
    return subscription;
  };
  PushManager.prototype.getSubscription = async function getSubscription() { return subscription; };
}

/** The VAPID header checks out: ES256 over the JWT by the key it names, for the service's origin. */
function expectSignedForService(headers, origin) {
  const [, token, key] = headers.authorization.match(/^vapid t=([^,]+), k=(.+)$/);
  const [head, claims, signature] = token.split('.');
  expect(JSON.parse(Buffer.from(claims, 'base64url'))).toMatchObject({ aud: origin });
  const point = Buffer.from(key, 'base64url');
  const publicKey = createPublicKey({
    format: 'jwk',
    key: { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') },
  });
  const valid = verify('sha256', Buffer.from(`${head}.${claims}`), { key: publicKey, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'));
  expect(valid).toBe(true);
  expect(headers.topic).toBe('balai');
}

test('phone notifications: turned on in settings, a mention is pushed, the phone shows who and what, logout ends it', async ({ browser }) => {
  const port = pushService.address().port;
  const path = `/push/${unique('dewi').replace(' ', '-')}`;
  const origin = `http://127.0.0.1:${port}`;
  const context = await browser.newContext();
  await context.grantPermissions(['notifications']);
  await context.addInitScript(fakePushManager, `${origin}${path}`);
  const dewi = await context.newPage();
  await logIn(dewi, DEWI);
  await serviceWorkerActivated(dewi);
  await dewi.goto('/settings');
  // Switching language tells the service worker the words to show notifications in.
  await dewi.locator('#language').selectOption('id');

  const phone = dewi.getByTestId('phone-push');
  await expect(phone).toContainText('Notifikasi di ponsel ini');
  await phone.getByRole('button', { name: 'Aktifkan' }).click();
  await expect(phone).toContainText('Aktif: ponsel ini berbunyi');
  await expect(phone.getByRole('button', { name: 'Matikan' })).toBeVisible();
  // Likes stay in the app by default; mentions reach the phone.
  await expect(dewi.getByRole('checkbox', { name: 'Suka: Ponsel' })).not.toBeChecked();
  await expect(dewi.getByRole('checkbox', { name: 'Sebutan: Ponsel' })).toBeChecked();
  await expectTouchFriendly(dewi);

  // Sari mentions Dewi: Dewi's phone hears of it through its push service, with nothing in it.
  const admin = await (await browser.newContext()).newPage();
  await logIn(admin);
  const body = unique('Stok display Surabaya');
  await admin.getByPlaceholder('Share news with the company…').fill(`${body} @dewi.santoso`);
  await admin.getByRole('button', { name: 'Post', exact: true }).click();
  await expect.poll(() => received.filter((r) => r.path === path).length, { timeout: 15_000 }).toBe(1);
  const push = received.find((r) => r.path === path);
  expect(push.body).toBe('');
  expectSignedForService(push.headers, origin);

  // The push wakes Dewi's service worker, which shows the newest unread notification, worded
  // in her language; the post's words come from Balai, not from the push.
  const cdp = await context.newCDPSession(dewi);
  const registration = new Promise((resolve) => cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
    const ours = registrations.find((r) => r.scopeURL.startsWith(new URL(dewi.url()).origin) && !r.isDeleted);
    if (ours) resolve(ours.registrationId);
  }));
  await cdp.send('ServiceWorker.enable');
  const registrationId = await registration;
  const deliverPush = () => cdp.send('ServiceWorker.deliverPushMessage', {
    origin: new URL(dewi.url()).origin,
    registrationId,
    data: '',
  });
  await deliverPush();
  const shown = () => dewi.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications())
    .map((n) => ({ title: n.title, body: n.body, url: n.data && n.data.url })));
  await expect.poll(async () => (await shown()).length, { timeout: 10_000 }).toBe(1);
  const [note] = await shown();
  expect(note.title).toBe('Sari Admin menyebut Anda');
  expect(note.body).toBe(`${body} @dewi.santoso`);
  expect(note.url).toMatch(/^\/p\/[0-9A-Z]+$/);

  // Of a comment, the phone shows the comment's words, in place of the same notification.
  await admin.goto(note.url);
  const words = unique('Tolong dicek sebelum jam 3');
  await admin.getByPlaceholder('Write a comment…').fill(`@dewi.santoso ${words}`);
  await admin.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(admin.locator('.comment').filter({ hasText: words })).toBeVisible();
  await expect.poll(() => received.filter((r) => r.path === path).length, { timeout: 15_000 }).toBe(2);
  await deliverPush();
  await expect.poll(async () => (await shown()).map((n) => n.body), { timeout: 10_000 })
    .toEqual([`@dewi.santoso ${words}`]);
  // A tap opens the post at that comment.
  expect((await shown())[0].url).toMatch(new RegExp(`^${note.url}#c-[0-9A-Z]+$`));

  // Logging out ends the session and, with it, the phone's subscription: nothing more is pushed.
  await dewi.goto('/settings');
  await dewi.getByRole('button', { name: 'Keluar', exact: true }).click();
  await expect(dewi).toHaveURL(/\/login/);
  await admin.goto('/');
  await admin.getByPlaceholder('Share news with the company…').fill(`${unique('Lagi')} @dewi.santoso`);
  await admin.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(admin.locator('.feed article.post').first()).toContainText('@dewi.santoso');
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  expect(received.filter((r) => r.path === path)).toHaveLength(2);
});

test('phone notifications turned off in settings stop the pushes to that phone', async ({ browser }) => {
  const port = pushService.address().port;
  const path = `/push/${unique('budi').replace(' ', '-')}`;
  const context = await browser.newContext();
  await context.grantPermissions(['notifications']);
  await context.addInitScript(fakePushManager, `http://127.0.0.1:${port}${path}`);
  const budi = await context.newPage();
  await logIn(budi, { email: 'budi.siregar@balai.demo', password: ADMIN.password });
  await budi.goto('/settings');
  const phone = budi.getByTestId('phone-push');
  await phone.getByRole('button', { name: 'Turn on' }).click();
  await phone.getByRole('button', { name: 'Turn off' }).click();
  await expect(phone).toContainText('Off: you see your notifications when you open Balai.');
  await expect(phone.getByRole('button', { name: 'Turn on' })).toBeVisible();

  const admin = await (await browser.newContext()).newPage();
  await logIn(admin);
  await admin.getByPlaceholder('Share news with the company…').fill(`${unique('Rapat')} @budi.siregar`);
  await admin.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(admin.locator('.feed article.post').first()).toContainText('@budi.siregar');
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  expect(received.filter((r) => r.path === path)).toHaveLength(0);
});
