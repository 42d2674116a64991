// npm start: build if the sources changed, then migrate, load the demo into an empty database and serve.
import fs from 'node:fs';
import path from 'node:path';
import { buildAll } from './build.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

function newest(dir) {
  let latest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    latest = Math.max(latest, e.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

const marker = path.join(root, 'dist', '.built');
if (!fs.existsSync(marker) || fs.statSync(marker).mtimeMs < newest(path.join(root, 'src'))) {
  console.log('Building…');
  await buildAll();
}
process.argv = [process.argv[0], 'dateline', 'serve', '--demo', ...process.argv.slice(2)];
const { cli } = await import('../dist/cli/main.js');
await cli();
