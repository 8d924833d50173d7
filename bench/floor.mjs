// The floor under the API's latencies: the same 8 node clients as bench/api.mjs, against a URL
// that does no work (a no-op Worker on the same local stack, or Balai's /api/health).
//   node bench/floor.mjs <label> <url> [clients] [requests per client]
import { closedLoop, percentiles } from './latency.mjs';

const [label, url, clients = '8', perClient = '250'] = process.argv.slice(2);
async function get() {
  const t0 = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
  return { ms: performance.now() - t0 };
}
for (let i = 0; i < 20; i++) await get(); // warm up
const { samples, wall } = await closedLoop(Number(clients), Number(perClient), get);
console.log(`${label}: ${samples.length} requests, ${clients} concurrent clients`);
console.log(`  latency ms: ${percentiles(samples)}`);
console.log(`  throughput: ${(samples.length / (wall / 1000)).toFixed(0)} req/s`);
