/**
 * The second half of `npm run build`: tsc's output (dist/) bundled into dist/bundle/, which `npm start` and the
 * `entitlebot` binary run. Why: Node's ESM loader resolving, reading and linking some hundred small files (ours,
 * Kysely's, Luxon's, …) was about a third of a one-shot `entitlebot ask` (bench/startup.ts); one entry and a few
 * chunks load in a fraction of that.
 *
 * - Code splitting keeps the lazy imports lazy: Bolt's side, the plan checker, the search engine are chunks of
 *   their own that load only when a command reaches them (dist/bundle/meta.json says which chunk holds what; the
 *   start-up test reads it).
 * - Packages with native code, workers or their own file layout stay outside (EXTERNAL); the rest are bundled.
 * - Every module's `import.meta.url` is rewritten to the URL of its own file in dist/, so the paths it builds
 *   (knowledge/, data/, the holiday worker) and the code fingerprints it reads (src/fingerprint) are the same
 *   whether it runs bundled or not.
 * - Whitespace and syntax are minified (about 7 % off a start: V8 parses fewer bytes); names are kept, so stack
 *   traces stay readable. No source map: Node reads a bundle's source-map comment at every start even when source
 *   maps are off (a few milliseconds). To trace a stack to src/, run tsc's output, which has maps:
 *   `node --enable-source-maps dist/cli.js …`.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
const dist = `${root}dist/`;
const outdir = `${dist}bundle`;

/** Native code (better-sqlite3), worker threads (pino, the holiday worker's library), Bolt's CommonJS tree, pg. */
const EXTERNAL = ['better-sqlite3', 'pg', 'pino', 'date-holidays', '@slack/*'];

const ownUrl = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/].*\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      const url = JSON.stringify(relative(outdir, args.path).split('\\').join('/'));
      return {
        contents: text.replaceAll('import.meta.url', `new URL(${url}, import.meta.url).href`),
        loader: 'js',
        resolveDir: dirname(args.path),
      };
    });
  },
};

await rm(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: [`${dist}cli.js`],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  // bundled CommonJS packages call require(): give every chunk one
  banner: {
    js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);",
  },
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: false,
  metafile: true,
  logLevel: 'warning',
  plugins: [ownUrl],
});

/** chunk → the packages and dist/ files in it, for the start-up test */
const meta = {};
for (const [file, output] of Object.entries(result.metafile.outputs)) {
  if (!file.endsWith('.js')) continue;
  meta[relative(outdir, `${root}${file}`)] = Object.keys(output.inputs);
}
await writeFile(`${outdir}/meta.json`, `${JSON.stringify(meta, null, 1)}\n`);
