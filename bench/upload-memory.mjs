#!/usr/bin/env node
// Upload memory benchmark: `node bench/upload-memory.mjs` (see docs/benchmarks.md, "Upload memory").
//
// One run, on 127.0.0.1 only, one process at a time:
//   (a) Dateline: `bin/dateline.js serve` over a fresh SQLite database and data directory, sent N concurrent
//       uploads of the largest image the rules allow through the editor's JSON API;
//   (b) baseline: a plain node process that decodes the same N images all at once with sharp, the way the
//       upload code did before decodes were queued (commit 5b070cc): no pixel limit on the probe, every pipeline
//       started together, libvips's cache on, the original re-encoded with mozjpeg whatever its size. It holds
//       the N files in memory as the server does, but none of the server itself, so its idle RSS is lower.
// The peak RSS of each process is sampled from /proc while its uploads run. Every request and every child has
// a time limit; the run stops by itself. Exit code 0 when every step ran, 1 when something failed.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchError, childEnv, freePort, HOST, newestMtime, parseCli, readRssKB, root } from './kit.mjs';

const RUN_TIMEOUT_MS = 10 * 60_000;
const UPLOAD_TIMEOUT_MS = 5 * 60_000;
const SAMPLE_MS = 20;

const log = (line) => process.stderr.write(`${line}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const round = (n, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

function usage() {
  return `Usage: node bench/upload-memory.mjs [options]

  --uploads <n>   concurrent uploads (default 8, at most 32)
  --rotated       the image carries EXIF orientation 6, as a phone photo held upright does
                  (turning it makes libvips hold the whole image)
  --build         rebuild dist/ first even when it exists
  --keep          keep the temporary directory (database, image, logs)
  --json          print the result as JSON on stdout (progress goes to stderr)
  -h, --help      this text`;
}

function parseOptions() {
  const values = parseCli(
    {
      uploads: { type: 'string', default: '8' },
      rotated: { type: 'boolean', default: false },
      build: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      baseline: { type: 'string' },
    },
    usage,
  );
  const uploads = Number(values.uploads);
  if (!Number.isInteger(uploads) || uploads < 1 || uploads > 32) throw new BenchError(`--uploads must be a whole number from 1 to 32 (got "${values.uploads}").`);
  return { uploads, rotated: values.rotated, build: values.build, keep: values.keep, json: values.json, baseline: values.baseline };
}

// ----- child processes: every one is tracked and killed on the way out -----------------------
const children = new Set();
const scratch = { dir: null, keep: false };

function track(child) {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function killAllNow() {
  for (const child of children) child.kill('SIGKILL');
}

function removeScratch() {
  if (scratch.dir && !scratch.keep) fs.rmSync(scratch.dir, { recursive: true, force: true });
  else if (scratch.dir) log(`Kept ${scratch.dir}`);
  scratch.dir = null;
}

async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  if (await Promise.race([exited.then(() => false), sleep(3000).then(() => true)])) {
    child.kill('SIGKILL');
    await Promise.race([exited, sleep(2000)]);
  }
}



/** Samples VmRSS of `pid` every SAMPLE_MS until stop(); returns the peak in MB. */
function sampleRss(pid) {
  let peak = readRssKB(pid) ?? 0;
  const timer = setInterval(() => {
    const kb = readRssKB(pid);
    if (kb !== null && kb > peak) peak = kb;
  }, SAMPLE_MS);
  return () => {
    clearInterval(timer);
    return round(peak / 1024);
  };
}


/** One request over node:http to the server on loopback; resolves with status, headers and body text. */
function request(port, { method = 'GET', urlPath, headers = {}, body, timeoutMs = 10_000 }) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: HOST, port, path: urlPath, method, headers, agent: false, timeout: timeoutMs }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new BenchError(`${method} ${urlPath} timed out after ${timeoutMs / 1000} s`)));
    req.on('error', reject);
    req.end(body);
  });
}

const cookieOf = (res, name) => {
  const set = [res.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith(`${name}=`));
  return set ? set.split(';')[0] : null;
};
const csrfOf = (html) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? null;


async function ensureBuilt(force) {
  const marker = path.join(root, 'dist', '.built');
  if (force || !fs.existsSync(marker) || fs.statSync(marker).mtimeMs < newestMtime(path.join(root, 'src'))) {
    log('Building dist/…');
    const { buildAll } = await import('../scripts/build.mjs');
    await buildAll();
  }
}

/** The largest image the upload rules allow: MAX_PIXELS in a 1.28:1 frame, as a JPEG with photo-like texture. */
async function largestImage(sharp, rules, rotated) {
  const width = 8000;
  const height = Math.floor(rules.MAX_PIXELS / width);
  if (width > rules.MAX_SIDE || height > rules.MAX_SIDE) throw new BenchError('The image does not fit MAX_SIDE.');
  // Smooth noise scaled up: colour and detail everywhere, so the JPEG is not trivially small.
  const seed = await sharp({ create: { width: width / 20, height: Math.ceil(height / 20), channels: 3, background: '#777', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
    .png()
    .toBuffer();
  let image = sharp(seed).resize(width, height, { fit: 'fill', kernel: 'cubic' });
  if (rotated) image = image.withMetadata({ orientation: 6 });
  const jpeg = await image.jpeg({ quality: 90 }).toBuffer();
  if (jpeg.length > rules.MAX_UPLOAD_BYTES) throw new BenchError(`The generated image is ${jpeg.length} bytes, over the upload limit.`);
  return { jpeg, width, height };
}

function multipart(jpeg, caption) {
  const boundary = `----bench${randomBytes(8).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="caption"\r\n\r\n${caption}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="largest.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
    jpeg,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Starts `bin/dateline.js serve` and waits (bounded) until /healthz answers. */
async function startServer(cli, env, cwd, logFile, port) {
  const out = fs.openSync(logFile, 'a');
  const child = track(spawn(process.execPath, [cli, 'serve'], { cwd, env, stdio: ['ignore', out, out] }));
  fs.closeSync(out);
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new BenchError(`The server exited during start-up. Log:\n${fs.readFileSync(logFile, 'utf8')}`);
    try {
      if ((await request(port, { urlPath: '/healthz', timeoutMs: 1000 })).status === 200) return child;
    } catch {
      /* not listening yet */
    }
    await sleep(100);
  }
  throw new BenchError('The server was not ready after 30 s.');
}

/** Signs in through the form and returns the session cookie and its CSRF token. */
async function signIn(port, email, password) {
  const same = { 'sec-fetch-site': 'same-origin', 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) upload-memory bench' };
  const form = await request(port, { urlPath: '/admin/sign-in', headers: same });
  const anon = cookieOf(form, 'dl_csrf');
  if (!anon || !csrfOf(form.body)) throw new BenchError(`The sign-in page (status ${form.status}) has no CSRF cookie or field.`);
  const body = new URLSearchParams({ _csrf: csrfOf(form.body), email, password }).toString();
  const signed = await request(port, { method: 'POST', urlPath: '/admin/sign-in', headers: { ...same, cookie: anon, 'content-type': 'application/x-www-form-urlencoded' }, body });
  const session = cookieOf(signed, 'dl_session');
  if (!session) throw new BenchError(`Signing in answered ${signed.status} without a session.`);
  const account = await request(port, { urlPath: '/admin/account/', headers: { ...same, cookie: session } });
  const csrf = csrfOf(account.body);
  if (!csrf) throw new BenchError(`The account page (status ${account.status}) has no CSRF field.`);
  return { headers: { ...same, cookie: session, 'x-csrf-token': csrf } };
}

async function measureDateline(opts, tmp, imageFile) {
  const cli = path.join(root, 'bin', 'dateline.js');
  const env = { DATABASE_URL: `sqlite:${path.join(tmp, 'bench.db')}`, DATA_DIR: path.join(tmp, 'data'), LOG_LEVEL: 'warn' };
  fs.mkdirSync(env.DATA_DIR);
  const email = 'bench-editor@example.com';
  const password = randomBytes(18).toString('base64url');
  const created = spawnSync(process.execPath, [cli, 'user', 'create', '--email', email, '--name', 'Bench editor', '--role', 'editor', '--password', password], {
    cwd: tmp,
    env: childEnv(env),
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (created.status !== 0) throw new BenchError(`\`dateline user create\` failed:\n${created.stdout}${created.stderr}`);

  const port = await freePort();
  const server = await startServer(cli, childEnv({ ...env, PORT: String(port), HOST }), tmp, path.join(tmp, 'server.log'), port);
  try {
    const session = await signIn(port, email, password);
    const jpeg = fs.readFileSync(imageFile);
    const idleMB = round((readRssKB(server.pid) ?? 0) / 1024);
    log(`(a) Dateline: ${opts.uploads} concurrent uploads (server idle at ${idleMB} MB)…`);
    const stop = sampleRss(server.pid);
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: opts.uploads }, (_, i) => {
        const { body, contentType } = multipart(jpeg, `Upload ${i + 1}`);
        return request(port, { method: 'POST', urlPath: '/admin/api/media', headers: { ...session.headers, 'content-type': contentType }, body, timeoutMs: UPLOAD_TIMEOUT_MS });
      }),
    );
    const seconds = round((Date.now() - started) / 1000, 2);
    const peakMB = stop();
    const failed = answers.filter((a) => a.status !== 201);
    if (failed.length) throw new BenchError(`${failed.length} of ${answers.length} uploads failed: ${failed[0].status} ${failed[0].body.slice(0, 300)}`);
    return { idleMB, peakMB, seconds };
  } finally {
    await stopChild(server);
  }
}

