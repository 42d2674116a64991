// Builds the server (src → dist, one file per module) and the browser bundles (src/client → dist/public).
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');

function sources(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'client' && dir === src ? [] : sources(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

export async function buildAll() {
  fs.rmSync(dist, { recursive: true, force: true });
  await build({
    entryPoints: sources(src),
    outdir: dist,
    outbase: src,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    jsx: 'transform',
    jsxFactory: 'h',
    jsxFragment: 'Fragment',
    logLevel: 'warning',
  });
  await build({
    entryPoints: [path.join(src, 'client', 'site.ts'), path.join(src, 'client', 'editor.ts')],
    outdir: path.join(dist, 'public'),
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2019',
    logLevel: 'warning',
  });
  for (const file of ['site.css', 'admin.css', 'favicon.svg']) fs.copyFileSync(path.join(src, 'client', file), path.join(dist, 'public', file));
  fs.writeFileSync(path.join(dist, '.built'), new Date().toISOString());
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildAll();
  console.log('Built dist/.');
}
