// Feed API benchmark: N concurrent clients page through GET /api/posts (20 a page) against a
// running `wrangler dev`, as one logged-in person. Prints latency percentiles, D1 round trips and
// rows read per request (from the Worker's x-d1-* headers), and workerd's CPU per request.
//   node bench/feed.mjs <base url> <workerd pid> [clients] [requests per client]
import { readFileSync } from 'node:fs';

const [base, pid, clients = '8', perClient = '250'] = process.argv.slice(2);
const CLIENTS = Number(clients);
const PER_CLIENT = Number(perClient);
const TICKS = 100; // USER_HZ

function cpuTicks(p) {
  // utime + stime of workerd and its children (fields 14-17 of /proc/<pid>/stat).
  const f = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
}

const login = await fetch(`${base}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', origin: base },
  body: JSON.stringify({ email: 'admin@balai.demo', password: 'balai-demo-2026' }),
});
if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
const cookie = login.headers.get('set-cookie').split(';')[0];

async function get(path) {
  const t0 = performance.now();
  const res = await fetch(base + path, { headers: { cookie } });
  const body = await res.json();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
  return { ms, body, queries: Number(res.headers.get('x-d1-queries')), rows: Number(res.headers.get('x-d1-rows-read')) };
}

// Cursors spread through the whole history: the first 40 pages and then deep ones.
const cursors = [null];
let page = await get('/api/posts');
for (let i = 0; i < 40 && page.body.next_cursor; i++) {
  cursors.push(page.body.next_cursor);
  page = await get(`/api/posts?cursor=${page.body.next_cursor}`);
}
for (let i = 0; i < 20; i++) await get('/api/posts'); // warm up

const samples = [];
const cpu0 = cpuTicks(pid);
const wall0 = performance.now();
await Promise.all(Array.from({ length: CLIENTS }, async (_, c) => {
  for (let i = 0; i < PER_CLIENT; i++) {
    const cursor = cursors[(c * PER_CLIENT + i) % cursors.length];
    samples.push(await get(cursor ? `/api/posts?cursor=${cursor}` : '/api/posts'));
  }
}));
const wall = performance.now() - wall0;
const cpuMs = ((cpuTicks(pid) - cpu0) / TICKS) * 1000;

const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
const pct = (p) => ms[Math.min(ms.length - 1, Math.ceil((p / 100) * ms.length) - 1)].toFixed(1);
const maxQueries = Math.max(...samples.map((s) => s.queries));
const rows = samples.map((s) => s.rows);
const items = samples[0].body.items.length;
console.log(`feed API: ${samples.length} requests, ${CLIENTS} concurrent clients, ${items} posts a page`);
console.log(`latency ms: p50 ${pct(50)}  p95 ${pct(95)}  p99 ${pct(99)}  max ${ms[ms.length - 1].toFixed(1)}`);
console.log(`throughput: ${(samples.length / (wall / 1000)).toFixed(0)} req/s`);
console.log(`D1 round trips per request: max ${maxQueries}`);
console.log(`D1 rows read per request: max ${Math.max(...rows)}, mean ${(rows.reduce((a, b) => a + b, 0) / rows.length).toFixed(1)} (budget ${3 * items})`);
console.log(`workerd CPU per request (incl. local D1): ${(cpuMs / samples.length).toFixed(2)} ms`);
