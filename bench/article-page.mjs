#!/usr/bin/env node
// Article-page throughput benchmark: `npm run bench` (see bench/README.md and docs/benchmarks.md).
//
// One run, on loopback only, one server at a time:
//   (a) baseline: a bare node:http server answering every request with the exact bytes and headers
//       Dateline sends for one article page (captured from Dateline first);
//   (b) Dateline with the page cache (the default);
//   (c) Dateline with PAGE_CACHE=off (every request is routed, queried and rendered).
// Each is loaded with wrk after a warm-up while the server's RSS is sampled from /proc.
// The Dateline children run bin/dateline.js (dist/cli/main.js only exports cli() and runs nothing).
// Exit code: 0 when every step ran (whether or not the goals hold), 1 when something failed.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { BenchError, childEnv, freePort, HOST, newestMtime, parseCli, readRssKB, root } from './kit.mjs';

const GOALS = { cachedVsBaseline: 0.8, uncachedVsBaseline: 0.15, maxRssMB: 150 };
/** Headers node:http adds by itself; everything else of Dateline's response is replayed by the baseline. */
const HOP_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);


// ---------------------------------------------------------------------------------------------
// Orchestrator
// ---------------------------------------------------------------------------------------------
function usage() {
  return `Usage: node bench/article-page.mjs [options]   (npm run bench -- [options])

  --duration <s>      measured load per server, seconds (default 10)
  --warmup <s>        warm-up load before each measurement, seconds (default 3)
  --connections <n>   wrk connections (default 64)
  --threads <n>       wrk threads (default 2)
  --rounds <n>        repeat a, b, c this many times, one after another, and report the
                      median req/s and latencies and the highest RSS (default 1)
  --encoding <e>      Accept-Encoding the load sends: identity, gzip or br (default identity, like wrk)
  --only <list>       run only some servers, e.g. --only a,b (default a,b,c)
  --pin               pin the server to CPU 0 and wrk to CPU 1 (taskset): steadier figures on a
                      2-CPU machine, but a different setup from the default shared CPUs
  --node-options <s>  extra node flags for the Dateline servers (b) and (c) only,
                      e.g. --node-options="--max-semi-space-size=2"
  --build             rebuild dist/ first even when it exists
  --keep              keep the temporary directory (database, captured response, logs)
  --json              print the result as JSON on stdout (progress still goes to stderr)
  -h, --help          this text`;
}

function parseOptions() {
  const values = parseCli(
    {
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '3' },
      connections: { type: 'string', default: '64' },
      threads: { type: 'string', default: '2' },
      rounds: { type: 'string', default: '1' },
      encoding: { type: 'string', default: 'identity' },
      only: { type: 'string', default: 'a,b,c' },
      'node-options': { type: 'string', default: '' },
      build: { type: 'boolean', default: false },
      pin: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
    usage,
  );
  const int = (name, min, max) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < min || n > max) throw new BenchError(`--${name} must be a whole number from ${min} to ${max} (got "${values[name]}").`);
    return n;
  };
  const opts = {
    duration: int('duration', 1, 600),
    warmup: int('warmup', 0, 120),
    connections: int('connections', 1, 10_000),
    threads: int('threads', 1, 64),
    rounds: int('rounds', 1, 20),
    encoding: values.encoding,
    only: values.only.split(',').map((s) => s.trim()).filter(Boolean),
    nodeOptions: values['node-options'].split(/\s+/).filter(Boolean),
    build: values.build,
    pin: values.pin,
    keep: values.keep,
    json: values.json,
  };
  if (!['identity', 'gzip', 'br'].includes(opts.encoding)) throw new BenchError('--encoding must be identity, gzip or br.');
  if (opts.only.length === 0 || opts.only.some((s) => !['a', 'b', 'c'].includes(s))) throw new BenchError('--only takes a comma-separated subset of a,b,c.');
  if (opts.connections < opts.threads) throw new BenchError('--connections must be at least --threads (wrk needs one connection per thread).');
  return opts;
}

