// Balai's service worker: the app shell opens with no network, the API's last answers are kept
// for reading offline, and everything per-person is dropped at logout.
const SHELL = 'balai-shell-v1';
const API = 'balai-api-v1';
// Map tiles seen, so the map still shows them offline: public imagery, kept across logins.
const TILES = 'balai-tiles-v1';
const TILES_MAX_ENTRIES = 1500; // about 30 MB of 256 px tiles
// Photos seen (a post's, a colleague's), so they show offline too. Each URL carries its
// photo's hash and never changes, so the cache answers first; they are per person, and go at
// logout with the API's answers.
const PHOTOS = 'balai-photos-v1';
const PHOTOS_MAX_ENTRIES = 150; // about 30 MB of phone photos scaled to 1600 px
const PHOTO_PATH = /^\/api\/(posts\/[^/]+\/photos\/\d+|people\/[^/]+\/photo)$/;
// Answers kept for reading offline; the oldest go first. Searches, the unread poll and file
// exports are not worth keeping.
const API_MAX_ENTRIES = 200;
const API_UNCACHED = ['/api/search', '/api/notifications/unread', '/api/places/export.csv',
  '/api/places/export.geojson', '/api/ideas/export.csv', '/api/ideas/export.json'];

async function keep(req, res, name = API, max = API_MAX_ENTRIES) {
  const cache = await caches.open(name);
  await cache.put(req, res);
  const keys = await cache.keys();
  await Promise.all(keys.slice(0, Math.max(0, keys.length - max)).map((k) => cache.delete(k)));
}

// Offline, a map box never seen exactly: every place this browser was sent, merged, so the
// map still shows the places (and only the places) its person was allowed to see.
async function placesSeen() {
  const cache = await caches.open(API);
  const byId = new Map();
  for (const key of await cache.keys()) {
    if (new URL(key.url).pathname !== '/api/places') continue;
    const res = await cache.match(key);
    const body = res && (await res.json().catch(() => null));
    for (const p of (body && body.places) || []) byId.set(p.id, p);
  }
  const places = [...byId.values()];
  return new Response(JSON.stringify({ places, total: places.length, truncated: false, clusters: [] }), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}

// What was kept for the person logged in: gone when they log out or their session ends, and
// so is this phone's push subscription (the server dropped it with the session).
function forgetPerson() {
  const push = self.registration.pushManager;
  return Promise.all([
    caches.delete(API),
    caches.delete(PHOTOS),
    badge(0),
    push && push.getSubscription().then((s) => s && s.unsubscribe()).catch(() => {}),
  ]);
}

// Phone notifications (web push). A push carries nothing: the worker fetches the newest
// notifications with this browser's session and shows the newest unread one, worded in the
// language chosen in the app, which sends its words whenever it starts or switches language
// (app/src/push.rs, `tell_service_worker`).
const PREFS = 'balai-prefs-v1';
const ENGLISH = { verbs: {}, and: 'and', other: 'other', others: 'others', fallback: 'Something new for you in Balai' };

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'words') {
    const words = new Response(JSON.stringify(event.data));
    event.waitUntil(caches.open(PREFS).then((c) => c.put('/words', words)));
  }
});

async function words() {
  const hit = await caches.open(PREFS).then((c) => c.match('/words'));
  return (hit && (await hit.json().catch(() => null))) || ENGLISH;
}

// "Ani and 4 others liked your post", as the notification centre says it.
function sentence(n, w) {
  let who = n.actor.name;
  const others = n.actor_count - 1;
  // (Words told by an older app have no singular.)
  if (others > 0) who += ` ${w.and} ${others} ${others === 1 ? w.other || w.others : w.others}`;
  const verb = (w.verbs[n.kind] || '').replace('{group}', n.group ? n.group.name : '');
  return `${who} ${verb}`.trim();
}

function link(n) {
  if (n.kind === 'report') return '/moderation';
  // At the comment it is about, as the centre opens it (app/src/pages/notifications.rs).
  const at = n.comment_id ? `#c-${n.comment_id}` : '';
  if (n.post_id) return `/p/${n.post_id}${at}`;
  if (n.idea_id) return `/ideas/${n.idea_id}${at}`;
  if (n.group) return `/g/${n.group.id}`;
  return '/notifications';
}

// The unread count on the installed app's icon (the Badging API, where there is one); the app
// keeps it while open (app/src/unread.rs).
function badge(count) {
  const nav = self.navigator;
  return nav && nav.setAppBadge ? nav.setAppBadge(count).catch(() => {}) : Promise.resolve();
}

