// Balai's service worker: the app shell opens with no network, the API's last answers are kept
// for reading offline, and everything per-person is dropped at logout.
const SHELL = 'balai-shell-v1';
const API = 'balai-api-v1';
// Answers kept for reading offline; the oldest go first. Searches and the unread poll are
// not worth keeping.
const API_MAX_ENTRIES = 200;
const API_UNCACHED = ['/api/search', '/api/notifications/unread'];

async function keep(req, res) {
  const cache = await caches.open(API);
  await cache.put(req, res);
  const keys = await cache.keys();
  await Promise.all(keys.slice(0, Math.max(0, keys.length - API_MAX_ENTRIES)).map((k) => cache.delete(k)));
}

// Trunk hashes file names, so the shell is cached as it is fetched rather than from a fixed list.
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((c) => c.addAll(['/', '/manifest.webmanifest', '/icons/icon-192.png'])));
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== SHELL && k !== API).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;

  if (url.pathname === '/api/auth/logout' && req.method === 'POST') {
    event.respondWith(fetch(req).then((res) => caches.delete(API).then(() => res)));
    return;
  }
  if (req.method !== 'GET') return;

  if (url.pathname.startsWith('/api/')) {
    // Network first; offline, the last answer this browser saw.
    event.respondWith(
      fetch(req)
        .then((res) => {
          if (res.ok && !API_UNCACHED.includes(url.pathname)) {
            event.waitUntil(keep(req, res.clone()));
          } else if (res.status === 401) {
            caches.delete(API);
          }
          return res;
        })
        .catch(() => caches.open(API).then((c) => c.match(req)).then((hit) => hit || Response.error())),
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
