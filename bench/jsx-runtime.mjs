#!/usr/bin/env node
// JSX runtime benchmark: our string runtime (src/lib/html.ts) against preact + preact-render-to-string, rendering
// the same article page of the demo newsroom in the same process. See bench/README.md and docs/benchmarks.md.
//
// The views are bundled from src/ twice with esbuild: (a) as they are, (b) with `lib/html.js` replaced by a shim
// over preact (h, Fragment, raw, fragmentMemo, renderDocument). The page's view model and page context are
// built once by the app's own code from the demo content (in-memory SQLite), then both bundles render the
// article page from them, in alternating timed rounds. Both outputs are compared first, so the work is equal.
// No network, no server: everything runs in this process and stops by itself.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { BenchError, parseCli, root } from './kit.mjs';

const src = path.join(root, 'src');

function usage() {
  return `Usage: node bench/jsx-runtime.mjs [options]

  --rounds <n>     timed rounds; each times both measures, ours and preact in turns (default 7)
  --seconds <s>    time of each runtime for each measure in a round, seconds (default 1)
  --warmup <n>     renders per runtime before timing (default 2000)
  --json           print the result as JSON on stdout (progress goes to stderr)
  -h, --help       this text`;
}

function parseOptions() {
  const values = parseCli(
    {
      rounds: { type: 'string', default: '7' },
      seconds: { type: 'string', default: '1' },
      warmup: { type: 'string', default: '2000' },
    },
    usage,
  );
  const number = (name, min, max, whole) => {
    const n = Number(values[name]);
    if (!Number.isFinite(n) || n < min || n > max || (whole && !Number.isInteger(n))) {
      throw new BenchError(`--${name} must be a ${whole ? 'whole ' : ''}number from ${min} to ${max} (got "${values[name]}").`);
    }
    return n;
  };
  return {
    rounds: number('rounds', 1, 50, true),
    seconds: number('seconds', 0.1, 30, false),
    warmup: number('warmup', 0, 1_000_000, true),
    json: values.json,
  };
}

const log = (line) => process.stderr.write(`${line}\n`);

// ----- the bundles --------------------------------------------------------------------------
/** Builds the model and context of the first article linked from the demo home page, with the app's own code. */
const CAPTURE_ENTRY = `
import { loadConfig } from './config/index.js';
import { createSqliteDb } from './storage/db.js';
import { migrate } from './storage/migrate.js';
import { createServices } from './services.js';
import { loadDemo } from './demo/loader.js';
import { buildApp } from './web/app.js';
import { Site } from './web/public/site.js';
import { findBySlug } from './features/articles/store.js';
import { articlePageModel, sendArticlePage } from './features/articles/pages.js';

export async function captureArticlePage(dataDir) {
  const db = createSqliteDb(':memory:');
  await migrate(db);
  const config = loadConfig({ DATA_DIR: dataDir, PUBLIC_URL: 'http://localhost', PAGE_CACHE: 'off', VIEWS_FLUSH_MS: '600000' });
  const services = await createServices(config, db);
  await loadDemo(services, dataDir);
  const app = await buildApp({ config, services });
  try {
    const home = await app.inject({ url: '/', headers: { host: 'localhost' } });
    const href = /href="(\\/news\\/[^"]+)"/.exec(home.body)?.[1];
    if (home.statusCode !== 200 || !href) throw new Error('the demo home page links no article (status ' + home.statusCode + ')');
    const served = await app.inject({ url: href, headers: { host: 'localhost' } });
    if (served.statusCode !== 200) throw new Error(href + ' answered ' + served.statusCode);
    const found = await findBySlug(db.kysely, 'ru', decodeURIComponent(href.slice('/news/'.length)));
    const model = await articlePageModel(db.kysely, found.id);
    // The page context as the route builds it: sendArticlePage with a site whose send keeps the context.
    const real = new Site({ chrome: services.chrome, pageCache: services.pageCache, address: services.address });
    let ctx;
    const keeping = { context: async (...args) => (ctx = await real.context(...args)), send: () => null };
    await sendArticlePage(keeping, { settings: services.settings.get() }, null, model);
    return { path: href, served: served.body, model, ctx };
  } finally {
    await app.close();
    await db.close();
  }
}
`;

/** The tree that sendArticlePage (src/features/articles/pages.tsx) sends, rendered to the document string. */
const RENDER_ENTRY = `
import { h, raw, renderDocument } from './lib/html.js';
import { ArticleDocument } from './features/articles/views.js';

/** The context with its calendar, which the app's own bundle rendered, as this bundle's trusted markup. */
export function adoptContext(ctx) {
  return { ...ctx, sidebar: raw(ctx.sidebar.value) };
}

export function renderArticlePage(model, ctx) {
  return renderDocument(<ArticleDocument model={model} ctx={ctx} />);
}
`;

/**
 * lib/html.js over preact. raw() is preact-render-to-string's template fragment (what precompiled JSX renders
 * to), the one way it emits trusted markup without an element of its own around it (a dangerouslySetInnerHTML
 * element would add a wrapper to the page). fragmentMemo keeps each fragment's rendered markup, as ours does.
 */