self.addEventListener('push', (event) => {
  event.waitUntil((async () => {
    const w = await words();
    const [res, unread] = await Promise.all([
      fetch('/api/notifications?limit=10').catch(() => null),
      fetch('/api/notifications/unread').then((r) => (r.ok ? r.json() : null)).catch(() => null),
    ]);
    if (res && res.status === 401) return forgetPerson();
    if (unread) await badge(unread.unread);
    const page = res && res.ok ? await res.json().catch(() => null) : null;
    const n = page && page.items.find((item) => !item.read);
    await self.registration.showNotification(n ? sentence(n, w) : 'Balai', {
      // A comment's words, else the post's (or an idea's title).
      body: n ? n.quote || n.excerpt || '' : w.fallback,
      lang: w.lang || 'en',
      tag: 'balai',
      renotify: true,
      icon: '/icons/icon-192.png',
      data: n ? { url: link(n), id: n.id } : { url: '/notifications' },
    });
  })());
});

// A tap opens what it is about, in the app's window if one is open, and marks it read.
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const { url, id } = event.notification.data || {};
  event.waitUntil((async () => {
    if (id) {
      await fetch('/api/notifications/read', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id }),
      }).catch(() => {});
    }
    const open = await self.clients.matchAll({ type: 'window' });
    const client = open.find((c) => 'focus' in c);
    if (client) {
      await client.focus();
      return client.navigate(url || '/notifications').catch(() => {});
    }
    return self.clients.openWindow(url || '/notifications');
  })());
});

// What this build is made of; the build (scripts/split-app.mjs) fills both lists in.
// The shell: the page's CSS, the main module and its glue, icons, manifest, Leaflet.
const SHELL_FILES = [];
// The WASM chunks of the pages outside the first screen, and their loader.
const LAZY_FILES = [];

// The shell is cached whole, so the app opens offline; the chunks each on their own, so one
// failure does not stop the rest (a page still fetches its chunk when it opens).
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((c) => Promise.all([
    c.addAll(['/', ...SHELL_FILES]),
    ...LAZY_FILES.map((f) => c.match(f).then((hit) => hit || c.add(f)).catch(() => {})),
  ])));
  self.skipWaiting();
});

// Older builds' files go (their names are hashed, so they would pile up with every deploy). A
// page of an older build still open then reloads when it needs one (components/lazy_page.rs).
self.addEventListener('activate', (event) => {
  const current = new Set(['/', ...SHELL_FILES, ...LAZY_FILES]);
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => ![SHELL, API, TILES, PHOTOS, PREFS].includes(k)).map((k) => caches.delete(k))))
      .then(() => caches.open(SHELL))
      .then((c) => c.keys().then((keys) => Promise.all(keys
        .filter((k) => !current.has(new URL(k.url).pathname))
        .map((k) => c.delete(k)))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;

  if (url.pathname === '/api/auth/logout' && req.method === 'POST') {
    event.respondWith(fetch(req).then((res) => forgetPerson().then(() => res)));
    return;
  }
  if (req.method !== 'GET') return;

  if (url.pathname.startsWith('/api/tiles/')) {
    // Tiles do not change under a person's eyes: cache first.
    event.respondWith(
      caches.open(TILES).then((c) => c.match(req)).then((hit) => hit || fetch(req).then((res) => {
        if (res.ok) event.waitUntil(keep(req, res.clone(), TILES, TILES_MAX_ENTRIES));
        return res;
      })),
    );
    return;
  }

  if (PHOTO_PATH.test(url.pathname) && url.searchParams.has('v')) {
    event.respondWith(
      caches.open(PHOTOS).then((c) => c.match(req)).then((hit) => hit || fetch(req).then((res) => {
        if (res.ok) event.waitUntil(keep(req, res.clone(), PHOTOS, PHOTOS_MAX_ENTRIES));
        else if (res.status === 401) forgetPerson();
        return res;
      })),
    );
    return;
  }

  if (url.pathname.startsWith('/api/')) {
    // Network first; offline, the last answer this browser saw.
    event.respondWith(
      fetch(req)
        .then((res) => {
          if (req.method === 'GET' && res.ok && !API_UNCACHED.includes(url.pathname)) {
            event.waitUntil(keep(req, res.clone()));
          } else if (res.status === 401) {
            forgetPerson();
          }
          return res;
        })
        .catch(() => caches.open(API).then((c) => c.match(req)).then((hit) => {
          if (hit) return hit;
          return url.pathname === '/api/places' ? placesSeen() : Response.error();
        })),
    );
    return;
  }

  if (req.mode === 'navigate') {
    // Any page of the app is the same shell: network first, the cached shell offline.
    event.respondWith(
      fetch(req)
        .then((res) => {
          const copy = res.clone();
          caches.open(SHELL).then((c) => c.put('/', copy));
          return res;
        })
        .catch(() => caches.open(SHELL).then((c) => c.match('/'))),
    );
    return;
  }

  // Hashed static files never change: cache first.
  event.respondWith(
    caches.open(SHELL).then((c) =>
      c.match(req).then((hit) => hit || fetch(req).then((res) => {
        if (res.ok) c.put(req, res.clone());
        return res;
      })),
    ),
  );
});
