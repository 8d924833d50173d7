// Trunk post_build hook (Trunk.toml): splits the app's WASM into a main module and per-page
// chunks at the split points in app/src/chunks.rs, so the first screen downloads only the shell,
// login and feed. Trunk builds the crate; this replaces its wasm-bindgen output in the staging
// directory with the split one:
//   cargo's wasm (linked with --emit-relocs, app/build.rs)
//     -> wasm-split-cli: main module + chunks + the __wasm_split.js loader
//     -> wasm-bindgen --keep-lld-exports on the main module (the chunks link against its exports)
//     -> wasm-opt -Oz on every module, and esbuild minifies the glue JS (release builds)
// Every file is named with one hash of cargo's wasm, so a new build never mixes with cached
// files of an old one. The service worker (public/sw.js) is given the build's file lists to
// precache, so every page opens offline once the app has been loaded, and to drop older builds.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { transform } from 'esbuild';

const run = promisify(execFile);
const root = new URL('..', import.meta.url).pathname;
const staging = process.env.TRUNK_STAGING_DIR;
const profile = process.env.TRUNK_PROFILE === 'debug' ? 'debug' : 'release';
if (!staging) throw new Error('split-app.mjs runs as a Trunk post_build hook (TRUNK_STAGING_DIR unset)');
const targetDir = process.env.CARGO_TARGET_DIR ?? join(root, 'target');
const cargoWasm = readFileSync(join(targetDir, 'wasm32-unknown-unknown', profile, 'balai-app.wasm'));

const hash = createHash('sha256').update(cargoWasm).digest('hex').slice(0, 16);
const stem = `balai-app-${hash}`;
const html = readFileSync(join(staging, 'index.html'), 'utf8');
const trunkStem = html.match(/\/(balai-app-[0-9a-f]+)\.js/)?.[1];
if (!trunkStem) throw new Error('index.html does not load balai-app-*.js');

const work = mkdtempSync(join(tmpdir(), 'balai-split-'));
try {
  const input = join(work, 'input.wasm');
  writeFileSync(input, cargoWasm);
  await run('wasm-split-cli', [input, join(work, 'split'), '--out-name', stem]);
  await run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-typescript',
    '--out-dir', join(work, 'bindgen'), '--out-name', stem, join(work, 'split', `${stem}.wasm`)]);

  // Trunk's own (unsplit) output goes; ours takes its place.
  for (const f of readdirSync(staging)) if (f.startsWith(`${trunkStem}`)) rmSync(join(staging, f));

  const chunks = readdirSync(join(work, 'split')).filter((f) => f.endsWith('.wasm') && f !== `${stem}.wasm`);
  const named = (f) => f.replace(/\.wasm$/, `-${hash}.wasm`);
  const loader = `__wasm_split-${hash}.js`;
  const modules = [[join(work, 'bindgen', `${stem}_bg.wasm`), `${stem}_bg.wasm`],
    ...chunks.map((f) => [join(work, 'split', f), named(f)])];
  // Two cores: optimize two modules at a time, the main module (the largest) first.
  const optimize = async ([from, to]) => (profile === 'release'
    ? run('wasm-opt', ['-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', from, '-o', join(staging, to)])
    : run('cp', [from, join(staging, to)]));
  const queue = [...modules];
  await Promise.all([0, 1].map(async () => { while (queue.length) await optimize(queue.shift()); }));

  let loaderJs = readFileSync(join(work, 'split', '__wasm_split.js'), 'utf8');
  for (const f of chunks) loaderJs = loaderJs.replaceAll(`"./${f}"`, `"./${named(f)}"`);
  // Left as written: scripts/bundle-report.mjs reads each page's chunks from it (and minified it
  // would be only 0.4 KB lighter).
  writeFileSync(join(staging, loader), loaderJs);
  // Only the import's path: the imports object keeps the module name the wasm asks for.
  const glue = readFileSync(join(work, 'bindgen', `${stem}.js`), 'utf8')
    .replaceAll(/^(import .* from )"\.\/__wasm_split\.js"/gm, `$1"./${loader}"`);
  if (!glue.includes(`from "./${loader}"`)) throw new Error('the glue no longer imports ./__wasm_split.js');
  // On the first screen's path: minified, 1.8 KB (brotli) lighter. Exported names and the
  // import object's keys (the module names the wasm asks for) are kept.
  const glueJs = profile === 'release'
    ? (await transform(glue, { minify: true, format: 'esm', logLevel: 'error' })).code
    : glue;
  writeFileSync(join(staging, `${stem}.js`), glueJs);

  writeFileSync(join(staging, 'index.html'), html.replaceAll(trunkStem, stem));
  // The service worker's lists: the chunks, and every other file of the build but the page
  // itself (cached as '/'), the worker and the headers.
  const lazy = new Set([loader, ...chunks.map(named)]);
  const shell = readdirSync(staging, { recursive: true })
    .filter((f) => statSync(join(staging, f)).isFile() && !lazy.has(f) && !['index.html', 'sw.js', '_headers'].includes(f));
  const list = (files) => [...files].sort().map((f) => `'/${f}'`).join(', ');
  let sw = readFileSync(join(staging, 'sw.js'), 'utf8');
  for (const [name, files] of [['SHELL_FILES', shell], ['LAZY_FILES', lazy]]) {
    if (!sw.includes(`const ${name} = [];`)) throw new Error(`sw.js lost its ${name} line`);
    sw = sw.replace(`const ${name} = [];`, `const ${name} = [${list(files)}];`);
  }
  writeFileSync(join(staging, 'sw.js'), sw);
  console.log(`split-app: main module + ${chunks.length} chunks (${stem})`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
