// Bundles the page into dist/: index.html, favicon.svg, assets/app-HASH.js and assets/app-HASH.css.
// The content hash in the asset names lets the host cache them for a year; index.html names them.
import { build } from 'esbuild';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(root, 'dist');

await rm(dist, { recursive: true, force: true });

const result = await build({
  absWorkingDir: root,
  entryPoints: { app: 'src/main.js' },
  outdir: 'dist/assets',
  entryNames: '[name]-[hash]',
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2022'],
  metafile: true,
  logLevel: 'warning',
});

const [script, output] = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint);
if (!output.cssBundle) {
  throw new Error('esbuild wrote no CSS bundle; src/main.js must import src/styles.css');
}

const assetPath = (file) => path.relative(dist, path.join(root, file)).split(path.sep).join('/');
const template = await readFile(path.join(root, 'src/index.html'), 'utf8');
const page = template
  .replace('%APP_JS%', assetPath(script))
  .replace('%APP_CSS%', assetPath(output.cssBundle));

await mkdir(dist, { recursive: true });
await writeFile(path.join(dist, 'index.html'), page);
await copyFile(path.join(root, 'src/favicon.svg'), path.join(dist, 'favicon.svg'));
