// Serves the built Worker for the benchmark: the same local stack as `wrangler dev` (wrangler's
// proxy worker, miniflare, workerd, local D1), started through wrangler's startWorker API so the
// DevTools inspector can be switched off. With the inspector on, wrangler streams every D1
// subrequest (bodies included) to its Node process, which then costs more CPU than the Worker.
//   node bench/serve.mjs <port> <persist dir> [worker dir: functions, or bench/noop for the floor]
import { unstable_startWorker } from 'wrangler';
import { resolve } from 'node:path';

const [port, persist, dir = 'functions'] = process.argv.slice(2);
const root = new URL('..', import.meta.url).pathname;
process.chdir(resolve(root, dir)); // wrangler.toml's paths are relative
process.env.BALAI_SKIP_BUILD = '1'; // scripts/build.sh already ran
const worker = await unstable_startWorker({
  config: resolve('wrangler.toml'),
  // The Worker reports D1 round trips and rows read per request (x-d1-* headers) only when asked.
  bindings: { D1_METRICS: { type: 'plain_text', value: 'on' } },
  dev: {
    server: { hostname: '127.0.0.1', port: Number(port) },
    inspector: false,
    persist: resolve(root, persist),
    watch: false,
    logLevel: 'warn',
  },
});
await worker.ready;
console.log(`benchmark server at ${await worker.url}`);
const stop = async () => { await worker.dispose(); process.exit(0); };
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
