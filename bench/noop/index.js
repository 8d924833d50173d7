// The benchmark's floor: a Worker that answers at once and touches nothing. Served by the same
// local stack as Balai's (bench/serve.mjs), it shows what wrangler's proxy, workerd and the
// clients themselves cost on this machine before any of Balai's code runs.
export default {
  async fetch() {
    return new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } });
  },
};