const PREACT_SHIM = `
import { h, Fragment } from 'preact';
import { renderToString } from 'preact-render-to-string';
export { h, Fragment };
export function raw(html) {
  return h(Fragment, { tpl: [html] });
}
export function renderDocument(root) {
  return '<!doctype html>' + renderToString(root);
}
export function fragmentMemo() {
  const rendered = new WeakMap();
  return (key, variant, render) => {
    let byVariant = rendered.get(key);
    if (!byVariant) rendered.set(key, (byVariant = new Map()));
    let html = byVariant.get(variant);
    if (!html) byVariant.set(variant, (html = raw(renderToString(render()))));
    return html;
  };
}
`;

const HTML_MODULE = /(^|\/)lib\/html\.js$/;

/** Replaces every import of src/lib/html.js by the preact shim. */
const preactShim = {
  name: 'preact-html-shim',
  setup(b) {
    b.onResolve({ filter: HTML_MODULE }, () => ({ path: 'preact-html-shim', namespace: 'shim' }));
    b.onLoad({ filter: /.*/, namespace: 'shim' }, () => ({ contents: PREACT_SHIM, loader: 'js', resolveDir: root }));
  },
};

async function bundle(dir, name, entry, plugins = []) {
  const outfile = path.join(dir, `${name}.mjs`);
  await build({
    stdin: { contents: entry, loader: 'tsx', resolveDir: src, sourcefile: `${name}-entry.tsx` },
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // npm packages stay imports, resolved from the checkout's node_modules (the bundles are written inside it).
    packages: 'external',
    jsx: 'transform',
    jsxFactory: 'h',
    jsxFragment: 'Fragment',
    plugins,
    logLevel: 'error',
  });
  return import(pathToFileURL(outfile).href);
}

// ----- comparing the two pages ------------------------------------------------------------------
/**
 * Spellings that differ between the two and mean the same HTML: `<meta/>` and `<meta>`, `alt=""` and `alt`,
 * `&gt;` and `>`, `&#39;` and `'`.
 */
function normalise(html) {
  return html.replace(/\/>/g, '>').replace(/ ([a-z-]+)=""/g, ' $1').replace(/&gt;/g, '>').replace(/&#39;/g, "'");
}

/**
 * The tags (each with the text after it) that are in one page and not in the other, by a longest common
 * subsequence: their number, and the first few of each side for the message when the pages differ.
 */
function tagDiff(a, b) {
  const x = a.split(/(?=<)/);
  const y = b.split(/(?=<)/);
  const width = y.length + 1;
  const common = new Uint32Array((x.length + 1) * width);
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) {
      common[i * width + j] = x[i] === y[j] ? common[(i + 1) * width + j + 1] + 1 : Math.max(common[(i + 1) * width + j], common[i * width + j + 1]);
    }
  }
  const onlyA = [];
  const onlyB = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      i++;
      j++;
    } else if (j === y.length || (i < x.length && common[(i + 1) * width + j] >= common[i * width + j + 1])) {
      onlyA.push(x[i++]);
    } else {
      onlyB.push(y[j++]);
    }
  }
  return { tags: x.length, differing: onlyA.length + onlyB.length, onlyA: onlyA.slice(0, 5), onlyB: onlyB.slice(0, 5) };
}

// ----- timing -----------------------------------------------------------------------------------
const SLICE_NS = 100e6;

/**
 * Times both runtimes for about `seconds` each, taking turns in slices of 100 ms, so that a change in the load
 * of a shared machine falls on both. Each function returns a size, summed so that no call can be dropped.
 * Returns calls per second of each.
 */
