// What the benchmark clients share: N concurrent clients, each sending its requests one after
// another, and the latency percentiles of all of them.

/** Runs `clients` concurrent loops of `perClient` calls of `one(client, i)`, which answers a
 *  sample with its `ms`; answers the samples and the wall time. */
export async function closedLoop(clients, perClient, one) {
  const samples = [];
  const wall0 = performance.now();
  await Promise.all(Array.from({ length: clients }, async (_, c) => {
    for (let i = 0; i < perClient; i++) samples.push(await one(c, i));
  }));
  return { samples, wall: performance.now() - wall0 };
}

/** "p50 … p95 … p99 … max …" of the samples' `ms`. */
export function percentiles(samples) {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const pct = (p) => ms[Math.min(ms.length - 1, Math.ceil((p / 100) * ms.length) - 1)].toFixed(1);
  return `p50 ${pct(50)}  p95 ${pct(95)}  p99 ${pct(99)}  max ${ms[ms.length - 1].toFixed(1)}`;
}