async function measureBaseline(opts, tmp, imageFile) {
  const resultFile = path.join(tmp, 'baseline.json');
  const child = track(spawn(process.execPath, [fileURLToPath(import.meta.url), '--baseline', JSON.stringify({ imageFile, uploads: opts.uploads, resultFile })], { cwd: tmp, stdio: ['ignore', 'inherit', 'inherit'] }));
  const exited = new Promise((r) => child.once('exit', (code, signal) => r(code ?? signal)));
  let stop = null;
  let idleMB = null;
  // The child says "ready" by writing its result file's first line once sharp and the images are loaded.
  const deadline = Date.now() + UPLOAD_TIMEOUT_MS;
  while (Date.now() < deadline && child.exitCode === null) {
    if (!stop && fs.existsSync(`${resultFile}.ready`)) {
      idleMB = round((readRssKB(child.pid) ?? 0) / 1024);
      log(`(b) baseline: ${opts.uploads} decodes at once (process idle at ${idleMB} MB)…`);
      stop = sampleRss(child.pid);
      fs.writeFileSync(`${resultFile}.go`, '');
    }
    await sleep(SAMPLE_MS);
  }
  const code = await Promise.race([exited, sleep(Math.max(0, deadline - Date.now())).then(() => 'timeout')]);
  const peakMB = stop ? stop() : null;
  if (code !== 0 || peakMB === null) throw new BenchError(`The baseline process ended with ${code}.`);
  const { seconds } = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  return { idleMB, peakMB, seconds };
}

