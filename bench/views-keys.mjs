#!/usr/bin/env node
// Memory of the views counter's "seen today" set: the keys Dateline keeps (52-bit numbers, from viewerKey in
// dist/features/views/rules.js) side by side with the string keys it kept before (22 base64url characters of the
// same hash), for the same readers in the same run. Prints bytes a key for each and their ratio.
//
//   node --expose-gc bench/views-keys.mjs [--readers 1000000]
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { readers: { type: 'string', default: '1000000' } } });
const readers = Number(values.readers);
if (!Number.isInteger(readers) || readers < 1000) {
  console.error('--readers must be a whole number from 1000 up');
  process.exit(1);
}
if (typeof global.gc !== 'function') {
  console.error('Run with node --expose-gc bench/views-keys.mjs');
  process.exit(1);
}
const rules = path.join(root, 'dist/features/views/rules.js');
if (!existsSync(rules)) {
  console.error('dist/ is missing: run npm run build first');
  process.exit(1);
}
const { viewerKey, newDailySalt } = await import(pathToFileURL(rules).href);

const salt = newDailySalt();
const ua = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const address = (i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
const stringKey = (i) => createHash('sha256').update(`${salt}\u0000${address(i)}\u0000${ua}\u00001`).digest('base64url').slice(0, 22);

function bytesPerKey(makeKey) {
  global.gc();
  const before = process.memoryUsage().heapUsed;
  const seen = new Set();
  for (let i = 0; i < readers; i++) seen.add(makeKey(i));
  global.gc();
  const perKey = (process.memoryUsage().heapUsed - before) / seen.size;
  if (seen.size !== readers) console.error(`note: ${readers - seen.size} keys collided`);
  return perKey;
}

const before = bytesPerKey(stringKey);
const now = bytesPerKey((i) => viewerKey(salt, address(i), ua, 1));
console.log(`readers: ${readers.toLocaleString('en')}`);
console.log(`string keys (before): ${before.toFixed(1)} bytes a key`);
console.log(`number keys (now):    ${now.toFixed(1)} bytes a key`);
console.log(`now/before = ${(now / before).toFixed(3)}`);
