// Bundle report: raw, gzip and brotli sizes of the app (dist/) and the Worker (functions/build/),
// against the budgets in issue #2. `--check` exits 1 when a budget is exceeded.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const KB = 1024;
const BUDGET = { appWasmBrotli: 90 * KB, firstLoadBrotli: 130 * KB };

function sizes(path) {
  const raw = readFileSync(path);
  return {
    raw: raw.length,
    gzip: gzipSync(raw, { level: 9 }).length,
    brotli: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}
const kb = (n) => `${(n / KB).toFixed(1)} KB`;
const row = (name, s) => `| ${name.padEnd(28)} | ${kb(s.raw).padStart(10)} | ${kb(s.gzip).padStart(10)} | ${kb(s.brotli).padStart(10)} |`;

const lines = ['| file | raw | gzip | brotli |', '|---|---:|---:|---:|'];
const dist = readdirSync('dist');
const pick = (re) => dist.filter((f) => re.test(f)).map((f) => [f, sizes(`dist/${f}`)]);
const wasm = pick(/\.wasm$/);
const firstLoad = [...pick(/^index\.html$/), ...pick(/\.css$/), ...pick(/^balai-app.*\.js$/), ...wasm];
for (const [f, s] of firstLoad) lines.push(row(f.replace(/-[0-9a-f]{16}/, ''), s));
const total = firstLoad.reduce((a, [, s]) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
lines.push(row('first load (all of the above)', total));
// The map page's Leaflet, fetched on that page only (its Rust is in the app's wasm above).
const vendor = existsSync('dist/vendor') ? readdirSync('dist/vendor').flatMap((d) => readdirSync(`dist/vendor/${d}`).map((f) => `dist/vendor/${d}/${f}`)) : [];
const mapPage = vendor.map((f) => sizes(f)).reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
if (vendor.length) lines.push(row('map page adds (Leaflet)', mapPage));
for (const f of ['functions/build/index_bg.wasm', 'functions/build/index.js']) {
  if (existsSync(f)) lines.push(row(`worker ${f.split('/').pop()}`, sizes(f)));
}
console.log(lines.join('\n'));

const appWasm = wasm.reduce((a, [, s]) => a + s.brotli, 0);
const over = [];
if (appWasm > BUDGET.appWasmBrotli) over.push(`app wasm ${kb(appWasm)} brotli > budget ${kb(BUDGET.appWasmBrotli)}`);
if (total.brotli > BUDGET.firstLoadBrotli) over.push(`first load ${kb(total.brotli)} brotli > budget ${kb(BUDGET.firstLoadBrotli)}`);
console.log(over.length ? `OVER BUDGET: ${over.join('; ')}` : `within budget (app wasm ≤ ${kb(BUDGET.appWasmBrotli)}, first load ≤ ${kb(BUDGET.firstLoadBrotli)} brotli)`);
if (process.argv.includes('--check') && over.length) process.exit(1);
