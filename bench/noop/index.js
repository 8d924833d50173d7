// The benchmark's floor: a Worker that answers at once and touches nothing. Served by the same
// local stack as Balai's (bench/serve.mjs), behind the same static-assets routing, it shows what
// wrangler's proxy, workerd's asset router and the clients themselves cost on this machine
// before any of Balai's code runs.
export default {
  async fetch() {
    return new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } });
  },
};
