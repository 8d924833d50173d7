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
const sum = (list) => list.reduce((a, [, s]) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
// Trunk's hashes are 16 hex digits, or fewer when they begin with zeros.
const unhashed = (f) => f.replace(/-[0-9a-f]{8,16}(?=[._])/, '');
// The first screen: the page, its CSS, and the main module with its glue and chunk loader
// (scripts/split-app.mjs). Pages outside it fetch their chunks on first visit (app/src/chunks.rs).
const wasm = pick(/^balai-app-[0-9a-f]+_bg\.wasm$/);
const firstLoad = [...pick(/^index\.html$/), ...pick(/\.css$/), ...pick(/^(balai-app|__wasm_split)-[0-9a-f]+\.js$/), ...wasm];
for (const [f, s] of firstLoad) lines.push(row(unhashed(f), s));
const total = sum(firstLoad);
lines.push(row('first load (all of the above)', total));
// Each page group's chunk plus the shared chunks it needs, as __wasm_split.js lists them.
const loaderFile = dist.find((f) => /^__wasm_split-[0-9a-f]+\.js$/.test(f));
const loader = loaderFile ? readFileSync(`dist/${loaderFile}`, 'utf8') : '';
const fileOf = (name) => loader.match(new RegExp(`const ${name} = makeLoad\\(\\(\\) => \\{\\s*const src = fetch\\(new URL\\("\\./([^"]+)"`))?.[1];
const chunks = [...loader.matchAll(/export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"[\s\S]*?\n, \[([^\]]*)\]\)\);/g)];
for (const [, name, file, deps] of chunks) {
  const files = [file, ...deps.split(',').map((d) => d.trim()).filter(Boolean).map(fileOf)];
  lines.push(row(`+ ${name} pages (${files.length} files)`, sum(files.map((f) => [f, sizes(`dist/${f}`)]))));
}
const allWasm = sum(pick(/\.wasm$/));
if (chunks.length) lines.push(row('all app wasm (every page)', allWasm));
// The map page's Leaflet, fetched on that page only (its Rust is in the map chunk above).
const vendor = existsSync('dist/vendor') ? readdirSync('dist/vendor').flatMap((d) => readdirSync(`dist/vendor/${d}`).map((f) => `dist/vendor/${d}/${f}`)) : [];
const mapPage = vendor.map((f) => sizes(f)).reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
if (vendor.length) lines.push(row('map page adds (Leaflet)', mapPage));
for (const f of ['functions/build/index_bg.wasm', 'functions/build/index.js']) {
  if (existsSync(f)) lines.push(row(`worker ${f.split('/').pop()}`, sizes(f)));
}
console.log(lines.join('\n'));

const appWasm = sum(wasm).brotli;
const over = [];
if (appWasm > BUDGET.appWasmBrotli) over.push(`app main wasm ${kb(appWasm)} brotli > budget ${kb(BUDGET.appWasmBrotli)}`);
if (total.brotli > BUDGET.firstLoadBrotli) over.push(`first load ${kb(total.brotli)} brotli > budget ${kb(BUDGET.firstLoadBrotli)}`);
console.log(over.length ? `OVER BUDGET: ${over.join('; ')}` : `within budget (app wasm ≤ ${kb(BUDGET.appWasmBrotli)}, first load ≤ ${kb(BUDGET.firstLoadBrotli)} brotli)`);
if (process.argv.includes('--check') && over.length) process.exit(1);