/**
 * The baseline child: the still-image encoder of the upload code before decodes were queued (commit 5b070cc),
 * step for step, run on N copies of the image at once.
 */
async function baselineChild(arg) {
  const { imageFile, uploads, resultFile } = JSON.parse(arg);
  const { default: sharp } = await import('sharp');
  const rules = await import(path.join(root, 'dist', 'features', 'media', 'rules.js'));
  const buffers = Array.from({ length: uploads }, () => fs.readFileSync(imageFile));
  fs.writeFileSync(`${resultFile}.ready`, '');
  const deadline = Date.now() + 30_000;
  while (!fs.existsSync(`${resultFile}.go`)) {
    if (Date.now() > deadline) throw new BenchError('The baseline was never told to start.');
    await sleep(10);
  }
  const started = Date.now();
  await Promise.all(
    buffers.map(async (buffer) => {
      const probe = await sharp(buffer, { limitInputPixels: false }).metadata();
      if (rules.uploadProblem(buffer.length, probe)) throw new BenchError('The baseline refused the image.');
      const decode = () => sharp(buffer, { limitInputPixels: rules.MAX_PIXELS }).rotate();
      const original = await decode().removeAlpha().jpeg({ quality: rules.JPEG_QUALITY, mozjpeg: true }).toBuffer({ resolveWithObject: true });
      const widths = rules.variantWidths(original.info.width);
      const master = await decode().resize({ width: widths[widths.length - 1], withoutEnlargement: true }).toColourspace('srgb').removeAlpha().raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
      const raw = { width: master.info.width, height: master.info.height, channels: master.info.channels };
      for (const width of widths) await sharp(master.data, { raw }).resize({ width, withoutEnlargement: true }).webp({ quality: rules.WEBP_QUALITY, alphaQuality: 90, effort: 4 }).toBuffer();
    }),
  );
  fs.writeFileSync(resultFile, JSON.stringify({ seconds: round((Date.now() - started) / 1000, 2) }));
}