function timedRound(fns, seconds) {
  const limit = seconds * 1e9;
  const totals = { ours: { calls: 0, ns: 0 }, preact: { calls: 0, ns: 0 } };
  let bytes = 0;
  while (totals.ours.ns < limit || totals.preact.ns < limit) {
    for (const runtime of ['ours', 'preact']) {
      const fn = fns[runtime];
      const total = totals[runtime];
      const start = process.hrtime.bigint();
      let elapsed = 0;
      while (elapsed < SLICE_NS) {
        for (let i = 0; i < 20; i++) bytes += fn();
        total.calls += 20;
        elapsed = Number(process.hrtime.bigint() - start);
      }
      total.ns += elapsed;
    }
  }
  if (bytes === 0) throw new BenchError('a render returned nothing');
  return { ours: (totals.ours.calls / totals.ours.ns) * 1e9, preact: (totals.preact.calls / totals.preact.ns) * 1e9 };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

function version(pkg) {
  return JSON.parse(fs.readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
}

async function main() {
  const opts = parseOptions();
  // Bundles live inside node_modules so that their package imports resolve from the checkout.
  const cache = path.join(root, 'node_modules', '.cache');
  fs.mkdirSync(cache, { recursive: true });
  const dir = fs.mkdtempSync(path.join(cache, 'jsx-runtime-bench-'));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-jsx-bench-'));
  try {
    log('Bundling the views twice (ours, preact) and loading the demo newsroom…');
    const [capture, ours, preact] = await Promise.all([
      bundle(dir, 'capture', CAPTURE_ENTRY),
      bundle(dir, 'ours', RENDER_ENTRY),
      bundle(dir, 'preact', RENDER_ENTRY, [preactShim]),
    ]);
    const page = await capture.captureArticlePage(dataDir);
    const oursCtx = ours.adoptContext(page.ctx);
    const preactCtx = preact.adoptContext(page.ctx);
    const renderOurs = () => ours.renderArticlePage(page.model, oursCtx);
    const renderPreact = () => preact.renderArticlePage(page.model, preactCtx);

    const oursHtml = renderOurs();
    const preactHtml = renderPreact();
    if (oursHtml !== page.served) throw new BenchError(`Our bundle's page differs from the page the app serves at ${page.path}.`);
    const before = tagDiff(oursHtml, preactHtml);
    const after = tagDiff(normalise(oursHtml), normalise(preactHtml));
    if (after.differing > 0) {
      const show = (tags) => (tags.length ? tags.map((t) => `    ${t.slice(0, 160)}`).join('\n') : '    (none)');
      throw new BenchError(
        `The two runtimes render different pages: ${after.differing} tags differ even after normalising.\n  only ours:\n${show(after.onlyA)}\n  only preact:\n${show(after.onlyB)}`,
      );
    }
    log(`Page ${page.path}: ours ${Buffer.byteLength(oursHtml)} bytes (the app's page byte for byte), preact ${Buffer.byteLength(preactHtml)} bytes.`);
    log(`Diff: ${before.differing} tags of ${before.tags} differ as rendered, 0 after normalising (<x/> and <x>, alt="" and alt, &gt; and >, &#39; and ').`);

    // What site.send does next with an uncached page: flatten it and encode it as UTF-8 (here into one reused buffer).
    const slab = Buffer.allocUnsafe(1 << 20);
    const measures = {
      render: { ours: () => renderOurs().length, preact: () => renderPreact().length },
      'render + UTF-8': { ours: () => slab.write(renderOurs(), 0), preact: () => slab.write(renderPreact(), 0) },
    };
    for (let i = 0; i < opts.warmup; i++) {
      measures['render + UTF-8'].ours();
      measures['render + UTF-8'].preact();
    }
    const rates = Object.fromEntries(Object.keys(measures).map((m) => [m, { ours: [], preact: [] }]));
    for (let round = 1; round <= opts.rounds; round++) {
      const line = [];
      for (const [name, fns] of Object.entries(measures)) {
        const rate = timedRound(fns, opts.seconds);
        for (const runtime of ['ours', 'preact']) rates[name][runtime].push(rate[runtime]);
        line.push(`${name}: ours ${Math.round(rates[name].ours.at(-1))}/s, preact ${Math.round(rates[name].preact.at(-1))}/s`);
      }
      log(`  round ${round}: ${line.join(' · ')}`);
    }
    const summary = (r) => {
      const byRound = r.ours.map((x, i) => x / r.preact[i]);
      return {
        ours: Math.round(median(r.ours)),
        preact: Math.round(median(r.preact)),
        ratio: Number(median(byRound).toFixed(2)),
        ratioByRound: byRound.map((x) => Number(x.toFixed(2))),
      };
    };
    const result = {
      page: page.path,
      bytes: { ours: Buffer.byteLength(oursHtml), preact: Buffer.byteLength(preactHtml) },
      diffTags: { asRendered: before.differing, normalised: after.differing, of: before.tags },
      versions: { node: process.version, preact: version('preact'), 'preact-render-to-string': version('preact-render-to-string') },
      rounds: opts.rounds,
      seconds: opts.seconds,
      perSecond: Object.fromEntries(Object.entries(rates).map(([name, r]) => [name, summary(r)])),
    };
    if (opts.json) {
      console.log(JSON.stringify(result, null, 2));
    } else {
      const { versions } = result;
      console.log(`Article page ${result.page}, ${result.bytes.ours} bytes, ${opts.rounds} rounds of ${opts.seconds} s each (per second, medians of the rounds):`);
      console.log(`  ${'measure'.padEnd(16)}${'ours'.padStart(8)}${'preact'.padStart(8)}  ours / preact (median of the rounds' ratios; each round)`);
      for (const [name, r] of Object.entries(result.perSecond)) {
        console.log(`  ${name.padEnd(16)}${String(r.ours).padStart(8)}${String(r.preact).padStart(8)}  ${r.ratio} (${r.ratioByRound.join(', ')})`);
      }
      console.log(`  ours: src/lib/html.ts; preact: preact ${versions.preact} + preact-render-to-string ${versions['preact-render-to-string']}; node ${versions.node}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    log(error instanceof BenchError ? `bench: ${error.message}` : error?.stack ?? String(error));
    process.exit(1);
  },
);