const log = (line) => process.stderr.write(`${line}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ----- child processes: every one is tracked and killed on the way out -----------------------
const children = new Set();
/** The run's temporary directory, removed on the way out unless --keep. */
const scratch = { dir: null, keep: false };
/** --pin: [command, ...args] prefixes for server children and wrk. */
const pinning = { server: [], wrk: [] };

function spawnPinned(prefix, command, args, options) {
  return prefix.length ? spawn(prefix[0], [...prefix.slice(1), command, ...args], options) : spawn(command, args, options);
}

function removeScratch() {
  if (scratch.dir && !scratch.keep) fs.rmSync(scratch.dir, { recursive: true, force: true });
  else if (scratch.dir) log(`Kept ${scratch.dir}`);
  scratch.dir = null;
}

function track(child) {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

async function stopChild(child, graceMs = 3000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), sleep(graceMs).then(() => true)]);
  if (timedOut) {
    child.kill('SIGKILL');
    await Promise.race([exited, sleep(2000)]);
  }
}

function killAllNow() {
  for (const child of children) {
    try {
      child.kill('SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

function killChildrenOnExit() {
  process.on('exit', killAllNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      log(`\nbench: ${signal}, stopping the servers.`);
      killAllNow();
      removeScratch();
      process.exit(1);
    });
  }
}

// ----- helpers --------------------------------------------------------------------------------
function findOnPath(cmd) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const full = path.join(dir, cmd);
    try {
      fs.accessSync(full, fs.constants.X_OK);
      return full;
    } catch {
      /* not here */
    }
  }
  return null;
}


/** One GET over node:http (not fetch: fetch would ask for and silently decode compressed bodies). */
function httpGet(port, urlPath, headers = {}, timeoutMs = 10_000) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: HOST, port, path: urlPath, method: 'GET', headers, agent: false, timeout: timeoutMs }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const raw = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) raw.push([res.rawHeaders[i], res.rawHeaders[i + 1]]);
        resolve({ status: res.statusCode, headers: res.headers, rawHeaders: raw, body: Buffer.concat(chunks) });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${urlPath} timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}

/** The page a response carries, decoded from its Content-Encoding. */
function decodedBody(res) {
  const encoding = res.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(res.body);
  if (encoding === 'gzip') return gunzipSync(res.body);
  return res.body;
}

async function ensureBuilt(force) {
  const marker = path.join(root, 'dist', '.built');
  if (force || !fs.existsSync(marker)) {
    log(force ? 'Building dist/ (--build)…' : 'dist/.built is missing: building…');
    const { buildAll } = await import('../scripts/build.mjs');
    await buildAll();
    return;
  }
  if (fs.statSync(marker).mtimeMs < newestMtime(path.join(root, 'src'))) {
    log('Warning: dist/ is older than some file in src/; the bench measures the last build. Run `npm run build` or pass --build to measure the current sources.');
  }
}

/** Starts a server child and waits (bounded) until `readyPath` answers. */
async function startServer({ name, args, env, cwd, logFile, readyPath = '/healthz', port, timeoutMs = 30_000 }) {
  const out = fs.openSync(logFile, 'a');
  // taskset execs the command, so the child's pid stays the server's pid (for /proc/<pid>/status).
  const child = track(spawnPinned(pinning.server, process.execPath, args, { cwd, env, stdio: ['ignore', out, out] }));
  fs.closeSync(out);
  let spawnError = null;
  child.once('error', (e) => (spawnError = e));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (spawnError) throw new BenchError(`${name}: could not start: ${spawnError.message}`);
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new BenchError(`${name}: exited during start-up (code ${child.exitCode ?? child.signalCode}). Log:\n${tail(logFile)}`);
    }
    try {
      const res = await httpGet(port, readyPath, {}, 1000);
      if (res.status === 200) return child;
    } catch {
      /* not listening yet */
    }
    await sleep(100);
  }
  await stopChild(child);
  throw new BenchError(`${name}: not ready on ${HOST}:${port} after ${timeoutMs / 1000} s. Log:\n${tail(logFile)}`);
}

function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

// ----- wrk ------------------------------------------------------------------------------------
const UNIT_MS = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

function parseDurationMs(text) {
  const m = /^([\d.]+)(us|ms|s|m|h)$/.exec(text);
  return m ? Number(m[1]) * UNIT_MS[m[2]] : NaN;
}

function parseWrk(output) {
  const num = (re) => {
    const m = re.exec(output);
    return m ? Number(m[1]) : null;
  };
  const pct = (p) => {
    const m = new RegExp(`^\\s*${p}%\\s+(\\S+)`, 'm').exec(output);
    return m ? parseDurationMs(m[1]) : null;
  };
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const total = /(\d+) requests in ([\d.]+)(\w+), ([\d.]+)(\w+) read/.exec(output);
  return {
    requestsPerSec: num(/Requests\/sec:\s+([\d.]+)/),
    requests: total ? Number(total[1]) : null,
    p50ms: pct(50),
    p75ms: pct(75),
    p90ms: pct(90),
    p99ms: pct(99),
    non2xx: num(/Non-2xx or 3xx responses: (\d+)/) ?? 0,
    socketErrors: socket
      ? { connect: Number(socket[1]), read: Number(socket[2]), write: Number(socket[3]), timeout: Number(socket[4]) }
      : { connect: 0, read: 0, write: 0, timeout: 0 },
    transferPerSec: /Transfer\/sec:\s+(\S+)/.exec(output)?.[1] ?? null,
  };
}

function runWrk(url, { seconds, threads, connections, headers, latency }) {
  const args = ['-t', String(threads), '-c', String(connections), '-d', `${seconds}s`, '--timeout', '5s'];
  for (const h of headers) args.push('-H', h);
  if (latency) args.push('--latency');
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = track(spawnPinned(pinning.wrk, 'wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] }));
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    // wrk stops by itself after `seconds`; this is only a guard against a hang.
    const guard = setTimeout(() => child.kill('SIGKILL'), (seconds + 30) * 1000);
    child.once('error', (e) => {
      clearTimeout(guard);
      reject(new BenchError(`wrk could not run: ${e.message}`));
    });
    child.once('close', (code, signal) => {
      clearTimeout(guard);
      if (code !== 0) reject(new BenchError(`wrk failed (${code ?? signal}): ${stderr.trim() || stdout.trim()}`));
      else resolve(stdout);
    });
  });
}

/** Samples VmRSS of `pid` every 200 ms until stop() is called; returns the peak in kB. */
function sampleRss(pid) {
  let peak = readRssKB(pid) ?? 0;
  let samples = 0;
  const timer = setInterval(() => {
    const kb = readRssKB(pid);
    if (kb !== null) {
      samples++;
      if (kb > peak) peak = kb;
    }
  }, 200);
  return () => {
    clearInterval(timer);
    return { peakKB: peak, samples };
  };
}

async function measure(name, child, port, urlPath, opts) {
  const url = `http://${HOST}:${port}${urlPath}`;
  const headers = opts.encoding === 'identity' ? [] : [`Accept-Encoding: ${opts.encoding}`];
  const idleKB = readRssKB(child.pid);
  const stopSampling = sampleRss(child.pid);
  if (opts.warmup > 0) {
    log(`  ${name}: warm-up ${opts.warmup} s…`);
    await runWrk(url, { seconds: opts.warmup, threads: opts.threads, connections: opts.connections, headers, latency: false });
  }
  log(`  ${name}: load ${opts.duration} s, ${opts.threads} threads, ${opts.connections} connections…`);
  const output = await runWrk(url, { seconds: opts.duration, threads: opts.threads, connections: opts.connections, headers, latency: true });
  const rss = stopSampling();
  if (child.exitCode !== null || child.signalCode !== null) throw new BenchError(`${name}: the server died during the load (${child.exitCode ?? child.signalCode}).`);
  const r = parseWrk(output);
  if (r.requestsPerSec === null || r.p50ms === null || r.p99ms === null) throw new BenchError(`${name}: could not read wrk's output:\n${output}`);
  if (r.non2xx > 0) throw new BenchError(`${name}: ${r.non2xx} responses were not 2xx/3xx; the figures would not be about the article page.\n${output}`);
  const errors = Object.values(r.socketErrors).reduce((s, n) => s + n, 0);
  if (errors > 0) log(`  ${name}: warning: wrk socket errors ${JSON.stringify(r.socketErrors)}`);
  if (r.requests && errors > r.requests * 0.01) throw new BenchError(`${name}: too many socket errors (${errors} for ${r.requests} requests).\n${output}`);
  return { ...r, peakRssMB: round(rss.peakKB / 1024, 1), idleRssMB: idleKB === null ? null : round(idleKB / 1024, 1), rssSamples: rss.samples, wrkOutput: output };
}

