/** What the benchmarks share: the repository root, loopback, clean child environments, free ports, RSS readings. */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Benchmarks talk to this machine only. */
export const HOST = '127.0.0.1';

/** A failure the bench explains in a sentence (bad option, a server that would not start…): no stack trace. */
export class BenchError extends Error {}

/** Config variables Dateline reads; they are removed from the children's environment and set explicitly. */
const DATELINE_VARS = [
  'PORT', 'HOST', 'DATABASE_URL', 'PUBLIC_URL', 'ALLOWED_HOSTS', 'DATA_DIR', 'PAGE_CACHE', 'PAGE_CACHE_MB',
  'VIEWS_FLUSH_MS', 'TRUST_PROXY', 'LOG_LEVEL', 'SITE_NAME', 'SITE_LOCALE', 'SITE_TIME_ZONE',
];

export function childEnv(extra) {
  const env = { ...process.env };
  for (const name of DATELINE_VARS) delete env[name];
  return { ...env, ...extra };
}

/** VmRSS of a process in kB, or null once it has gone. */
export function readRssKB(pid) {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, HOST, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** The newest modification time below `dir`, to tell whether dist/ is older than its sources. */
export function newestMtime(dir) {
  let latest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    latest = Math.max(latest, e.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

/**
 * A bench's command line (node:util parseArgs, strict): `options` plus --json and -h/--help. A bad option is a
 * BenchError that shows the usage; --help prints it and exits.
 */
export function parseCli(options, usage) {
  let values;
  try {
    ({ values } = parseArgs({
      options: { ...options, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new BenchError(`${error.message}\n\n${usage()}`);
  }
  if (values.help) {
    console.log(usage());
    process.exit(0);
  }
  return values;
}
