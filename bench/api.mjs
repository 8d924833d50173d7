// API benchmark: N concurrent clients against a running local Worker (bench/serve.mjs), as
// the seeded admin (or, where a page differs for them, a member). For each scenario it prints
// latency percentiles, D1 round trips and rows read per request (from the Worker's x-d1-*
// headers), and workerd's CPU per request.
//   node bench/api.mjs <base url> <workerd pid> [clients] [requests per client]
import { readFileSync } from 'node:fs';
import { closedLoop, percentiles } from './latency.mjs';

const [base, pid, clients = '8', perClient = '250'] = process.argv.slice(2);
const CLIENTS = Number(clients);
const PER_CLIENT = Number(perClient);
const TICKS = 100; // USER_HZ

function cpuTicks(p) {
  // utime + stime of workerd and its children (fields 14-17 of /proc/<pid>/stat).
  const f = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
}

/** A session cookie for a seeded person (every demo person has the demo password). */
async function loginAs(email) {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email, password: 'balai-demo-2026' }),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  return login.headers.get('set-cookie').split(';')[0];
}
const admin = await loginAs('admin@balai.demo');

async function get(path, cookie = admin) {
  const t0 = performance.now();
  const res = await fetch(base + path, { headers: { cookie } });
  const body = await res.json();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
  return { ms, body, queries: Number(res.headers.get('x-d1-queries')), rows: Number(res.headers.get('x-d1-rows-read')) };
}

/** Paths through a paged list: the first 40 pages' cursors, so requests spread over history. */
async function pages(path) {
  const sep = path.includes('?') ? '&' : '?';
  const out = [path];
  let page = await get(path);
  for (let i = 0; i < 40 && page.body.next_cursor; i++) {
    const next = `${path}${sep}cursor=${encodeURIComponent(page.body.next_cursor)}`;
    out.push(next);
    page = await get(next);
  }
  return out;
}

async function run(name, paths, budget, cookie = admin) {
  for (let i = 0; i < 20; i++) await get(paths[i % paths.length], cookie); // warm up
  const cpu0 = cpuTicks(pid);
  const { samples, wall } = await closedLoop(CLIENTS, PER_CLIENT, (c, i) => get(paths[(c * PER_CLIENT + i) % paths.length], cookie));
  const cpuMs = ((cpuTicks(pid) - cpu0) / TICKS) * 1000;
  const rows = samples.map((s) => s.rows);
  console.log(`\n${name}: ${samples.length} requests, ${CLIENTS} concurrent clients (budget: ${budget})`);
  console.log(`  latency ms: ${percentiles(samples)}`);
  console.log(`  throughput: ${(samples.length / (wall / 1000)).toFixed(0)} req/s`);
  console.log(`  D1 round trips per request: max ${Math.max(...samples.map((s) => s.queries))}`);
  console.log(`  D1 rows read per request: max ${Math.max(...rows)}, mean ${(rows.reduce((a, b) => a + b, 0) / rows.length).toFixed(1)}`);
  console.log(`  workerd CPU per request (incl. local D1): ${(cpuMs / samples.length).toFixed(2)} ms`);
}

/** Ten of the seeded cities (seed/places.rs), as [lat, lng]. */
const CITIES = [[-6.2088, 106.8456], [-7.2575, 112.7521], [3.5952, 98.6722], [-6.9175, 107.6191],
  [-6.9667, 110.4167], [-5.1477, 119.4327], [-8.6705, 115.2126], [-7.7956, 110.3695], [-0.0263, 109.3425],
  [-2.5337, 140.7181]];
const only = process.env.BENCH_ONLY; // e.g. "search" to run one scenario
const scenarios = [
  ['feed', 'home feed, 20 posts a page', async () => pages('/api/posts'), 'p99 <= 30 ms, <= 2 round trips, rows <= 60'],
  ['following', 'filtered home feed (following)', async () => pages('/api/posts?filter=following'), 'p99 <= 30 ms'],
  ['search', 'search, grouped by kind', async () =>
    ['gudang', 'rapat', 'target penjualan', 'medan', 'pameran', 'safety', 'budi', 'tim'].map((q) => `/api/search?q=${encodeURIComponent(q)}`),
  'p99 <= 50 ms'],
  // The busiest of the admin's groups: its feed also checks the group (same round trip).
  ['group', "a group's feed", async () => {
    const groups = (await get('/api/groups?mine=1')).body.items;
    const busiest = groups.reduce((a, b) => (b.member_count > a.member_count ? b : a));
    return pages(`/api/posts?group=${busiest.id}`);
  }, 'reported'],
  // "Near me" in ten of the seeded cities, the map's places 50 km around each (as the admin, who
  // sees them all): the first box is read with the session, wider ones only when needed.
  ['near', 'places near a point, the 10 nearest', async () =>
    CITIES.map(([lat, lng]) => `/api/places/near?lat=${lat + 0.01}&lng=${lng - 0.01}&limit=10`), 'reported'],
  // The map zoomed to a district (about 20 km across) of the same cities.
  ['box', 'the map zoomed to a district', async () =>
    CITIES.map(([lat, lng]) => `/api/places?bbox=${[lng - 0.1, lat - 0.1, lng + 0.1, lat + 0.1].join(',')}`), 'reported'],
  ['unread', 'unread-count poll', async () => ['/api/notifications/unread'], 'p99 <= 10 ms'],
  ['notifications', 'notification centre', async () => pages('/api/notifications'), 'reported'],
  ['directory', 'directory, by name', async () => pages('/api/directory'), 'reported'],
  // As a colleague sees them: the first member in the directory opens 40 others' pages.
  ['profile', "a colleague's work page (as a member)", async () => {
    const people = (await get('/api/directory')).body.items.filter((p) => p.email !== 'admin@balai.demo');
    const member = await loginAs(people[0].email);
    return { paths: people.slice(1, 41).map((p) => `/api/people/${p.id}`), as: member };
  }, 'reported'],
];
for (const [key, name, paths, budget] of scenarios) {
  if (only && only !== key) continue;
  const got = await paths();
  const { paths: list, as } = Array.isArray(got) ? { paths: got } : got;
  await run(name, list, budget, as);
}