const round = (n, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

function median(values) {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// ----- the run --------------------------------------------------------------------------------
async function main() {
  let opts = null;
  killChildrenOnExit();
  try {
    opts = parseOptions();
    if (process.platform !== 'linux') throw new BenchError('The bench reads /proc/<pid>/status for RSS and needs Linux.');
    if (!findOnPath('wrk')) throw new BenchError('wrk is not installed. On Debian/Ubuntu: sudo apt-get install -y wrk');
    if (opts.pin) {
      if (!findOnPath('taskset')) throw new BenchError('--pin needs taskset (util-linux).');
      if ((os.availableParallelism?.() ?? os.cpus().length) < 2) throw new BenchError('--pin needs at least 2 CPUs.');
      pinning.server = ['taskset', '-c', '0'];
      pinning.wrk = ['taskset', '-c', '1'];
    }
    await ensureBuilt(opts.build);

    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-'));
    scratch.dir = tmp;
    scratch.keep = opts.keep;
    const dbEnv = { DATABASE_URL: `sqlite:${path.join(tmp, 'bench.db')}`, DATA_DIR: tmp, LOG_LEVEL: 'warn' };
    const cli = path.join(root, 'bin', 'dateline.js');
    const serveArgs = [...opts.nodeOptions, cli, 'serve'];
    const logFile = path.join(tmp, 'servers.log');

    // Fresh database with the demo newsroom. cwd is the temp dir so no .env of the checkout is read.
    log(`Loading the demo newsroom into ${dbEnv.DATABASE_URL}…`);
    const demo = spawnSync(process.execPath, [cli, 'demo'], { cwd: tmp, env: childEnv(dbEnv), encoding: 'utf8', timeout: 120_000 });
    if (demo.status !== 0) throw new BenchError(`\`dateline demo\` failed (${demo.status ?? demo.signal ?? demo.error?.message}):\n${demo.stdout}${demo.stderr}`);
    // Only the summary line: later versions also print one-time demo passwords, which have no place in a report.
    log(`  ${demo.stdout.split('\n').find((l) => l.startsWith('Loaded')) ?? 'demo loaded'}`);

    const acceptEncoding = opts.encoding === 'identity' ? {} : { 'accept-encoding': opts.encoding };
    const datelineEnv = (port, cache) => childEnv({ ...dbEnv, PORT: String(port), HOST, PAGE_CACHE: cache ? 'on' : 'off' });

    // One port for every server, one server at a time: Dateline builds absolute URLs (canonical,
    // og:url, JSON-LD) from the Host header, so the page is byte-identical only on the same port.
    const port = await freePort();

    // Pick the article and capture the exact response a reader gets from the page cache.
    let server = await startServer({ name: 'dateline (probe)', args: serveArgs, env: datelineEnv(port, true), cwd: tmp, logFile, port });
    const home = await httpGet(port, '/');
    const link = /href="(\/news\/[^"?#]+)"/.exec(home.body.toString('utf8'));
    if (home.status !== 200 || !link) throw new BenchError(`The home page (status ${home.status}) has no /news/ link to benchmark.`);
    const articlePath = link[1];
    const first = await httpGet(port, articlePath, acceptEncoding);
    const hit = await httpGet(port, articlePath, acceptEncoding);
    if (first.status !== 200 || hit.status !== 200) throw new BenchError(`${articlePath} answered ${first.status}/${hit.status}, not 200.`);
    if (hit.headers['x-page-cache'] !== 'hit') throw new BenchError(`${articlePath} was not served from the page cache on the second request.`);
    // The first answer is routed (and compressed by @fastify/compress when asked), the second is the cache's copy.
    const page = decodedBody(hit);
    if (!decodedBody(first).equals(page)) throw new BenchError(`The routed and the cached answers for ${articlePath} are not the same page.`);
    if (opts.encoding !== 'identity' && hit.headers['content-encoding'] !== opts.encoding) {
      throw new BenchError(`Asked for Accept-Encoding: ${opts.encoding} but the cached page came back as ${hit.headers['content-encoding'] ?? 'identity'}.`);
    }
    await stopChild(server);
    const captured = {
      status: hit.status,
      headers: hit.rawHeaders.filter(([name]) => !HOP_HEADERS.has(name.toLowerCase())),
      body: hit.body.toString('base64'),
    };
    const responseFile = path.join(tmp, 'response.json');
    fs.writeFileSync(responseFile, JSON.stringify(captured));
    log(`Article: ${articlePath} (${hit.body.length} bytes${opts.encoding === 'identity' ? '' : `, ${opts.encoding}`}, etag ${hit.headers.etag})`);

    const servers = [
      {
        key: 'a',
        label: '(a) baseline node:http',
        start: (p) => startServer({ name: 'baseline', args: [fileURLToPath(import.meta.url), '--baseline-server', responseFile], env: childEnv({ PORT: String(p) }), cwd: tmp, logFile, readyPath: articlePath, port: p }),
      },
      { key: 'b', label: '(b) Dateline, page cache', start: (p) => startServer({ name: 'dateline (cache on)', args: serveArgs, env: datelineEnv(p, true), cwd: tmp, logFile, port: p }) },
      { key: 'c', label: '(c) Dateline, PAGE_CACHE=off', start: (p) => startServer({ name: 'dateline (cache off)', args: serveArgs, env: datelineEnv(p, false), cwd: tmp, logFile, port: p }) },
    ].filter((s) => opts.only.includes(s.key));

    // Each round runs every server once, in order, each in a fresh process.
    const runs = Object.fromEntries(servers.map((s) => [s.key, []]));
    for (let roundNo = 1; roundNo <= opts.rounds; roundNo++) {
      for (const s of servers) {
        log(opts.rounds > 1 ? `${s.label} — round ${roundNo}/${opts.rounds}` : s.label);
        server = await s.start(port);
        // The same page must come back (the second request, so (b) answers from its cache): the captured bytes,
        // or the same page compressed otherwise ((c) compresses each answer anew, at a lower level than the cache).
        await httpGet(port, articlePath, acceptEncoding);
        const check = await httpGet(port, articlePath, acceptEncoding);
        const sameBytes = check.body.equals(hit.body);
        if (check.status !== 200 || !(sameBytes || decodedBody(check).equals(page))) {
          throw new BenchError(`${s.label}: ${articlePath} answered ${check.status} with ${check.body.length} bytes, not the captured ${hit.body.length}-byte page.`);
        }
        const encoding = check.headers['content-encoding'] ?? 'identity';
        if (!sameBytes && roundNo === 1) log(`  ${s.label}: note: answers ${encoding} (${check.body.length} bytes), not the baseline's ${opts.encoding} bytes (${hit.body.length}).`);
        runs[s.key].push({ encoding, bytes: check.body.length, ...(await measure(s.label, server, port, articlePath, opts)) });
        await stopChild(server);
      }
    }

    const results = {};
    for (const s of servers) {
      const list = runs[s.key];
      results[s.key] = {
        label: s.label,
        requestsPerSec: round(median(list.map((r) => r.requestsPerSec)), 0),
        p50ms: round(median(list.map((r) => r.p50ms)), 3),
        p99ms: round(median(list.map((r) => r.p99ms)), 3),
        peakRssMB: Math.max(...list.map((r) => r.peakRssMB)),
        encoding: list[0].encoding,
        bytes: list[0].bytes,
        rounds: list,
      };
    }
    const ratio = (k) => (results[k] && results.a ? round(results[k].requestsPerSec / results.a.requestsPerSec, 3) : null);
    const ratios = { b_over_a: ratio('b'), c_over_a: ratio('c') };
    // Per round too: a and b of the same round ran back to back, which is the fairest pairing.
    const roundRatios = Array.from({ length: opts.rounds }, (_, i) => ({
      b_over_a: runs.a?.[i] && runs.b?.[i] ? round(runs.b[i].requestsPerSec / runs.a[i].requestsPerSec, 3) : null,
      c_over_a: runs.a?.[i] && runs.c?.[i] ? round(runs.c[i].requestsPerSec / runs.a[i].requestsPerSec, 3) : null,
    }));
    const goals = {
      b_over_a: ratios.b_over_a === null ? null : ratios.b_over_a >= GOALS.cachedVsBaseline,
      c_over_a: ratios.c_over_a === null ? null : ratios.c_over_a >= GOALS.uncachedVsBaseline,
      rss_b: results.b ? results.b.peakRssMB <= GOALS.maxRssMB : null,
      rss_c: results.c ? results.c.peakRssMB <= GOALS.maxRssMB : null,
    };
    const machine = {
      nproc: os.availableParallelism?.() ?? os.cpus().length,
      cpu: os.cpus()[0]?.model ?? 'unknown',
      memGB: round(os.totalmem() / 2 ** 30, 1),
      node: process.version,
      wrk: spawnSync('wrk', ['-v'], { encoding: 'utf8' }).stdout.split('\n')[0].trim(),
      kernel: `${os.type()} ${os.release()}`,
    };
    const report = {
      date: new Date().toISOString(),
      machine,
      settings: {
        durationS: opts.duration,
        warmupS: opts.warmup,
        threads: opts.threads,
        connections: opts.connections,
        rounds: opts.rounds,
        encoding: opts.encoding,
        pinned: opts.pin,
        datelineNodeOptions: opts.nodeOptions,
      },
      article: { path: articlePath, bytes: hit.body.length, etag: hit.headers.etag },
      goals: GOALS,
      results,
      ratios,
      roundRatios,
      goalsMet: goals,
    };

    if (opts.json) {
      const slim = structuredClone(report);
      for (const r of Object.values(slim.results)) for (const one of r.rounds) delete one.wrkOutput;
      console.log(JSON.stringify(slim, null, 2));
    } else {
      printTable(report);
    }
  } catch (error) {
    const message = error instanceof BenchError ? error.message : error?.stack ?? String(error);
    log(`\nbench failed: ${message}`);
    process.exitCode = 1;
  } finally {
    await Promise.all([...children].map((c) => stopChild(c)));
    removeScratch();
  }
}

function printTable(report) {
  const rows = [['server', 'req/s', 'p50 ms', 'p99 ms', 'peak RSS MB']];
  for (const r of Object.values(report.results)) {
    const label = r.encoding === report.settings.encoding ? r.label : `${r.label} [sends ${r.encoding}, ${r.bytes} B]`;
    rows.push([label, r.requestsPerSec.toFixed(0), r.p50ms.toFixed(2), r.p99ms.toFixed(2), r.peakRssMB.toFixed(1)]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  const { machine, settings, article, ratios, goalsMet, goals } = report;
  console.log(`\nArticle page ${article.path} (${article.bytes} bytes, ${settings.encoding}); wrk ${settings.threads} threads, ${settings.connections} connections, ${settings.durationS} s after ${settings.warmupS} s warm-up`);
  if (settings.rounds > 1) console.log(`${settings.rounds} rounds: medians of req/s and latencies, highest peak RSS; per-round b/a and c/a below.`);
  if (settings.pinned) console.log('Pinned: servers on CPU 0, wrk on CPU 1.');
  if (settings.datelineNodeOptions.length) console.log(`Dateline node options: ${settings.datelineNodeOptions.join(' ')}`);
  console.log(`Machine: ${machine.nproc} CPUs (${machine.cpu}), node ${machine.node}, ${machine.wrk}${settings.pinned ? '' : '; wrk and the server share the CPUs'}.\n`);
  console.log(line(rows[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows.slice(1)) console.log(line(row));
  const mark = (ok) => (ok === null ? 'not run' : ok ? 'ok' : 'MISSED');
  console.log('');
  const perRound = (k) => (report.roundRatios.length > 1 ? `   (rounds: ${report.roundRatios.map((r) => r[k].toFixed(3)).join(', ')})` : '');
  if (ratios.b_over_a !== null) console.log(`b/a = ${ratios.b_over_a.toFixed(3)}   goal ≥ ${goals.cachedVsBaseline}: ${mark(goalsMet.b_over_a)}${perRound('b_over_a')}`);
  if (ratios.c_over_a !== null) console.log(`c/a = ${ratios.c_over_a.toFixed(3)}   goal ≥ ${goals.uncachedVsBaseline}: ${mark(goalsMet.c_over_a)}${perRound('c_over_a')}`);
  if (goalsMet.rss_b !== null) console.log(`peak RSS (b) ≤ ${goals.maxRssMB} MB: ${mark(goalsMet.rss_b)}`);
  if (goalsMet.rss_c !== null) console.log(`peak RSS (c) ≤ ${goals.maxRssMB} MB: ${mark(goalsMet.rss_c)}`);
}

// ---------------------------------------------------------------------------------------------
// Child mode: the baseline server. `node bench/article-page.mjs --baseline-server <response.json>`
// ---------------------------------------------------------------------------------------------
if (process.argv[2] === '--baseline-server') {
  const spec = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
  const body = Buffer.from(spec.body, 'base64');
  // Dateline's headers in Dateline's order, content-length included; writeHead takes them as a flat list.
  const headers = spec.headers.flat();
  const server = http.createServer((req, res) => {
    res.writeHead(spec.status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  server.listen(Number(process.env.PORT), HOST, () => console.log(`baseline listening on ${HOST}:${process.env.PORT}`));
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
} else {
  await main();
}