async function main() {
  const opts = parseOptions();
  if (opts.baseline) return baselineChild(opts.baseline);
  process.on('exit', killAllNow);
  const guard = setTimeout(() => {
    log(`bench: stopped after ${RUN_TIMEOUT_MS / 60_000} minutes.`);
    killAllNow();
    removeScratch();
    process.exit(1);
  }, RUN_TIMEOUT_MS);
  guard.unref();
  try {
    if (process.platform !== 'linux') throw new BenchError('The bench reads /proc/<pid>/status for RSS and needs Linux.');
    await ensureBuilt(opts.build);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-upload-bench-'));
    scratch.dir = tmp;
    scratch.keep = opts.keep;
    const { default: sharp } = await import('sharp');
    const rules = await import(path.join(root, 'dist', 'features', 'media', 'rules.js'));
    const service = await import(path.join(root, 'dist', 'features', 'media', 'service.js'));
    const image = await largestImage(sharp, rules, opts.rotated);
    const imageFile = path.join(tmp, 'largest.jpg');
    fs.writeFileSync(imageFile, image.jpeg);
    log(`Image: ${image.width}×${image.height} px (${round((image.width * image.height) / 1e6, 2)} MP), JPEG ${round(image.jpeg.length / 1024 / 1024, 2)} MB${opts.rotated ? ', EXIF orientation 6' : ''}`);

    const dateline = await measureDateline(opts, tmp, imageFile);
    const baseline = await measureBaseline(opts, tmp, imageFile);
    const result = {
      uploads: opts.uploads,
      image: { width: image.width, height: image.height, bytes: image.jpeg.length, rotated: opts.rotated },
      maxConcurrentDecodes: service.MAX_CONCURRENT_DECODES,
      dateline,
      baseline,
      ratio: round(dateline.peakMB / baseline.peakMB, 2),
    };
    if (opts.json) console.log(JSON.stringify(result, null, 2));
    else {
      console.log(`\n${opts.uploads} concurrent uploads of ${image.width}×${image.height} px${opts.rotated ? ' (EXIF orientation 6)' : ''}`);
      console.log(`(a) Dateline, ${result.maxConcurrentDecodes} decodes at a time: peak RSS ${dateline.peakMB} MB (idle ${dateline.idleMB} MB), ${dateline.seconds} s`);
      console.log(`(b) baseline, all decodes at once:  peak RSS ${baseline.peakMB} MB (idle ${baseline.idleMB} MB), ${baseline.seconds} s`);
      console.log(`a/b = ${result.ratio}`);
    }
  } finally {
    killAllNow();
    removeScratch();
  }
}

main().catch((error) => {
  log(error instanceof BenchError ? `bench: ${error.message}` : `bench: ${error.stack ?? error}`);
  killAllNow();
  removeScratch();
  process.exitCode = 1;
});
