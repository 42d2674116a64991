/**
 * Original illustrations for the demo newsroom.
 *
 * Every picture is drawn here, from simple shapes, as a self-contained SVG document: no external
 * resources, no scripts, no embedded fonts (text uses the generic 'sans-serif' family only).
 * Output is deterministic: the same key always yields byte-identical markup, and each key has its
 * own fixed palette. Anything "random" (reeds, container colours, waves) comes from a small PRNG
 * seeded with the key.
 */
import type { ImageKey } from './content/types.js';

export const IMAGE_WIDTH = 1200;
export const IMAGE_HEIGHT = 800;

export const IMAGE_KEYS: readonly ImageKey[] = Object.freeze([
  'caspian-map',
  'ferry',
  'port-cranes',
  'railway',
  'caravanserai',
  'wind-farm',
  'old-city',
  'market',
  'container-yard',
  'bridge',
  'museum',
  'delta',
] as const);

/* ------------------------------------------------------------------------------------------------
 * Palettes: one fixed set of colours per illustration.
 * ---------------------------------------------------------------------------------------------- */

const PALETTES = {
  'caspian-map': {
    land: '#f1e9d6',
    highland: '#e3d5b4',
    grid: '#d9cba9',
    seaShallow: '#b3dae6',
    seaMid: '#86bfd3',
    seaDeep: '#4f8fb0',
    shore: '#d2e9ef',
    coast: '#3d7896',
    river: '#7fb6cc',
    route: '#c8553d',
    port: '#1f3a4d',
    label: '#1f3a4d',
    country: '#9c8b66',
    legend: '#fffaf0',
  },
  ferry: {
    skyTop: '#9fd0e6',
    skyBottom: '#f3f1e8',
    sun: '#ffd98a',
    cloud: '#ffffff',
    coast: '#9db7b3',
    coastFar: '#bdd0cb',
    seaTop: '#3f86a8',
    seaBottom: '#1c4f6d',
    foam: '#e8f4f7',
    hull: '#1f3550',
    hullBand: '#d1495b',
    deck: '#6b7b8c',
    super: '#f6f3ec',
    superShade: '#dcd8cf',
    window: '#28394d',
    funnel: '#d1495b',
    lifeboat: '#f08a24',
    wagonDark: '#2b2b2b',
    wagons: '#8c4a3b|#d08c37|#4f7a5b|#3d5a80|#a3543b',
    gull: '#3a4a55',
  },
  'port-cranes': {
    skyTop: '#26365a',
    skyMid: '#d9825b',
    skyBottom: '#f6c48b',
    sun: '#fde2b0',
    waterTop: '#2e4f6b',
    waterBottom: '#15283b',
    glint: '#f6c48b',
    quay: '#3d4350',
    quayTop: '#5b6272',
    crane: '#e0603a',
    craneDark: '#2a2f3d',
    light: '#ffd35c',
    hull: '#24324a',
    hullBottom: '#9b3b32',
    bridge: '#efe9df',
    window: '#2a2f3d',
    far: '#6c5a6e',
    containers: '#b5473a|#2f6690|#d98e32|#3a7d44|#6c4f77|#4a8b9a|#c9b458|#8a8f99',
  },
  railway: {
    skyTop: '#8fc3dd',
    skyBottom: '#f3e9d2',
    sun: '#fff3c9',
    cloud: '#ffffff',
    hillsFar: '#b7c3b0',
    hillsNear: '#c9c598',
    steppeTop: '#dcc885',
    steppeBottom: '#c2a457',
    ballast: '#a39583',
    ballastDark: '#857766',
    rail: '#4a4039',
    sleeper: '#5b4330',
    pole: '#6b5440',
    wire: '#5c5048',
    loco: '#2f6b5b',
    locoStripe: '#e6b43c',
    locoRoof: '#24524a',
    window: '#203038',
    wagons: '#9b4d34|#5b6f8c|#c58b3b|#6b6b4f',
    wagonDark: '#2c2622',
    yurt: '#f5efe2',
    yurtTrim: '#b5563c',
    grass: '#a38a41',
    grassLight: '#efe2b3',
    bird: '#4b4038',
  },
  caravanserai: {
    skyTop: '#79b8d8',
    skyBottom: '#f2e3c2',
    stone: '#dcbb8a',
    stoneShade: '#c49f6c',
    stoneSide: '#b88f5c',
    stoneDark: '#8d6a43',
    archInner: '#5e412c',
    archDeep: '#3f2b1e',
    tile: '#2b7f8e',
    tileLight: '#6fb7bf',
    gold: '#e2b04a',
    floor: '#ead5a8',
    floorLine: '#d3b784',
    water: '#4ea3b5',
    waterLight: '#a7d8e0',
    camel: '#9a6a3f',
    camelShade: '#7d5431',
    blanket: '#b6403a',
    blanketTrim: '#e2b04a',
  },
  'wind-farm': {
    skyTop: '#8fc6e2',
    skyBottom: '#f7f4ea',
    cloud: '#ffffff',
    seaFar: '#86bdd3',
    seaNear: '#3f7fa2',
    foam: '#e7f3f6',
    sand: '#eedfb6',
    landTop: '#a8c98f',
    landBottom: '#77a065',
    field: '#8fb777',
    hedge: '#5f8a52',
    road: '#efe6cc',
    turbine: '#fbfbf7',
    turbineShade: '#cdd6dc',
    platform: '#f0c43c',
    sail: '#fdfaf2',
    boat: '#c8553d',
    lighthouse: '#f4f1ea',
    lighthouseBand: '#c8553d',
  },
  'old-city': {
    skyTop: '#e9a37a',
    skyBottom: '#f8e6c8',
    sun: '#fbd29a',
    mountains: '#d8a88e',
    mountainsNear: '#c99578',
    house: '#e6c197',
    houseShade: '#d2a77a',
    window: '#6a4030',
    dome: '#5f8f8c',
    domeLight: '#7fb0aa',
    minaret: '#dcb187',
    wall: '#c98f5a',
    wallShade: '#a9703f',
    wallDark: '#7b4d2c',
    gate: '#5a3520',
    door: '#7a4a2a',
    stud: '#e2b04a',
    ground: '#c9a26f',
    road: '#e3c596',
    cypress: '#4f6b45',
    bush: '#738c55',
    flag: '#b6403a',
    bird: '#5a3a2a',
  },
  market: {
    sky: '#f7ead3',
    buildingA: '#e8c8a0',
    buildingB: '#d8ad82',
    buildingC: '#efd8b8',
    buildingD: '#cf9f78',
    window: '#5b3f32',
    shutter: '#4f7f7a',
    ground: '#d9c3a0',
    groundLine: '#c6ab83',
    stallBack: '#6b4a36',
    wood: '#8b5a3c',
    woodLight: '#b07a52',
    awnings: '#d1495b|#2e86ab|#edae49|#3b8b5a',
    awningLight: '#f8f1e4',
    basket: '#b8874f',
    basketDark: '#8e6334',
    fruits: '#e4572e|#f3a712|#76b041|#a23b72|#f9d56e|#c2402a',
    bunting: '#d1495b|#2e86ab|#edae49|#3b8b5a|#f8f1e4',
    string: '#6b4a36',
    jar: '#c9783f',
  },
  'container-yard': {
    skyTop: '#bcd8e8',
    skyBottom: '#eef2f1',
    haze: '#e4ecee',
    ground: '#aaa59a',
    groundNear: '#8f8a80',
    lane: '#f4e6b3',
    far: '#a8b8c4',
    rtg: '#e8b437',
    rtgDark: '#2f3540',
    pole: '#6f7782',
    lamp: '#fff4c4',
    containers: '#b5473a|#2f6690|#d98e32|#3a7d44|#6c4f77|#4a8b9a|#c9b458|#7a8b99|#e0e0dc',
  },
  bridge: {
    skyTop: '#b3d4e8',
    skyBottom: '#f6efe3',
    sun: '#fff0cf',
    cloud: '#ffffff',
    skyline: '#b2bfcc',
    skylineNear: '#9aa9b8',
    farBank: '#9db48d',
    riverTop: '#6d9fbf',
    riverBottom: '#2f5f80',
    glint: '#d8ecf5',
    pylon: '#f1f0ec',
    pylonShade: '#c9ccce',
    cable: '#6f7d8a',
    deck: '#e6e3dc',
    deckUnder: '#8d98a3',
    pier: '#b9bcbe',
    bank: '#86a873',
    bankDark: '#6b8f5c',
    tree: '#5e8552',
    boat: '#c8553d',
    cars: '#c8553d|#2f6690|#e6b43c|#f6f3ec',
  },
  museum: {
    skyTop: '#cfe0ec',
    skyBottom: '#f8f4ec',
    building: '#efe6d5',
    shade: '#d9cdb6',
    dark: '#a7987c',
    interior: '#8f7f66',
    dome: '#7fa99b',
    domeShade: '#5f8b7d',
    door: '#5b4636',
    steps: '#e4dac8',
    stepLine: '#c9bda6',
    plaza: '#d9cfbe',
    plazaLine: '#c7bca8',
    tree: '#6d8f62',
    treeDark: '#557a4c',
    trunk: '#7a5a40',
    banner: '#b0413e',
    bannerMark: '#f3e7d3',
    lamp: '#4a4a48',
    text: '#8a7a5e',
  },
  delta: {
    landTop: '#cfc78f',
    landBottom: '#b7b777',
    marsh: '#a3b775',
    marshDark: '#879f5d',
    bank: '#e6d9a6',
    channel: '#5d9fb6',
    channelLight: '#8cc3d3',
    seaTop: '#6aaac2',
    seaBottom: '#2f6f8f',
    shallow: '#a9d3dc',
    sandbar: '#eadfb2',
    reed: '#5e7232',
    reedHead: '#7a5230',
    bird: '#fbfaf5',
  },
} as const satisfies Record<ImageKey, Record<string, string>>;

const TITLES: Record<ImageKey, string> = {
  'caspian-map':
    'Stylised map of the Caspian Sea with ferry routes between Astrakhan, Makhachkala, Baku, Aktau, Turkmenbashi and Anzali',
  ferry: 'A ro-ro rail ferry carrying freight wagons across the sea',
  'port-cranes': 'Ship-to-shore gantry cranes loading containers at dusk',
  railway: 'A freight train crossing the open steppe',
  caravanserai: 'The arcaded courtyard of an old caravanserai',
  'wind-farm': 'Wind turbines on a green coast and out at sea',
  'old-city': 'Walls, towers and the gate of an old city at sunset',
  market: 'Market stalls with striped awnings and baskets of fruit',
  'container-yard': 'Stacks of coloured shipping containers in a port yard',
  bridge: 'A cable-stayed bridge over a wide river',
  museum: 'A colonnaded museum building with a dome',
  delta: 'River delta channels branching through reed beds towards the sea',
};

/* ------------------------------------------------------------------------------------------------
 * Small SVG toolkit.
 * ---------------------------------------------------------------------------------------------- */

type Pt = readonly [number, number];
type AttrValue = string | number | undefined;
type Attrs = Record<string, AttrValue>;

/** Numbers are written with at most one decimal, which keeps output compact and stable. */
function num(v: number): string {
  const r = Math.round(v * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
}

function esc(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function el(name: string, attrs: Attrs, children?: string): string {
  let out = `<${name}`;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined) continue;
    out += ` ${k}="${typeof v === 'number' ? num(v) : esc(v)}"`;
  }
  return children === undefined ? `${out}/>` : `${out}>${children}</${name}>`;
}

/** Tagged template for path data: interpolated numbers are rounded. */
function d(strings: TemplateStringsArray, ...vals: number[]): string {
  let out = strings[0] ?? '';
  vals.forEach((v, i) => {
    out += num(v) + (strings[i + 1] ?? '');
  });
  return out;
}

const rect = (x: number, y: number, w: number, h: number, fill?: string, extra: Attrs = {}): string =>
  el('rect', { x, y, width: w, height: h, fill, ...extra });
const circle = (cx: number, cy: number, r: number, fill?: string, extra: Attrs = {}): string =>
  el('circle', { cx, cy, r, fill, ...extra });
const ellipse = (cx: number, cy: number, rx: number, ry: number, fill?: string, extra: Attrs = {}): string =>
  el('ellipse', { cx, cy, rx, ry, fill, ...extra });
const path = (dd: string, fill?: string, extra: Attrs = {}): string => el('path', { d: dd, fill, ...extra });
const line = (x1: number, y1: number, x2: number, y2: number, stroke: string, width: number, extra: Attrs = {}): string =>
  el('line', { x1, y1, x2, y2, stroke, 'stroke-width': width, ...extra });
const ptsAttr = (pts: readonly Pt[]): string => pts.map(([x, y]) => `${num(x)},${num(y)}`).join(' ');
const poly = (pts: readonly Pt[], fill?: string, extra: Attrs = {}): string =>
  el('polygon', { points: ptsAttr(pts), fill, ...extra });
const polyline = (pts: readonly Pt[], stroke: string, width: number, extra: Attrs = {}): string =>
  el('polyline', { points: ptsAttr(pts), fill: 'none', stroke, 'stroke-width': width, ...extra });
const group = (children: string, extra: Attrs = {}): string => el('g', extra, children);
const text = (x: number, y: number, content: string, extra: Attrs = {}): string => el('text', { x, y, ...extra }, esc(content));

type Stop = readonly [offset: number, color: string, opacity?: number];

function stops(list: readonly Stop[]): string {
  return list
    .map(([offset, color, opacity]) =>
      el('stop', { offset, 'stop-color': color, 'stop-opacity': opacity === undefined ? undefined : opacity }),
    )
    .join('');
}

/** A linear gradient in user space (so shapes of any size share one continuous gradient). */
function linearGradient(id: string, list: readonly Stop[], x1: number, y1: number, x2: number, y2: number): string {
  return el('linearGradient', { id, gradientUnits: 'userSpaceOnUse', x1, y1, x2, y2 }, stops(list));
}

function at<T>(arr: readonly T[], i: number): T {
  const v = arr[((i % arr.length) + arr.length) % arr.length];
  if (v === undefined) throw new Error('empty array');
  return v;
}

function colors(list: string): readonly string[] {
  return list.split('|');
}

/** Mixes two #rrggbb colours; t=0 gives a, t=1 gives b. */
function mix(a: string, b: string, t: number): string {
  const pa = parseInt(a.slice(1), 16);
  const pb = parseInt(b.slice(1), 16);
  const ch = (p: number, shift: number): number => (p >> shift) & 255;
  const out = [16, 8, 0].map((s) => Math.round(ch(pa, s) + (ch(pb, s) - ch(pa, s)) * t));
  return `#${out.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}
const darken = (c: string, t: number): string => mix(c, '#000000', t);
const lighten = (c: string, t: number): string => mix(c, '#ffffff', t);

/** Smooth curve through points (Catmull-Rom converted to cubic Béziers). */
function smoothPath(pts: readonly Pt[], closed: boolean): string {
  const n = pts.length;
  const p = (i: number): Pt => (closed ? at(pts, i) : at(pts, Math.max(0, Math.min(n - 1, i))));
  const first = p(0);
  let out = d`M${first[0]} ${first[1]}`;
  const segments = closed ? n : n - 1;
  for (let i = 0; i < segments; i++) {
    const p0 = p(i - 1);
    const p1 = p(i);
    const p2 = p(i + 1);
    const p3 = p(i + 2);
    const c1x = p1[0] + (p2[0] - p0[0]) / 6;
    const c1y = p1[1] + (p2[1] - p0[1]) / 6;
    const c2x = p2[0] - (p3[0] - p1[0]) / 6;
    const c2y = p2[1] - (p3[1] - p1[1]) / 6;
    out += d` C${c1x} ${c1y} ${c2x} ${c2y} ${p2[0]} ${p2[1]}`;
  }
  return closed ? `${out}Z` : out;
}

/** A wavy horizontal edge from x=0 to x=1200 at height y, closed down to the bottom of the canvas. */
function wavyBand(y: number, amp: number, step: number, phase = 0): string {
  let out = d`M0 ${y}`;
  for (let x = 0; x < IMAGE_WIDTH; x += step) {
    const dir = (Math.round(x / step) + phase) % 2 === 0 ? -1 : 1;
    out += d` Q${x + step / 2} ${y + dir * amp} ${x + step} ${y}`;
  }
  return `${out}${d` L${IMAGE_WIDTH} ${IMAGE_HEIGHT} L0 ${IMAGE_HEIGHT}Z`}`;
}

interface Rng {
  next(): number;
  range(min: number, max: number): number;
  int(min: number, max: number): number;
  pick<T>(arr: readonly T[]): T;
}

/** mulberry32, seeded by an FNV-1a hash of the seed string. */
function makeRng(seed: string): Rng {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  let a = h >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    range: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor((max - min + 1) * next()),
    pick: (arr) => at(arr, Math.floor(next() * arr.length)),
  };
}

interface Ctx {
  key: ImageKey;
  rng: Rng;
  defs: string[];
  /** A document-unique id, prefixed with the key so several images can share one HTML page. */
  id(name: string): string;
}

/* ------------------------------------------------------------------------------------------------
 * Shared motifs.
 * ---------------------------------------------------------------------------------------------- */

function cloud(x: number, y: number, s: number, fill: string, opacity: number): string {
  return group(
    ellipse(x, y, 70 * s, 26 * s) +
      circle(x - 30 * s, y - 16 * s, 30 * s) +
      circle(x + 12 * s, y - 28 * s, 38 * s) +
      circle(x + 48 * s, y - 10 * s, 26 * s),
    { fill, opacity },
  );
}

function bird(x: number, y: number, s: number, stroke: string, width = 3): string {
  return path(d`M${x} ${y} q${10 * s} ${-10 * s} ${20 * s} 0 q${10 * s} ${-10 * s} ${20 * s} 0`, 'none', {
    stroke,
    'stroke-width': width,
    'stroke-linecap': 'round',
    'stroke-linejoin': 'round',
  });
}

/** A shipping container seen from the long side, top-left corner at (x, y). */
function container(x: number, y: number, w: number, h: number, color: string): string {
  const dark = darken(color, 0.28);
  let out = rect(x, y, w, h, color);
  const ribs: string[] = [];
  const n = Math.max(6, Math.round(w / 9));
  for (let i = 1; i < n; i++) {
    const rx = x + (w * i) / n;
    ribs.push(d`M${rx} ${y + h * 0.1}V${y + h * 0.9}`);
  }
  out += path(ribs.join(''), 'none', { stroke: dark, 'stroke-width': Math.max(1, w / 110), opacity: 0.45 });
  out += rect(x, y, w, h * 0.09, dark) + rect(x, y + h * 0.91, w, h * 0.09, dark);
  out += rect(x, y, w * 0.025, h, dark) + rect(x + w * 0.975, y, w * 0.025, h, dark);
  return out;
}

type WagonType = 'box' | 'tank' | 'hopper';

/** A railway wagon standing on a rail whose top is at railY. */
function railWagon(x: number, railY: number, w: number, h: number, type: WagonType, color: string, dark: string): string {
  const wheelR = h * 0.15;
  const frameY = railY - wheelR * 2 - h * 0.06;
  const top = frameY - h;
  const shade = darken(color, 0.22);
  let out = '';
  if (type === 'box') {
    out += rect(x, top, w, h, color);
    out += rect(x - w * 0.01, top - h * 0.07, w * 1.02, h * 0.09, shade);
    const ribs: string[] = [];
    for (let i = 1; i < 10; i++) ribs.push(d`M${x + (w * i) / 10} ${top + h * 0.06}V${frameY - h * 0.04}`);
    out += path(ribs.join(''), 'none', { stroke: shade, 'stroke-width': Math.max(1, w / 90) });
    out += rect(x + w * 0.38, top + h * 0.12, w * 0.24, h * 0.8, shade);
    out += path(d`M${x + w * 0.38} ${top + h * 0.12}L${x + w * 0.62} ${top + h * 0.92}M${x + w * 0.62} ${top + h * 0.12}L${x + w * 0.38} ${top + h * 0.92}`, 'none', {
      stroke: color,
      'stroke-width': Math.max(1, w / 80),
    });
  } else if (type === 'tank') {
    const r = h * 0.42;
    out += rect(x + w * 0.02, top + h * 0.1, w * 0.96, h * 0.85, color, { rx: r, ry: r });
    out += rect(x + w * 0.44, top - h * 0.02, w * 0.12, h * 0.16, shade, { rx: w * 0.015 });
    out += rect(x + w * 0.02, top + h * 0.46, w * 0.96, h * 0.08, shade);
    out += rect(x + w * 0.26, top + h * 0.1, w * 0.02, h * 0.85, shade) + rect(x + w * 0.72, top + h * 0.1, w * 0.02, h * 0.85, shade);
  } else {
    out += poly(
      [
        [x, top],
        [x + w, top],
        [x + w * 0.9, frameY - h * 0.05],
        [x + w * 0.1, frameY - h * 0.05],
      ],
      color,
    );
    out += rect(x - w * 0.01, top - h * 0.05, w * 1.02, h * 0.08, shade);
    const ribs: string[] = [];
    for (let i = 1; i < 6; i++) ribs.push(d`M${x + (w * i) / 6} ${top + h * 0.05}V${frameY - h * 0.08}`);
    out += path(ribs.join(''), 'none', { stroke: shade, 'stroke-width': Math.max(1, w / 70) });
    out += poly(
      [
        [x + w * 0.3, frameY - h * 0.05],
        [x + w * 0.42, frameY - h * 0.05],
        [x + w * 0.4, frameY + h * 0.04],
        [x + w * 0.32, frameY + h * 0.04],
      ],
      shade,
    );
    out += poly(
      [
        [x + w * 0.58, frameY - h * 0.05],
        [x + w * 0.7, frameY - h * 0.05],
        [x + w * 0.68, frameY + h * 0.04],
        [x + w * 0.6, frameY + h * 0.04],
      ],
      shade,
    );
  }
  // Underframe, buffers, bogies and wheels.
  out += rect(x - w * 0.01, frameY - h * 0.05, w * 1.02, h * 0.08, dark);
  out += rect(x - w * 0.04, frameY - h * 0.03, w * 0.03, h * 0.05, dark) + rect(x + w * 1.01, frameY - h * 0.03, w * 0.03, h * 0.05, dark);
  for (const bx of [x + w * 0.17, x + w * 0.83]) {
    out += rect(bx - w * 0.11, frameY + h * 0.02, w * 0.22, wheelR * 0.8, dark);
    out += circle(bx - w * 0.06, railY - wheelR, wheelR, dark) + circle(bx + w * 0.06, railY - wheelR, wheelR, dark);
    out += circle(bx - w * 0.06, railY - wheelR, wheelR * 0.35, '#8a8a8a') + circle(bx + w * 0.06, railY - wheelR, wheelR * 0.35, '#8a8a8a');
  }
  return out;
}

/** A pointed ("Persian") arch opening from x1 to x2: jambs from baseY up to springY, apex at apexY. */
function pointedArch(x1: number, x2: number, baseY: number, springY: number, apexY: number): string {
  const cx = (x1 + x2) / 2;
  const k = apexY + (springY - apexY) * 0.25;
  return d`M${x1} ${baseY}L${x1} ${springY}Q${x1} ${k} ${cx} ${apexY}Q${x2} ${k} ${x2} ${springY}L${x2} ${baseY}Z`;
}

/** The same arch as a list of points in a unit square (u across, v down), for mapping onto skewed walls. */
function pointedArchPoints(u1: number, u2: number, vBase: number, vSpring: number, vApex: number): Pt[] {
  const um = (u1 + u2) / 2;
  const k = vApex + (vSpring - vApex) * 0.25;
  const pts: Pt[] = [
    [u1, vBase],
    [u1, vSpring],
  ];
  const quad = (a: Pt, c: Pt, b: Pt): void => {
    for (let i = 1; i <= 10; i++) {
      const t = i / 10;
      const mt = 1 - t;
      pts.push([mt * mt * a[0] + 2 * mt * t * c[0] + t * t * b[0], mt * mt * a[1] + 2 * mt * t * c[1] + t * t * b[1]]);
    }
  };
  quad([u1, vSpring], [u1, k], [um, vApex]);
  quad([um, vApex], [u2, k], [u2, vSpring]);
  pts.push([u2, vBase]);
  return pts;
}

/* ------------------------------------------------------------------------------------------------
 * The twelve illustrations.
 * ---------------------------------------------------------------------------------------------- */

function caspianMap(c: Ctx): string {
  const p = PALETTES['caspian-map'];
  const proj = (lon: number, lat: number): Pt => [390 + (lon - 46.5) * 56, 30 + (47.3 - lat) * 66];
  const projAll = (list: ReadonlyArray<readonly [number, number]>): Pt[] => list.map(([lon, lat]) => proj(lon, lat));

  const seaId = c.id('sea');
  c.defs.push(
    linearGradient(
      seaId,
      [
        [0, p.seaShallow],
        [0.3, p.seaMid],
        [1, p.seaDeep],
      ],
      0,
      60,
      0,
      760,
    ),
  );

  // Approximate coastline, clockwise from the north-west (lon, lat).
  const coast = projAll([
    [46.9, 45.3], [47.4, 45.6], [47.9, 45.7], [48.5, 45.9], [49.2, 46.2], [49.9, 46.5], [50.8, 46.8],
    [51.6, 47.0], [52.3, 46.9], [53.0, 46.9], [53.2, 46.4], [52.9, 45.9], [52.0, 45.5], [51.3, 45.3],
    [51.0, 44.9], [50.3, 44.7], [50.3, 44.4], [50.9, 44.1], [51.2, 43.6], [51.6, 43.1], [52.1, 42.6],
    [52.5, 42.0], [52.8, 41.5], [52.9, 41.1], [52.75, 40.6], [53.0, 40.2], [52.8, 39.9], [53.2, 39.6],
    [53.5, 39.2], [53.7, 38.6], [53.9, 37.9], [53.95, 37.3], [53.6, 36.9], [52.8, 36.75], [51.9, 36.6],
    [51.0, 36.8], [50.2, 37.2], [49.5, 37.45], [49.0, 37.7], [48.85, 38.2], [48.9, 38.8], [49.2, 39.1],
    [49.35, 39.6], [49.5, 40.1], [50.0, 40.3], [50.4, 40.45], [49.95, 40.6], [49.5, 40.9], [49.1, 41.4],
    [48.6, 41.8], [48.2, 42.2], [47.7, 42.7], [47.5, 43.1], [47.5, 43.5], [47.3, 43.8], [47.6, 44.1],
    [47.3, 44.5], [47.0, 44.9],
  ]);
  const karaBogaz = projAll([
    [53.0, 41.25], [53.4, 41.7], [54.0, 41.9], [54.5, 41.6], [54.6, 41.0], [54.1, 40.8], [53.4, 40.9],
  ]);
  const caucasus = projAll([
    [43.2, 43.4], [45.0, 43.0], [46.6, 42.6], [47.9, 41.9], [49.3, 41.1], [49.2, 40.7], [47.8, 41.1],
    [46.2, 41.6], [44.6, 42.1], [43.0, 42.6],
  ]);
  const elburz = projAll([
    [48.6, 37.4], [49.8, 36.9], [51.5, 36.45], [53.2, 36.4], [55.2, 36.9], [56.5, 36.6], [56.5, 35.3],
    [52.0, 35.4], [48.4, 36.4],
  ]);
  const kopetdag = projAll([
    [54.4, 38.9], [55.8, 38.4], [57.5, 37.6], [57.5, 37.0], [55.8, 37.6], [54.2, 38.4],
  ]);

  let s = rect(0, 0, IMAGE_WIDTH, IMAGE_HEIGHT, p.land);
  s += path(smoothPath(caucasus, true), p.highland) + path(smoothPath(elburz, true), p.highland) + path(smoothPath(kopetdag, true), p.highland);

  // Graticule.
  const grid: string[] = [];
  for (let lat = 38; lat <= 46; lat += 2) {
    const y = proj(0, lat)[1];
    grid.push(d`M0 ${y}H${IMAGE_WIDTH}`);
  }
  for (let lon = 42; lon <= 60; lon += 2) {
    const x = proj(lon, 0)[0];
    grid.push(d`M${x} 0V${IMAGE_HEIGHT}`);
  }
  s += path(grid.join(''), 'none', { stroke: p.grid, 'stroke-width': 1.2, 'stroke-dasharray': '4 6' });
  for (let lat = 38; lat <= 46; lat += 2) {
    s += text(14, proj(0, lat)[1] - 6, `${lat}\u00b0N`, { 'font-size': 13, fill: p.country });
  }
  for (let lon = 44; lon <= 56; lon += 4) {
    s += text(proj(lon, 0)[0] + 6, IMAGE_HEIGHT - 12, `${lon}\u00b0E`, { 'font-size': 13, fill: p.country });
  }

  // Rivers.
  const riverAttrs = { stroke: p.river, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' } as const;
  s += path(smoothPath(projAll([[44.6, 48.8], [45.6, 48.2], [46.6, 47.5], [47.5, 46.8], [48.03, 46.35], [48.4, 46.05], [48.7, 45.85]]), false), 'none', { ...riverAttrs, 'stroke-width': 6 });
  s += path(smoothPath(projAll([[51.0, 49.6], [51.5, 48.6], [51.8, 47.7], [51.9, 47.0]]), false), 'none', { ...riverAttrs, 'stroke-width': 4 });
  s += path(smoothPath(projAll([[44.8, 41.6], [46.4, 41.0], [47.6, 40.5], [48.6, 39.9], [49.3, 39.4]]), false), 'none', { ...riverAttrs, 'stroke-width': 4 });

  // Sea: a pale halo for the shallows, then the water itself.
  const coastD = smoothPath(coast, true);
  const kbD = smoothPath(karaBogaz, true);
  s += path(coastD, 'none', { stroke: p.shore, 'stroke-width': 18, 'stroke-linejoin': 'round' });
  s += path(kbD, 'none', { stroke: p.shore, 'stroke-width': 12, 'stroke-linejoin': 'round' });
  s += path(coastD, `url(#${seaId})`, { stroke: p.coast, 'stroke-width': 2.5, 'stroke-linejoin': 'round' });
  s += path(kbD, `url(#${seaId})`, { stroke: p.coast, 'stroke-width': 2, 'stroke-linejoin': 'round' });

  // Country names.
  const country = { 'font-size': 17, 'letter-spacing': 6, fill: p.country, 'font-weight': 600 } as const;
  s += text(170, 190, 'RUSSIA', country);
  s += text(880, 150, 'KAZAKHSTAN', country);
  s += text(150, 520, 'AZERBAIJAN', country);
  s += text(900, 575, 'TURKMENISTAN', country);
  s += text(620, 785, 'IRAN', country);

  s += text(proj(50.9, 38.55)[0], proj(50.9, 38.55)[1], 'CASPIAN SEA', {
    'font-size': 19,
    'letter-spacing': 7,
    fill: '#ffffff',
    'font-style': 'italic',
    'text-anchor': 'middle',
    opacity: 0.9,
  });

  // Ports and routes.
  const ports = {
    Astrakhan: { at: proj(48.03, 46.35), dx: -16, dy: -12, anchor: 'end' },
    Makhachkala: { at: proj(47.5, 42.98), dx: -18, dy: 7, anchor: 'end' },
    Baku: { at: proj(49.87, 40.38), dx: -16, dy: 24, anchor: 'end' },
    Aktau: { at: proj(51.17, 43.65), dx: 18, dy: 7, anchor: 'start' },
    Turkmenbashi: { at: proj(52.97, 40.02), dx: 18, dy: 7, anchor: 'start' },
    Anzali: { at: proj(49.47, 37.47), dx: -14, dy: 30, anchor: 'end' },
  } as const;
  type Port = keyof typeof ports;
  const routes: ReadonlyArray<readonly [Port, Port, number, number]> = [
    ['Astrakhan', 'Makhachkala', 48.8, 44.6],
    ['Astrakhan', 'Aktau', 49.9, 45.3],
    ['Makhachkala', 'Baku', 48.9, 41.8],
    ['Baku', 'Aktau', 51.0, 41.6],
    ['Baku', 'Turkmenbashi', 51.4, 39.7],
    ['Baku', 'Anzali', 50.3, 38.8],
    ['Aktau', 'Turkmenbashi', 52.1, 41.7],
  ];
  const routeD = routes
    .map(([a, b, clon, clat]) => {
      const pa = ports[a].at;
      const pb = ports[b].at;
      const [cx, cy] = proj(clon, clat);
      return d`M${pa[0]} ${pa[1]}Q${cx} ${cy} ${pb[0]} ${pb[1]}`;
    })
    .join('');
  s += path(routeD, 'none', { stroke: '#ffffff', 'stroke-width': 7, 'stroke-linecap': 'round', 'stroke-dasharray': '1 12', opacity: 0.6 });
  s += path(routeD, 'none', { stroke: p.route, 'stroke-width': 4.5, 'stroke-linecap': 'round', 'stroke-dasharray': '1 12' });

  for (const [name, port] of Object.entries(ports)) {
    const [x, y] = port.at;
    s += circle(x, y, 9, '#ffffff', { stroke: p.port, 'stroke-width': 4 }) + circle(x, y, 3.2, p.port);
    s += text(x + port.dx, y + port.dy, name, {
      'font-size': 22,
      'font-weight': 700,
      fill: p.label,
      'text-anchor': port.anchor,
      stroke: p.land,
      'stroke-width': 5,
      'stroke-linejoin': 'round',
      'paint-order': 'stroke',
    });
  }

  // Compass.
  s += group(
    circle(0, 0, 38, 'none', { stroke: p.port, 'stroke-width': 2, opacity: 0.5 }) +
      poly([[0, -46], [10, 0], [0, 8], [-10, 0]], p.port) +
      poly([[0, 46], [10, 0], [0, -8], [-10, 0]], p.country) +
      text(0, -56, 'N', { 'font-size': 20, 'font-weight': 700, fill: p.port, 'text-anchor': 'middle' }),
    { transform: 'translate(110 640)' },
  );

  // Legend with a scale bar (1 degree of latitude is about 111 km).
  const km200 = (200 / 111) * 66;
  s += group(
    rect(0, 0, 270, 150, p.legend, { rx: 12, opacity: 0.92, stroke: p.grid, 'stroke-width': 1.5 }) +
      path(d`M22 36H82`, 'none', { stroke: p.route, 'stroke-width': 4.5, 'stroke-linecap': 'round', 'stroke-dasharray': '1 12' }) +
      text(100, 42, 'Ferry routes', { 'font-size': 18, fill: p.label }) +
      circle(52, 76, 9, '#ffffff', { stroke: p.port, 'stroke-width': 4 }) +
      circle(52, 76, 3.2, p.port) +
      text(100, 82, 'Ports', { 'font-size': 18, fill: p.label }) +
      rect(22, 108, km200 / 2, 8, p.port) +
      rect(22 + km200 / 2, 108, km200 / 2, 8, '#ffffff', { stroke: p.port, 'stroke-width': 1.5 }) +
      text(22, 136, '0', { 'font-size': 14, fill: p.label }) +
      text(22 + km200, 136, '200 km', { 'font-size': 14, fill: p.label, 'text-anchor': 'middle' }),
    { transform: 'translate(900 600)' },
  );
  return s;
}

function ferry(c: Ctx): string {
  const p = PALETTES.ferry;
  const skyId = c.id('sky');
  const seaId = c.id('sea');
  c.defs.push(
    linearGradient(skyId, [[0, p.skyTop], [1, p.skyBottom]], 0, 0, 0, 520),
    linearGradient(seaId, [[0, p.seaTop], [1, p.seaBottom]], 0, 520, 0, 800),
  );
  const { rng } = c;
  let s = rect(0, 0, IMAGE_WIDTH, 520, `url(#${skyId})`);
  s += circle(990, 150, 120, p.sun, { opacity: 0.25 }) + circle(990, 150, 70, p.sun);
  s += cloud(200, 150, 1.1, p.cloud, 0.85) + cloud(560, 90, 0.7, p.cloud, 0.7) + cloud(760, 230, 0.55, p.cloud, 0.6);

  // Distant coast with a lighthouse.
  s += path(smoothPath([[0, 470], [90, 455], [200, 470], [330, 490], [420, 505], [470, 521]], false) + 'L0 521Z', p.coastFar);
  s += path(smoothPath([[0, 500], [120, 488], [260, 505], [360, 521]], false) + 'L0 521Z', p.coast);
  s += rect(108, 440, 14, 52, '#f6f3ec') + rect(108, 452, 14, 8, p.hullBand) + rect(104, 432, 22, 10, p.hull);

  s += rect(0, 520, IMAGE_WIDTH, 280, `url(#${seaId})`);
  const far: string[] = [];
  for (let i = 0; i < 26; i++) {
    const x = rng.range(0, 1180);
    const y = rng.range(530, 570);
    far.push(d`M${x} ${y}h${rng.range(14, 40)}`);
  }
  s += path(far.join(''), 'none', { stroke: p.foam, 'stroke-width': 2, 'stroke-linecap': 'round', opacity: 0.35 });

  // Wake behind the stern.
  s += path(d`M160 575Q90 570 0 600L0 640Q90 610 165 600Z`, p.foam, { opacity: 0.45 });
  s += path(d`M150 585Q80 590 0 625`, 'none', { stroke: '#ffffff', 'stroke-width': 3, opacity: 0.7 });

  // Hull.
  s += path(d`M150 455L1060 455L1092 458Q1070 530 1012 600L190 600L150 560Z`, p.hull);
  s += poly([[150, 455], [1092, 458], [1086, 476], [150, 474]], p.hullBand);
  s += rect(140, 388, 12, 70, p.deck, { rx: 2 });
  s += circle(1040, 492, 7, p.deck);
  s += text(300, 530, 'CASPIAN LINK', { 'font-size': 26, 'font-weight': 700, 'letter-spacing': 6, fill: '#ffffff', opacity: 0.85 });

  // Rail deck with wagons.
  s += rect(160, 450, 560, 5, p.deck);
  const types: readonly WagonType[] = ['box', 'tank', 'hopper', 'box', 'tank'];
  const wagonColors = colors(p.wagons);
  types.forEach((type, i) => {
    s += railWagon(172 + i * 106, 451, 96, 50, type, at(wagonColors, i), p.wagonDark);
  });

  // Superstructure.
  s += rect(720, 355, 300, 100, p.super) + rect(720, 440, 300, 15, p.superShade);
  s += rect(748, 295, 252, 60, p.super) + rect(748, 345, 252, 10, p.superShade);
  s += poly([[770, 245], [975, 245], [992, 295], [770, 295]], p.super);
  s += poly([[780, 258], [972, 258], [978, 276], [780, 276]], p.window);
  s += rect(752, 240, 252, 8, p.superShade);
  for (let i = 0; i < 11; i++) s += rect(738 + i * 25, 375, 14, 12, p.window, { rx: 2 });
  for (let i = 0; i < 11; i++) s += circle(745 + i * 25, 415, 5, p.window);
  for (let i = 0; i < 9; i++) s += rect(770 + i * 25, 312, 12, 10, p.window, { rx: 2 });
  s += rect(765, 330, 66, 20, p.lifeboat, { rx: 10 }) + rect(915, 330, 66, 20, p.lifeboat, { rx: 10 });
  s += poly([[806, 245], [864, 245], [856, 175], [800, 175]], p.funnel);
  s += poly([[800, 175], [856, 175], [857, 186], [801, 186]], p.hull);
  s += rect(803, 205, 57, 12, '#ffffff', { opacity: 0.9 });
  s += line(920, 245, 920, 190, p.hull, 4) + line(902, 205, 938, 205, p.hull, 3);
  s += poly([[1020, 440], [1080, 440], [1088, 455], [1020, 455]], p.superShade);

  // Water line, waves over the hull, foreground swell.
  s += path(wavyBand(586, 5, 40), `url(#${seaId})`);
  const waves: string[] = [];
  for (let i = 0; i < 60; i++) {
    const y = rng.range(600, 790);
    const x = rng.range(-20, 1180);
    const len = 20 + (y - 600) * 0.25 + rng.range(0, 30);
    waves.push(d`M${x} ${y}q${len / 2} ${-len * 0.12} ${len} 0`);
  }
  s += path(waves.join(''), 'none', { stroke: p.foam, 'stroke-width': 2.5, 'stroke-linecap': 'round', opacity: 0.45 });
  s += path(d`M1010 596Q1050 590 1090 602`, 'none', { stroke: '#ffffff', 'stroke-width': 3, opacity: 0.8 });

  s += bird(420, 180, 1, p.gull) + bird(470, 215, 0.8, p.gull) + bird(640, 160, 0.7, p.gull);
  return s;
}

function gantryCrane(x0: number, y0: number, sc: number, body: string, dark: string, light: string, raised: boolean, load?: string): string {
  const k = (v: number): number => v * sc;
  const legW = k(16);
  const portalY = y0 - k(300);
  const boomY = y0 - k(345);
  const boomH = k(24);
  const apex: Pt = [x0 + k(45), y0 - k(470)];
  const landX = x0 + k(170);
  let out = '';
  // Legs, sill beams and bracing.
  out += rect(x0 - legW / 2, portalY, legW, k(300), body) + rect(landX - legW / 2, portalY, legW, k(300), body);
  out += rect(x0 - k(20), portalY - k(14), k(210), k(18), body);
  out += rect(x0, y0 - k(125), k(170), k(10), body);
  out += line(x0, portalY, landX, y0 - k(125), body, k(6)) + line(landX, portalY, x0, y0 - k(125), body, k(6));
  out += rect(x0 - k(22), y0 - k(14), k(44), k(14), dark) + rect(landX - k(22), y0 - k(14), k(44), k(14), dark);
  // A-frame.
  out += line(x0, portalY - k(10), apex[0], apex[1], body, k(11)) + line(landX, portalY - k(10), apex[0], apex[1], body, k(11));
  out += rect(apex[0] - k(12), apex[1] - k(8), k(24), k(14), body);
  out += circle(apex[0], apex[1] - k(14), k(5), light);
  // Backreach and machinery house.
  out += rect(x0 - k(10), boomY, k(280), boomH, body);
  out += rect(x0 + k(150), boomY - k(36), k(108), k(36), body) + rect(x0 + k(150), boomY - k(12), k(108), k(5), dark);
  out += line(apex[0], apex[1], x0 + k(262), boomY, dark, k(3));
  // Outreach (the boom over the water), possibly raised.
  const tip = x0 - k(370);
  let boom = rect(tip, boomY, x0 - tip, boomH, body);
  const truss: Pt[] = [];
  for (let i = 0; i <= 16; i++) truss.push([tip + ((x0 - tip) * i) / 16, i % 2 === 0 ? boomY + k(4) : boomY + boomH - k(4)]);
  boom += polyline(truss, dark, k(2.2), { opacity: 0.6 });
  if (!raised) {
    const tx = x0 - k(220);
    boom += rect(tx - k(20), boomY + boomH, k(40), k(22), dark);
    boom += line(tx - k(10), boomY + boomH + k(22), tx - k(10), y0 - k(190), dark, k(2)) + line(tx + k(10), boomY + boomH + k(22), tx + k(10), y0 - k(190), dark, k(2));
    boom += rect(tx - k(62), y0 - k(192), k(124), k(8), dark);
    if (load !== undefined) boom += container(tx - k(60), y0 - k(184), k(120), k(48), load);
  }
  out += raised ? group(boom, { transform: `rotate(76 ${num(x0)} ${num(boomY + boomH / 2)})` }) : boom;
  // Forestays from the apex to the boom.
  if (raised) {
    out += line(apex[0], apex[1], x0 + k(10), boomY - k(60), dark, k(3));
  } else {
    out += line(apex[0], apex[1], tip + k(8), boomY, dark, k(3)) + line(apex[0], apex[1], x0 - k(180), boomY, dark, k(3));
  }
  out += rect(x0 - k(44), boomY + boomH, k(40), k(28), dark) + rect(x0 - k(40), boomY + boomH + k(5), k(32), k(10), light, { opacity: 0.7 });
  return out;
}

function portCranes(c: Ctx): string {
  const p = PALETTES['port-cranes'];
  const skyId = c.id('sky');
  const waterId = c.id('water');
  c.defs.push(
    linearGradient(skyId, [[0, p.skyTop], [0.6, p.skyMid], [1, p.skyBottom]], 0, 0, 0, 580),
    linearGradient(waterId, [[0, p.waterTop], [1, p.waterBottom]], 0, 580, 0, 800),
  );
  const { rng } = c;
  const boxColors = colors(p.containers);
  let s = rect(0, 0, IMAGE_WIDTH, 580, `url(#${skyId})`);
  s += circle(300, 520, 110, p.sun, { opacity: 0.25 }) + circle(300, 520, 64, p.sun);
  // Far shore with small cranes.
  s += rect(0, 560, IMAGE_WIDTH, 20, p.far, { opacity: 0.55 });
  for (const fx of [40, 110, 1110, 1160]) {
    s += group(gantryCrane(fx, 566, 0.16, p.far, p.far, p.far, false), { opacity: 0.7 });
  }
  s += rect(0, 580, IMAGE_WIDTH, 220, `url(#${waterId})`);
  for (let i = 0; i < 14; i++) {
    const y = 590 + i * 14;
    const w = 140 - i * 6 + rng.range(-20, 20);
    s += rect(300 - w / 2 + rng.range(-20, 20), y, w, 3, p.glint, { opacity: 0.5 - i * 0.025, rx: 1.5 });
  }

  // Cranes, far to near.
  s += group(gantryCrane(1100, 592, 0.62, p.crane, p.craneDark, p.light, false, at(boxColors, 3)), { opacity: 0.55 });
  s += group(gantryCrane(935, 596, 0.8, p.crane, p.craneDark, p.light, true), { opacity: 0.78 });

  // Ship at the quay.
  s += path(d`M-20 500L600 500L588 655L-20 655Z`, p.hull);
  s += rect(-20, 630, 610, 25, p.hullBottom);
  s += rect(-20, 500, 620, 10, darken(p.hull, 0.3));
  s += rect(10, 330, 90, 170, p.bridge) + rect(0, 318, 110, 16, p.bridge);
  for (let row = 0; row < 4; row++) for (let col = 0; col < 4; col++) s += rect(18 + col * 20, 350 + row * 36, 12, 14, p.window);
  s += rect(30, 280, 40, 40, darken(p.bridge, 0.15));
  const bayX = [126, 240, 354, 468];
  bayX.forEach((bx) => {
    const tiers = rng.int(2, 3);
    for (let t = 0; t < tiers; t++) s += container(bx, 500 - (t + 1) * 50, 110, 50, rng.pick(boxColors));
  });

  // Quay.
  s += rect(600, 600, 600, 200, p.quay) + rect(600, 600, 600, 10, p.quayTop);
  for (let i = 0; i < 5; i++) s += rect(604, 620 + i * 34, 10, 22, p.craneDark, { rx: 3 });

  s += gantryCrane(650, 600, 1, p.crane, p.craneDark, p.light, false, at(boxColors, 0));

  // Stacks on the quay.
  const stackX = [860, 985, 1110];
  stackX.forEach((sx, i) => {
    const tiers = [3, 2, 4][i] ?? 2;
    for (let t = 0; t < tiers; t++) s += container(sx, 600 - (t + 1) * 46, 118, 46, rng.pick(boxColors));
  });
  s += path(wavyBand(650, 4, 30), `url(#${waterId})`, { opacity: 0.85 });
  return s;
}

function railway(c: Ctx): string {
  const p = PALETTES.railway;
  const skyId = c.id('sky');
  const steppeId = c.id('steppe');
  c.defs.push(
    linearGradient(skyId, [[0, p.skyTop], [1, p.skyBottom]], 0, 0, 0, 470),
    linearGradient(steppeId, [[0, p.steppeTop], [1, p.steppeBottom]], 0, 460, 0, 800),
  );
  const { rng } = c;
  let s = rect(0, 0, IMAGE_WIDTH, 480, `url(#${skyId})`);
  s += circle(240, 170, 95, p.sun, { opacity: 0.4 }) + circle(240, 170, 55, p.sun);
  s += group(
    rect(520, 120, 300, 26, undefined, { rx: 13 }) + rect(600, 104, 160, 26, undefined, { rx: 13 }) + rect(880, 200, 220, 20, undefined, { rx: 10 }) + rect(930, 188, 110, 20, undefined, { rx: 10 }) + rect(60, 300, 200, 16, undefined, { rx: 8 }),
    { fill: p.cloud, opacity: 0.8 },
  );
  s += path(smoothPath([[0, 440], [160, 420], [330, 436], [520, 410], [720, 432], [900, 404], [1080, 428], [1200, 418]], false) + 'L1200 480L0 480Z', p.hillsFar);
  s += path(smoothPath([[0, 470], [250, 456], [520, 468], [800, 452], [1200, 466]], false) + 'L1200 800L0 800Z', `url(#${steppeId})`);

  // Yurts on the horizon.
  const yurt = (x: number, y: number, sc: number): string =>
    rect(x - 32 * sc, y - 24 * sc, 64 * sc, 24 * sc, p.yurt) +
    path(d`M${x - 36 * sc} ${y - 22 * sc}Q${x} ${y - 50 * sc} ${x + 36 * sc} ${y - 22 * sc}Z`, p.yurt, { stroke: p.yurtTrim, 'stroke-width': 2 * sc }) +
    rect(x - 32 * sc, y - 16 * sc, 64 * sc, 4 * sc, p.yurtTrim) +
    rect(x - 7 * sc, y - 14 * sc, 14 * sc, 14 * sc, p.yurtTrim);
  s += yurt(170, 478, 1) + yurt(250, 474, 0.75);

  // Telegraph poles and wires.
  const poles = [40, 250, 460, 670, 880, 1090];
  const wires: string[] = [];
  poles.forEach((x, i) => {
    s += rect(x - 3, 400, 6, 130, p.pole) + rect(x - 22, 410, 44, 5, p.pole);
    const next = poles[i + 1];
    if (next !== undefined) {
      for (const dx of [-18, 18]) wires.push(d`M${x + dx} 410Q${(x + next) / 2} 428 ${next + dx} 410`);
    }
  });
  s += path(wires.join(''), 'none', { stroke: p.wire, 'stroke-width': 1.5, opacity: 0.7 });

  // Embankment, sleepers and rail.
  s += path(d`M0 552L1200 552L1200 600Q600 612 0 600Z`, p.ballast);
  const dots: string[] = [];
  for (let i = 0; i < 140; i++) dots.push(d`M${rng.range(0, 1200)} ${rng.range(566, 600)}h2`);
  s += path(dots.join(''), 'none', { stroke: p.ballastDark, 'stroke-width': 3, 'stroke-linecap': 'round' });
  for (let x = 6; x < 1200; x += 26) s += rect(x, 556, 16, 7, p.sleeper);
  s += rect(0, 549, 1200, 6, p.rail);

  // The train.
  const wagonColors = colors(p.wagons);
  const types: readonly WagonType[] = ['tank', 'box', 'hopper'];
  types.forEach((type, i) => {
    s += railWagon(304 + i * 192, 549, 180, 80, type, at(wagonColors, i), p.wagonDark);
  });
  s += line(860, 518, 880, 518, p.wagonDark, 5);
  // Locomotive.
  const lx = 880;
  s += path(d`M${lx} 526L${lx} 432L${lx + 200} 432Q${lx + 232} 434 ${lx + 242} 468L${lx + 252} 500L${lx + 252} 526Z`, p.loco);
  s += rect(lx + 14, 420, 150, 14, p.locoRoof, { rx: 4 }) + rect(lx + 40, 410, 40, 12, p.locoRoof, { rx: 3 });
  s += rect(lx, 488, 252, 12, p.locoStripe);
  s += poly([[lx + 200, 444], [lx + 226, 444], [lx + 238, 476], [lx + 200, 476]], p.window);
  for (let i = 0; i < 5; i++) s += rect(lx + 24 + i * 32, 448, 18, 22, p.window, { rx: 3 });
  s += rect(lx - 4, 526, 260, 10, p.wagonDark);
  for (const bx of [lx + 56, lx + 196]) {
    s += rect(bx - 46, 532, 92, 8, p.wagonDark);
    for (const dx of [-30, 0, 30]) s += circle(bx + dx, 538, 11, p.wagonDark) + circle(bx + dx, 538, 4, '#8a8a8a');
  }
  s += circle(lx + 244, 510, 5, '#fff3c9');

  // Grasses in the foreground.
  const grass: string[] = [];
  const feather: string[] = [];
  for (let i = 0; i < 160; i++) {
    const x = rng.range(0, 1200);
    const y = rng.range(620, 800);
    const h = 10 + (y - 620) * 0.12 + rng.range(0, 10);
    grass.push(d`M${x} ${y}l${-h * 0.3} ${-h}M${x} ${y}l0 ${-h * 1.2}M${x} ${y}l${h * 0.35} ${-h}`);
    if (i % 4 === 0 && y > 660) feather.push(d`M${x} ${y}q${h * 0.2} ${-h * 2} ${h * 1.6} ${-h * 2.6}`);
  }
  s += path(grass.join(''), 'none', { stroke: p.grass, 'stroke-width': 2, 'stroke-linecap': 'round' });
  s += path(feather.join(''), 'none', { stroke: p.grassLight, 'stroke-width': 2.5, 'stroke-linecap': 'round', opacity: 0.9 });
  s += bird(640, 240, 0.9, p.bird, 2.5) + bird(690, 270, 0.7, p.bird, 2.5);
  return s;
}

function caravanserai(c: Ctx): string {
  const p = PALETTES.caravanserai;
  const skyId = c.id('sky');
  const portalId = c.id('portal');
  c.defs.push(
    linearGradient(skyId, [[0, p.skyTop], [1, p.skyBottom]], 0, 0, 0, 300),
    linearGradient(portalId, [[0, p.archDeep], [1, p.archInner]], 0, 230, 0, 560),
  );
  let s = rect(0, 0, IMAGE_WIDTH, 300, `url(#${skyId})`);

  // Floor with perspective joints.
  s += poly([[0, 700], [180, 560], [1020, 560], [1200, 700], [1200, 800], [0, 800]], p.floor);
  const joints: string[] = [];
  for (let k = 0; k <= 10; k++) {
    const x560 = 180 + k * 84;
    joints.push(d`M${x560} 560L${600 + (x560 - 600) * 2.5} 800`);
  }
  for (const y of [578, 604, 640, 690, 760]) joints.push(d`M0 ${y}H1200`);
  s += path(joints.join(''), 'none', { stroke: p.floorLine, 'stroke-width': 2 });
  s += poly([[0, 700], [180, 560], [330, 560], [130, 800], [0, 800]], '#000000', { opacity: 0.07 });

  // Back wall: two storeys of arcades either side of a tall portal.
  s += rect(180, 240, 840, 320, p.stone);
  for (let x = 186; x < 1016; x += 30) s += rect(x, 226, 18, 16, p.stone);
  s += rect(180, 394, 840, 14, p.stoneShade);
  s += rect(180, 240, 840, 8, p.stoneShade);
  for (const [from, to] of [[190, 500], [700, 1010]] as const) {
    const n = 4;
    const bay = (to - from) / n;
    for (let i = 0; i < n; i++) {
      const x1 = from + i * bay + bay * 0.18;
      const x2 = from + (i + 1) * bay - bay * 0.18;
      s += path(pointedArch(x1 - 6, x2 + 6, 392, 326, 282), p.stoneShade);
      s += path(pointedArch(x1, x2, 392, 330, 292), p.archInner);
      s += path(pointedArch(x1 - 6, x2 + 6, 560, 466, 416), p.stoneShade);
      s += path(pointedArch(x1, x2, 560, 470, 426), p.archInner);
      s += path(pointedArch(x1 + 10, x2 - 10, 560, 490, 452), p.archDeep, { opacity: 0.6 });
    }
  }
  // Portal (iwan) with a tiled frame.
  s += rect(490, 130, 220, 430, p.stone);
  for (let x = 494; x < 706; x += 26) s += rect(x, 116, 16, 16, p.stone);
  s += rect(504, 146, 192, 414, 'none', { stroke: p.tile, 'stroke-width': 12 });
  const stars: string[] = [];
  for (let y = 160; y < 560; y += 26) stars.push(d`M497 ${y}h14M689 ${y}h14`);
  for (let x = 510; x < 700; x += 26) stars.push(d`M${x} 146h10`);
  s += path(stars.join(''), 'none', { stroke: p.tileLight, 'stroke-width': 4, 'stroke-linecap': 'round' });
  s += path(pointedArch(528, 672, 560, 330, 196), p.tile);
  s += path(pointedArch(540, 660, 560, 336, 214), `url(#${portalId})`);
  s += path(d`M600 206L612 226L600 246L588 226Z`, p.gold);
  s += path(pointedArch(568, 632, 560, 470, 436), p.stoneDark);
  const lattice: string[] = [];
  for (let x = 576; x < 632; x += 12) lattice.push(d`M${x} 456V556`);
  for (let y = 476; y < 556; y += 14) lattice.push(d`M568 ${y}H632`);
  s += path(lattice.join(''), 'none', { stroke: p.gold, 'stroke-width': 2, opacity: 0.6 });

  // Side walls in perspective, with arches mapped onto them.
  const sideWall = (outerX: number, innerX: number, fill: string): string => {
    const top = (u: number): number => 130 + (240 - 130) * u;
    const bot = (u: number): number => 700 + (560 - 700) * u;
    const map = ([u, v]: Pt): Pt => [outerX + (innerX - outerX) * u, top(u) + (bot(u) - top(u)) * v];
    let out = poly([map([0, 0]), map([1, 0]), map([1, 1]), map([0, 1])], fill);
    out += poly([map([0, 0.484]), map([1, 0.484]), map([1, 0.525]), map([0, 0.525])], p.stoneDark, { opacity: 0.5 });
    for (const [u1, u2] of [[0.12, 0.42], [0.58, 0.86]] as const) {
      out += poly(pointedArchPoints(u1, u2, 0.469, 0.28, 0.16).map(map), p.archInner);
      out += poly(pointedArchPoints(u1, u2, 1, 0.72, 0.58).map(map), p.archDeep);
    }
    for (let u = 0; u < 1; u += 0.1) out += poly([map([u, -0.06]), map([u + 0.055, -0.06]), map([u + 0.055, 0]), map([u, 0])], fill);
    return out;
  };
  s += sideWall(0, 180, p.stoneSide) + sideWall(1200, 1020, p.stoneShade);

  // Pool.
  s += ellipse(600, 668, 160, 40, p.stoneShade) + ellipse(600, 662, 150, 34, p.stone) + ellipse(600, 664, 132, 26, p.water);
  s += path(d`M520 660Q560 652 600 660T680 660`, 'none', { stroke: p.waterLight, 'stroke-width': 3, 'stroke-linecap': 'round' });

  // A resting camel.
  s += ellipse(965, 748, 120, 14, '#000000', { opacity: 0.1 });
  s += rect(900, 640, 14, 104, p.camelShade, { rx: 6 }) + rect(1000, 640, 14, 104, p.camelShade, { rx: 6 });
  s += rect(922, 640, 14, 106, p.camel, { rx: 6 }) + rect(1022, 640, 14, 106, p.camel, { rx: 6 });
  s += ellipse(965, 630, 88, 42, p.camel);
  s += ellipse(955, 590, 48, 38, p.camel);
  s += path(d`M906 588Q955 566 1004 588L1010 640L900 640Z`, p.blanket);
  s += path(d`M900 632H1010`, 'none', { stroke: p.blanketTrim, 'stroke-width': 5 });
  s += path(d`M1035 626Q1060 600 1062 560Q1064 530 1086 520`, 'none', { stroke: p.camel, 'stroke-width': 26, 'stroke-linecap': 'round' });
  s += ellipse(1098, 522, 28, 14, p.camel, { transform: 'rotate(12 1098 522)' });
  s += circle(1096, 514, 3, p.archDeep);
  s += path(d`M880 620Q866 640 872 664`, 'none', { stroke: p.camelShade, 'stroke-width': 6, 'stroke-linecap': 'round' });
  return s;
}

function turbine(x: number, baseY: number, h: number, angle: number, color: string, shade: string): string {
  const hubY = baseY - h;
  const L = h * 0.46;
  let out = poly([[x - h * 0.028, baseY], [x + h * 0.028, baseY], [x + h * 0.013, hubY], [x - h * 0.013, hubY]], color);
  out += poly([[x, baseY], [x + h * 0.028, baseY], [x + h * 0.013, hubY], [x, hubY]], shade, { opacity: 0.7 });
  out += rect(x - h * 0.03, hubY - h * 0.025, h * 0.075, h * 0.05, shade, { rx: h * 0.015 });
  const blade = d`M${-L * 0.03} 0C${-L * 0.09} ${-L * 0.18} ${-L * 0.05} ${-L * 0.6} 0 ${-L}C${L * 0.015} ${-L * 0.6} ${L * 0.05} ${-L * 0.2} ${L * 0.03} 0Z`;
  let blades = '';
  for (let i = 0; i < 3; i++) blades += path(blade, color, { transform: `rotate(${num(angle + i * 120)})`, stroke: shade, 'stroke-width': Math.max(0.5, h * 0.003) });
  out += group(blades, { transform: `translate(${num(x)} ${num(hubY)})` });
  out += circle(x, hubY, h * 0.028, color, { stroke: shade, 'stroke-width': Math.max(0.5, h * 0.004) });
  return out;
}

function windFarm(c: Ctx): string {
  const p = PALETTES['wind-farm'];
  const skyId = c.id('sky');
  const seaId = c.id('sea');
  const landId = c.id('land');
  c.defs.push(
    linearGradient(skyId, [[0, p.skyTop], [1, p.skyBottom]], 0, 0, 0, 430),
    linearGradient(seaId, [[0, p.seaFar], [1, p.seaNear]], 0, 430, 0, 800),
    linearGradient(landId, [[0, p.landTop], [1, p.landBottom]], 0, 380, 0, 800),
  );
  const { rng } = c;
  let s = rect(0, 0, IMAGE_WIDTH, 432, `url(#${skyId})`);
  s += cloud(180, 120, 1, p.cloud, 0.9) + cloud(470, 200, 0.7, p.cloud, 0.75) + cloud(760, 90, 0.8, p.cloud, 0.8);
  s += rect(0, 430, IMAGE_WIDTH, 370, `url(#${seaId})`);

  // Offshore turbines on the horizon.
  [60, 150, 240, 330, 420].forEach((x, i) => {
    s += rect(x - 5, 428, 10, 4, p.platform) + turbine(x, 430, 78 + (i % 2) * 8, rng.range(0, 120), p.turbine, p.turbineShade);
  });
  const foam: string[] = [];
  for (let i = 0; i < 50; i++) {
    const y = rng.range(450, 790);
    const x = rng.range(-20, 520 - (y - 430) * 0.6);
    const len = 10 + (y - 430) * 0.1;
    foam.push(d`M${x} ${y}q${len / 2} ${-len * 0.3} ${len} 0`);
  }
  s += path(foam.join(''), 'none', { stroke: p.foam, 'stroke-width': 2.5, 'stroke-linecap': 'round', opacity: 0.7 });
  // A sailing boat.
  s += path(d`M150 610L240 610L226 628L162 628Z`, p.boat) + poly([[196, 606], [196, 520], [240, 604]], p.sail) + poly([[190, 606], [190, 540], [160, 604]], p.sail);

  // Coast: beach, then hills.
  const coastD = d`M512 432C470 520 410 620 300 800`;
  s += path(d`M496 432C450 520 380 620 262 800L300 800C410 620 470 520 512 432Z`, p.sand);
  s += path(d`M500 432Q600 380 720 400Q860 362 1000 392Q1100 372 1200 384L1200 800L300 800C410 620 470 520 512 432Z`, `url(#${landId})`);
  s += path(coastD, 'none', { stroke: p.sand, 'stroke-width': 6, opacity: 0.6 });
  // Fields and hedgerows.
  s += path(d`M640 520Q820 480 1000 500L1010 560Q820 545 620 590Z`, p.field, { opacity: 0.7 });
  s += path(d`M700 660Q900 600 1200 610L1200 700Q900 690 660 750Z`, p.field, { opacity: 0.6 });
  s += path(d`M560 600Q800 540 1200 560M520 700Q800 640 1200 660`, 'none', { stroke: p.hedge, 'stroke-width': 5, opacity: 0.55, 'stroke-linecap': 'round' });
  s += path(d`M1200 470Q900 500 820 560Q740 620 760 800`, 'none', { stroke: p.road, 'stroke-width': 10, 'stroke-linecap': 'round' });
  // Lighthouse on the point.
  s += poly([[470, 500], [486, 500], [483, 440], [473, 440]], p.lighthouse) + rect(472, 462, 12, 9, p.lighthouseBand) + rect(470, 432, 16, 9, p.lighthouseBand);

  // Turbines on land, far to near.
  s += turbine(1000, 400, 150, rng.range(0, 120), p.turbine, p.turbineShade);
  s += turbine(660, 470, 210, rng.range(0, 120), p.turbine, p.turbineShade);
  s += turbine(840, 565, 300, rng.range(0, 120), p.turbine, p.turbineShade);
  s += turbine(1075, 700, 420, rng.range(0, 120), p.turbine, p.turbineShade);
  s += bird(560, 250, 0.8, '#56646c', 2.5) + bird(600, 230, 0.6, '#56646c', 2.5);
  return s;
}

function oldCity(c: Ctx): string {
  const p = PALETTES['old-city'];
  const skyId = c.id('sky');
  c.defs.push(linearGradient(skyId, [[0, p.skyTop], [1, p.skyBottom]], 0, 0, 0, 480));
  const { rng } = c;
  let s = rect(0, 0, IMAGE_WIDTH, IMAGE_HEIGHT, `url(#${skyId})`);
  s += circle(900, 270, 130, p.sun, { opacity: 0.35 }) + circle(900, 270, 80, p.sun);
  s += path(smoothPath([[0, 340], [150, 290], [320, 330], [500, 270], [700, 320], [860, 280], [1040, 330], [1200, 300]], false) + 'L1200 500L0 500Z', p.mountains);
  s += path(smoothPath([[0, 400], [220, 370], [460, 395], [760, 360], [1000, 390], [1200, 370]], false) + 'L1200 520L0 520Z', p.mountainsNear);

  // Houses, a dome and a minaret behind the walls.
  let hx = 0;
  while (hx < 1200) {
    const w = rng.range(50, 110);
    const h = rng.range(40, 110);
    const fill = rng.next() < 0.5 ? p.house : p.houseShade;
    s += rect(hx, 450 - h, w, h + 20, fill);
    if (w > 70) s += rect(hx + w * 0.3, 450 - h + 16, 10, 14, p.window, { rx: 5 }) + rect(hx + w * 0.6, 450 - h + 16, 10, 14, p.window, { rx: 5 });
    hx += w;
  }
  s += rect(420, 330, 120, 60, p.house);
  s += path(d`M420 332A60 60 0 0 1 540 332Z`, p.dome) + path(d`M480 272A60 60 0 0 1 540 332L480 332Z`, p.domeLight, { opacity: 0.5 });
  s += rect(477, 256, 6, 18, p.dome) + circle(480, 254, 6, p.dome);
  s += rect(742, 170, 34, 290, p.minaret) + rect(759, 170, 17, 290, p.houseShade, { opacity: 0.6 });
  s += rect(732, 232, 54, 12, p.wallShade) + rect(736, 200, 46, 10, p.wallShade);
  s += poly([[740, 172], [778, 172], [759, 118]], p.dome) + circle(759, 112, 5, p.stud);
  for (const [x, h] of [[330, 120], [372, 90], [880, 110], [1140, 95]] as const) {
    s += ellipse(x, 450 - h / 2, 16, h / 2, p.cypress);
  }

  // The wall with crenellations and coursing.
  s += rect(0, 440, 1200, 200, p.wall);
  for (let x = 4; x < 1200; x += 40) s += rect(x, 420, 24, 22, p.wall);
  const courses: string[] = [];
  for (let y = 470; y < 640; y += 30) courses.push(d`M0 ${y}H1200`);
  s += path(courses.join(''), 'none', { stroke: p.wallShade, 'stroke-width': 2, opacity: 0.5 });
  for (let i = 0; i < 40; i++) s += rect(rng.range(0, 1160), 440 + rng.int(0, 5) * 30 + 4, rng.range(30, 60), 22, p.wallShade, { opacity: 0.25 });
  s += rect(0, 610, 1200, 30, p.wallShade, { opacity: 0.6 });

  // Round towers.
  const tower = (x: number, top: number, w: number): string => {
    let out = rect(x - w / 2, top, w, 660 - top, p.wall);
    out += rect(x, top, w / 2, 660 - top, p.wallShade, { opacity: 0.55 });
    out += rect(x - w / 2 - 8, top - 6, w + 16, 22, p.wallShade);
    for (let mx = x - w / 2 - 6; mx < x + w / 2 + 4; mx += 26) out += rect(mx, top - 30, 16, 26, p.wall);
    out += rect(x - 4, top + 60, 8, 28, p.wallDark, { rx: 4 }) + rect(x - 4, top + 160, 8, 28, p.wallDark, { rx: 4 });
    return out;
  };
  s += tower(110, 370, 110) + tower(380, 390, 100) + tower(830, 390, 100) + tower(1100, 370, 110);

  // Gate.
  s += rect(500, 340, 200, 320, p.wall) + rect(600, 340, 100, 320, p.wallShade, { opacity: 0.35 });
  for (let mx = 502; mx < 700; mx += 28) s += rect(mx, 314, 18, 28, p.wall);
  s += rect(492, 340, 216, 18, p.wallShade);
  s += path(pointedArch(540, 660, 662, 520, 440), p.wallDark);
  s += path(pointedArch(552, 648, 662, 526, 454), p.door);
  const planks: string[] = [];
  for (let x = 564; x < 648; x += 12) planks.push(d`M${x} 470V662`);
  s += path(planks.join(''), 'none', { stroke: p.gate, 'stroke-width': 2 });
  s += line(600, 454, 600, 662, p.gate, 4);
  for (let y = 520; y < 660; y += 36) for (const x of [572, 628]) s += circle(x, y, 3.5, p.stud);
  s += line(600, 314, 600, 250, p.wallDark, 3) + poly([[602, 252], [648, 264], [602, 278]], p.flag);

  // Ground and road.
  s += path(d`M0 640Q300 628 600 640T1200 636L1200 800L0 800Z`, p.ground);
  s += poly([[556, 660], [644, 660], [820, 800], [380, 800]], p.road);
  for (const [x, y, r] of [[250, 680, 40], [310, 700, 30], [900, 690, 44], [980, 710, 30], [120, 740, 50], [1100, 750, 56]] as const) {
    s += ellipse(x, y, r, r * 0.6, p.bush);
  }
  s += bird(260, 200, 1, p.bird, 2.5) + bird(310, 230, 0.7, p.bird, 2.5) + bird(1000, 160, 0.8, p.bird, 2.5);
  return s;
}

function market(c: Ctx): string {
  const p = PALETTES.market;
  const { rng } = c;
  let s = rect(0, 0, IMAGE_WIDTH, IMAGE_HEIGHT, p.sky);

  // Facades behind the stalls.
  const facades: ReadonlyArray<readonly [number, number, number, string]> = [
    [0, 260, 120, p.buildingA],
    [260, 230, 70, p.buildingB],
    [490, 260, 100, p.buildingC],
    [750, 220, 60, p.buildingD],
    [970, 230, 110, p.buildingA],
  ];
  for (const [x, w, top, fill] of facades) {
    s += rect(x, top, w, 560 - top, fill) + rect(x - 4, top - 12, w + 8, 14, darken(fill, 0.12));
    for (let wx = x + 30; wx + 40 < x + w; wx += 70) {
      s += path(pointedArch(wx, wx + 36, top + 120, top + 60, top + 36), p.window);
      s += rect(wx - 14, top + 58, 12, 62, p.shutter) + rect(wx + 38, top + 58, 12, 62, p.shutter);
      s += rect(wx - 6, top + 120, 48, 6, darken(fill, 0.2));
    }
  }

  // Bunting.
  const bunting = colors(p.bunting);
  s += path(d`M0 170Q300 230 600 170T1200 170`, 'none', { stroke: p.string, 'stroke-width': 2 });
  for (let i = 0; i < 30; i++) {
    const t = (i + 0.5) / 30;
    const x = t * 1200;
    const local = (x % 600) / 600;
    const y = 170 + (x < 600 ? 1 : -1) * 4 * 30 * local * (1 - local);
    s += poly([[x - 14, y], [x + 14, y], [x, y + 28]], at(bunting, i));
  }

  // Ground.
  s += rect(0, 560, IMAGE_WIDTH, 240, p.ground);
  const pave: string[] = [];
  for (const y of [600, 650, 715, 790]) pave.push(d`M0 ${y}H1200`);
  for (let x = -600; x <= 1800; x += 120) pave.push(d`M${600 + (x - 600) * 0.25} 560L${x} 800`);
  s += path(pave.join(''), 'none', { stroke: p.groundLine, 'stroke-width': 2 });

  // Stalls.
  const awnings = colors(p.awnings);
  const fruits = colors(p.fruits);
  [40, 330, 620, 910].forEach((x, si) => {
    const w = 250;
    const color = at(awnings, si);
    s += rect(x, 380, w, 170, p.stallBack);
    for (const y of [420, 470]) {
      s += rect(x + 10, y + 26, w - 20, 6, p.woodLight);
      for (let jx = x + 20; jx < x + w - 20; jx += 26) s += rect(jx, y + 4, 16, 22, rng.next() < 0.5 ? p.jar : lighten(p.jar, 0.3), { rx: 4 });
    }
    s += rect(x + 2, 300, 8, 350, p.wood) + rect(x + w - 10, 300, 8, 350, p.wood);
    // Awning stripes and scalloped valance.
    const stripes = 8;
    const topL = x + 8;
    const topR = x + w - 8;
    const botL = x - 14;
    const botR = x + w + 14;
    for (let i = 0; i < stripes; i++) {
      const fill = i % 2 === 0 ? color : p.awningLight;
      const t0 = i / stripes;
      const t1 = (i + 1) / stripes;
      s += poly([[topL + (topR - topL) * t0, 296], [topL + (topR - topL) * t1, 296], [botL + (botR - botL) * t1, 372], [botL + (botR - botL) * t0, 372]], fill);
      const sx0 = botL + (botR - botL) * t0;
      const sx1 = botL + (botR - botL) * t1;
      s += path(d`M${sx0} 371A${(sx1 - sx0) / 2} ${(sx1 - sx0) / 2} 0 0 0 ${sx1} 371Z`, fill);
    }
    s += rect(x + 4, 290, w - 8, 8, darken(color, 0.25), { rx: 4 });
    s += rect(x, 372, w, 22, '#000000', { opacity: 0.12 });
    // Hanging strings of peppers.
    for (const hx of [x + 40, x + w - 40]) {
      s += line(hx, 380, hx, 430, p.string, 2);
      for (let k = 0; k < 4; k++) s += ellipse(hx, 392 + k * 12, 5, 7, at(fruits, si + 5));
    }
    // Counter with baskets of produce.
    s += rect(x - 6, 540, w + 12, 110, p.wood);
    const planks: string[] = [];
    for (let px = x + 24; px < x + w; px += 30) planks.push(d`M${px} 552V650`);
    s += path(planks.join(''), 'none', { stroke: darken(p.wood, 0.25), 'stroke-width': 2 });
    s += rect(x - 12, 530, w + 24, 14, p.woodLight);
    for (let b = 0; b < 3; b++) {
      const bx = x + 45 + b * 80;
      const fruit = at(fruits, si * 3 + b);
      const r = 9;
      for (let row = 0; row < 3; row++) {
        const count = 5 - row;
        for (let k = 0; k < count; k++) {
          s += circle(bx + (k - (count - 1) / 2) * r * 1.9, 518 - row * r * 1.6, r, fruit, { stroke: darken(fruit, 0.25), 'stroke-width': 1 });
        }
      }
      s += path(d`M${bx - 40} 520L${bx + 40} 520L${bx + 30} 540L${bx - 30} 540Z`, p.basket);
      s += path(d`M${bx - 36} 528H${bx + 36}`, 'none', { stroke: p.basketDark, 'stroke-width': 2 });
    }
  });

  // Crates in the foreground.
  for (const [x, y, fi] of [[120, 690, 2], [230, 705, 0], [820, 695, 4], [940, 710, 1]] as const) {
    const fruit = at(fruits, fi);
    for (let k = 0; k < 5; k++) s += circle(x + 14 + k * 18, y - 4, 10, fruit, { stroke: darken(fruit, 0.25), 'stroke-width': 1 });
    s += rect(x, y, 100, 56, p.woodLight) + rect(x, y + 18, 100, 4, p.wood) + rect(x, y + 36, 100, 4, p.wood);
    s += rect(x, y, 6, 56, p.wood) + rect(x + 94, y, 6, 56, p.wood);
  }
  return s;
}

function containerYard(c: Ctx): string {
  const p = PALETTES['container-yard'];
  const skyId = c.id('sky');
  const groundId = c.id('ground');
  c.defs.push(
    linearGradient(skyId, [[0, p.skyTop], [1, p.skyBottom]], 0, 0, 0, 400),
    linearGradient(groundId, [[0, p.ground], [1, p.groundNear]], 0, 390, 0, 800),
  );
  const { rng } = c;
  const boxColors = colors(p.containers);
  let s = rect(0, 0, IMAGE_WIDTH, 400, `url(#${skyId})`);
  // Distant cranes on the skyline.
  const far: string[] = [];
  for (const x of [80, 210, 980, 1110]) far.push(d`M${x} 400V250M${x + 60} 400V250M${x - 80} 250H${x + 110}M${x} 250L${x + 30} 200L${x + 60} 250`);
  s += path(far.join(''), 'none', { stroke: p.far, 'stroke-width': 8, 'stroke-linejoin': 'round' });
  s += rect(0, 390, IMAGE_WIDTH, 410, `url(#${groundId})`);
  s += path(d`M0 605H1200`, 'none', { stroke: p.lane, 'stroke-width': 6, 'stroke-dasharray': '40 30' });
  s += path(d`M0 470H1200`, 'none', { stroke: p.lane, 'stroke-width': 4, 'stroke-dasharray': '30 24', opacity: 0.7 });

  const row = (baseY: number, sc: number, minT: number, maxT: number, offset: number): string => {
    const w = 190 * sc;
    const h = 54 * sc;
    let out = '';
    for (let x = offset; x < 1220; x += w + 16 * sc) {
      const tiers = rng.int(minT, maxT);
      for (let t = 0; t < tiers; t++) out += container(x, baseY - (t + 1) * h, w, h, rng.pick(boxColors));
      out += rect(x, baseY, w, 5 * sc, '#000000', { opacity: 0.12 });
    }
    return out;
  };
  s += row(470, 0.55, 2, 5, -40);
  s += rect(0, 0, IMAGE_WIDTH, 480, p.haze, { opacity: 0.35 });
  // Light masts.
  for (const x of [330, 900]) {
    s += rect(x - 4, 120, 8, 470, p.pole) + rect(x - 40, 112, 80, 14, p.pole, { rx: 3 });
    for (const dx of [-30, -10, 10, 30]) s += circle(x + dx, 130, 6, p.lamp);
  }
  s += row(590, 0.75, 1, 4, -90);
  // Rubber-tyred gantry crane straddling the middle row.
  const gx1 = 470;
  const gx2 = 820;
  for (const gx of [gx1, gx2]) {
    s += rect(gx - 8, 330, 16, 262, p.rtg) + rect(gx + 24, 330, 12, 262, darken(p.rtg, 0.15));
    s += rect(gx - 14, 582, 56, 16, p.rtgDark, { rx: 8 });
  }
  s += rect(gx1 - 20, 310, gx2 - gx1 + 76, 26, p.rtg) + rect(gx1 - 20, 330, gx2 - gx1 + 76, 6, darken(p.rtg, 0.25));
  s += rect(gx1 - 10, 420, gx2 - gx1 + 56, 10, p.rtg);
  s += rect(600, 288, 70, 24, p.rtgDark) + rect(618, 336, 34, 26, p.rtgDark) + rect(622, 340, 26, 12, p.lamp, { opacity: 0.6 });
  s += line(615, 336, 615, 360, p.rtgDark, 2) + line(655, 336, 655, 360, p.rtgDark, 2);
  s += rect(560, 360, 150, 8, p.rtgDark) + container(565, 368, 140, 40, at(boxColors, 4));
  s += rect(0, 0, IMAGE_WIDTH, 600, p.haze, { opacity: 0.12 });
  s += row(790, 1, 1, 3, -60);
  return s;
}

function bridge(c: Ctx): string {
  const p = PALETTES.bridge;
  const skyId = c.id('sky');
  const riverId = c.id('river');
  const clipId = c.id('water-clip');
  c.defs.push(
    linearGradient(skyId, [[0, p.skyTop], [1, p.skyBottom]], 0, 0, 0, 500),
    linearGradient(riverId, [[0, p.riverTop], [1, p.riverBottom]], 0, 520, 0, 800),
    el('clipPath', { id: clipId }, rect(0, 522, IMAGE_WIDTH, 278)),
  );
  const { rng } = c;
  let s = rect(0, 0, IMAGE_WIDTH, 520, `url(#${skyId})`);
  s += circle(1010, 160, 110, p.sun, { opacity: 0.45 }) + circle(1010, 160, 60, p.sun);
  s += cloud(220, 140, 1, p.cloud, 0.85) + cloud(640, 90, 0.6, p.cloud, 0.7);

  // Skyline on the far bank.
  let x = 0;
  while (x < 1200) {
    const w = rng.range(30, 70);
    const h = rng.range(30, 120);
    s += rect(x, 490 - h, w - 4, h, rng.next() < 0.5 ? p.skyline : p.skylineNear);
    x += w;
  }
  s += rect(0, 486, IMAGE_WIDTH, 36, p.farBank);
  s += rect(0, 520, IMAGE_WIDTH, 280, `url(#${riverId})`);

  // The bridge itself.
  const pylons = [380, 820];
  const structure = (): string => {
    let out = '';
    for (const px of [120, 1080]) out += rect(px - 12, 452, 24, 80, p.pier);
    for (const px of pylons) {
      out += poly([[px - 24, 530], [px + 24, 530], [px + 11, 110], [px - 11, 110]], p.pylon);
      out += poly([[px, 530], [px + 24, 530], [px + 11, 110], [px, 110]], p.pylonShade, { opacity: 0.7 });
      out += rect(px - 40, 520, 80, 16, p.pier, { rx: 3 });
      out += rect(px - 14, 100, 28, 14, p.pylonShade, { rx: 3 });
    }
    const cables: string[] = [];
    for (const px of pylons) {
      for (let i = 0; i < 10; i++) {
        const ty = 130 + (9 - i) * 11;
        const reach = 40 + i * 19.5;
        cables.push(d`M${px} ${ty}L${px - reach} 440M${px} ${ty}L${px + reach} 440`);
      }
    }
    out += path(cables.join(''), 'none', { stroke: p.cable, 'stroke-width': 2 });
    out += rect(-10, 438, 1220, 18, p.deck) + rect(-10, 454, 1220, 8, p.deckUnder);
    out += path(d`M-10 432H1210`, 'none', { stroke: p.cable, 'stroke-width': 2 });
    return out;
  };
  s += group(group(structure(), { transform: 'translate(0 1042) scale(1 -1)' }), { opacity: 0.16, 'clip-path': `url(#${clipId})` });
  const glints: string[] = [];
  for (let i = 0; i < 70; i++) {
    const y = rng.range(530, 790);
    glints.push(d`M${rng.range(0, 1180)} ${y}h${8 + (y - 520) * 0.15 + rng.range(0, 20)}`);
  }
  s += path(glints.join(''), 'none', { stroke: p.glint, 'stroke-width': 2, 'stroke-linecap': 'round', opacity: 0.5 });
  s += structure();
  // Traffic on the deck.
  const cars = colors(p.cars);
  for (let i = 0; i < 7; i++) {
    const cx = 60 + i * 165 + rng.range(-30, 30);
    s += rect(cx, 426, 34, 12, at(cars, i), { rx: 5 });
  }

  // A barge on the river.
  s += path(d`M230 640L420 640L405 662L245 662Z`, p.boat) + rect(250, 622, 60, 18, '#f6f3ec') + rect(320, 628, 90, 12, '#7a6a58');
  s += path(d`M200 668Q320 660 440 668`, 'none', { stroke: p.glint, 'stroke-width': 2, opacity: 0.7 });
  // Near bank in the corner.
  s += path(d`M0 700Q140 680 260 720T420 800L0 800Z`, p.bank);
  s += path(d`M0 740Q160 720 300 800L0 800Z`, p.bankDark);
  s += circle(70, 680, 40, p.tree) + circle(120, 700, 30, p.tree) + circle(30, 710, 34, p.bankDark);
  return s;
}

function museum(c: Ctx): string {
  const p = PALETTES.museum;
  const skyId = c.id('sky');
  c.defs.push(linearGradient(skyId, [[0, p.skyTop], [1, p.skyBottom]], 0, 0, 0, 560));
  let s = rect(0, 0, IMAGE_WIDTH, 570, `url(#${skyId})`);

  // Dome on a drum.
  s += rect(490, 150, 220, 80, p.building) + rect(490, 150, 220, 10, p.shade);
  for (let i = 0; i < 6; i++) s += rect(506 + i * 35, 172, 14, 38, p.interior, { rx: 7 });
  s += path(d`M500 152A100 100 0 0 1 700 152Z`, p.dome) + path(d`M600 52A100 100 0 0 1 700 152L600 152Z`, p.domeShade, { opacity: 0.5 });
  const ribs: string[] = [];
  for (const dx of [-60, -25, 25, 60]) ribs.push(d`M600 52Q${600 + dx * 1.1} 70 ${600 + dx * 1.6} 152`);
  s += path(ribs.join(''), 'none', { stroke: p.domeShade, 'stroke-width': 3 });
  s += rect(588, 28, 24, 26, p.building) + path(d`M586 30L600 10L614 30Z`, p.dome);

  // Plaza, then the main block and wings.
  s += rect(0, 556, IMAGE_WIDTH, 244, p.plaza);
  s += rect(140, 230, 920, 330, p.building);
  s += rect(128, 218, 944, 16, p.shade) + rect(140, 540, 920, 20, p.shade);
  for (const wx of [180, 265, 875, 960]) {
    for (const wy of [270, 410]) {
      s += rect(wx, wy, 54, 100, p.interior) + rect(wx - 6, wy - 10, 66, 8, p.dark);
      s += poly([[wx - 8, wy - 10], [wx + 62, wy - 10], [wx + 27, wy - 30]], p.shade);
      s += path(d`M${wx + 27} ${wy}V${wy + 100}M${wx} ${wy + 45}H${wx + 54}`, 'none', { stroke: p.building, 'stroke-width': 4 });
    }
  }
  // Banners between the wing windows.
  for (const bx of [244, 940]) {
    s += rect(bx - 3, 262, 22, 6, p.lamp) + path(d`M${bx} 268H${bx + 16}V420L${bx + 8} 410L${bx} 420Z`, p.banner);
    s += circle(bx + 8, 300, 5, p.bannerMark);
  }

  // Portico.
  s += rect(340, 318, 520, 222, p.interior);
  for (const dx of [420, 600, 780]) s += path(pointedArch(dx - 34, dx + 34, 540, 430, 404), p.door);
  s += poly([[310, 284], [890, 284], [600, 176]], p.shade);
  s += poly([[350, 276], [850, 276], [600, 192]], p.building);
  s += path(d`M300 286L600 170L900 286`, 'none', { stroke: p.dark, 'stroke-width': 6, 'stroke-linejoin': 'round' });
  s += rect(324, 284, 552, 40, p.building) + rect(318, 282, 564, 8, p.dark) + rect(324, 318, 552, 6, p.shade);
  s += text(600, 310, 'MUSEUM', { 'font-size': 22, 'letter-spacing': 14, fill: p.text, 'text-anchor': 'middle', 'font-weight': 700 });
  for (let i = 0; i < 8; i++) {
    const cx = 372 + i * (456 / 7);
    s += rect(cx - 30, 324, 60, 8, p.dark) + rect(cx - 25, 332, 50, 12, p.shade);
    s += rect(cx - 19, 344, 38, 186, p.building);
    s += path(d`M${cx - 9} 350V524M${cx} 350V524M${cx + 9} 350V524`, 'none', { stroke: p.shade, 'stroke-width': 2 });
    s += rect(cx - 25, 528, 50, 12, p.shade);
  }

  // Steps and plaza.
  for (let i = 0; i < 8; i++) {
    const y = 560 + i * 13;
    const half = 290 + i * 16;
    s += rect(600 - half, y, half * 2, 13, p.steps) + rect(600 - half, y + 11, half * 2, 2, p.stepLine);
  }
  const joints: string[] = [];
  joints.push(d`M0 600H255M945 600H1200`);
  for (const y of [664, 700, 750]) joints.push(d`M0 ${y}H1200`);
  for (let k = -6; k <= 6; k++) joints.push(d`M${600 + k * 100} 664L${600 + k * 190} 800`);
  s += path(joints.join(''), 'none', { stroke: p.plazaLine, 'stroke-width': 2 });

  // Trees and lamps.
  for (const tx of [70, 1130]) {
    s += rect(tx - 7, 560, 14, 120, p.trunk);
    s += circle(tx, 520, 70, p.tree) + circle(tx - 40, 560, 44, p.treeDark) + circle(tx + 38, 556, 46, p.treeDark) + circle(tx + 10, 470, 46, p.tree);
    s += ellipse(tx, 684, 60, 10, '#000000', { opacity: 0.1 });
  }
  for (const lx of [250, 950]) {
    s += rect(lx - 3, 620, 6, 100, p.lamp) + rect(lx - 12, 604, 24, 20, p.lamp, { rx: 4 }) + rect(lx - 7, 608, 14, 12, '#fff4c9');
  }
  return s;
}

function delta(c: Ctx): string {
  const p = PALETTES.delta;
  const landId = c.id('land');
  const seaId = c.id('sea');
  c.defs.push(
    linearGradient(landId, [[0, p.landTop], [1, p.landBottom]], 0, 0, 0, 700),
    linearGradient(seaId, [[0, p.seaTop], [1, p.seaBottom]], 0, 540, 0, 800),
  );
  const { rng } = c;
  const coastY = (x: number): number => 590 + 36 * Math.sin(x / 140) + 20 * Math.sin(x / 53 + 1);
  let s = rect(0, 0, IMAGE_WIDTH, IMAGE_HEIGHT, `url(#${landId})`);

  // Marsh patches.
  for (let i = 0; i < 14; i++) {
    const cx = rng.range(0, 1200);
    const cy = rng.range(0, 560);
    const r = rng.range(60, 140);
    const pts: Pt[] = [];
    for (let k = 0; k < 7; k++) {
      const a = (k / 7) * Math.PI * 2;
      const rr = r * rng.range(0.6, 1);
      pts.push([cx + Math.cos(a) * rr, cy + Math.sin(a) * rr * 0.7]);
    }
    s += path(smoothPath(pts, true), i % 3 === 0 ? p.marshDark : p.marsh, { opacity: 0.55 });
  }

  // Branching channels.
  interface Seg {
    x1: number;
    y1: number;
    cx: number;
    cy: number;
    x2: number;
    y2: number;
    w: number;
  }
  const segs: Seg[] = [];
  const grow = (x: number, y: number, ang: number, len: number, w: number, depth: number): void => {
    const a2 = Math.min(2.5, Math.max(0.55, ang + rng.range(-0.3, 0.3)));
    const x2 = x + Math.cos(a2) * len;
    const y2 = y + Math.sin(a2) * len;
    const wob = len * rng.range(-0.22, 0.22);
    const cx = (x + x2) / 2 + Math.cos(ang + Math.PI / 2) * wob;
    const cy = (y + y2) / 2 + Math.sin(ang + Math.PI / 2) * wob;
    segs.push({ x1: x, y1: y, cx, cy, x2, y2, w });
    if (depth > 0) {
      const spread = rng.range(0.32, 0.55);
      grow(x2, y2, a2 - spread, len * 0.8, w * 0.64, depth - 1);
      grow(x2, y2, a2 + spread * rng.range(0.7, 1.1), len * 0.8, w * 0.64, depth - 1);
    } else if (y2 < coastY(x2) + 30) {
      grow(x2, y2, 1.5 + (a2 - 1.5) * 0.5, coastY(x2) + 50 - y2, w, -1);
    }
  };
  grow(360, -40, 1.2, 190, 56, 4);
  const channelD = (sg: Seg): string => d`M${sg.x1} ${sg.y1}Q${sg.cx} ${sg.cy} ${sg.x2} ${sg.y2}`;
  for (const sg of segs) s += path(channelD(sg), 'none', { stroke: p.bank, 'stroke-width': sg.w + 14, 'stroke-linecap': 'round' });
  for (const sg of segs) s += path(channelD(sg), 'none', { stroke: p.channel, 'stroke-width': sg.w, 'stroke-linecap': 'round' });
  for (const sg of segs) {
    if (sg.w > 14) s += path(channelD(sg), 'none', { stroke: p.channelLight, 'stroke-width': sg.w * 0.25, 'stroke-linecap': 'round', opacity: 0.6 });
  }

  // Sea with a pale shallow fringe and sand bars.
  const coastPts: Pt[] = [];
  for (let x = -20; x <= 1220; x += 40) coastPts.push([x, coastY(x)]);
  const coastLine = smoothPath(coastPts, false);
  s += path(coastLine, 'none', { stroke: p.shallow, 'stroke-width': 36, 'stroke-linecap': 'round' });
  s += path(`${coastLine}L1220 820L-20 820Z`, `url(#${seaId})`);
  s += path(coastLine, 'none', { stroke: p.shallow, 'stroke-width': 8, opacity: 0.8 });
  for (let i = 0; i < 7; i++) {
    const x = rng.range(60, 1140);
    s += ellipse(x, coastY(x) + rng.range(40, 110), rng.range(30, 70), rng.range(6, 12), p.sandbar, { opacity: 0.85 });
  }

  // Reed beds along the channels.
  const reeds: string[] = [];
  const heads: string[] = [];
  for (let i = 0; i < 90; i++) {
    const sg = rng.pick(segs);
    const t = rng.range(0.1, 0.9);
    const mt = 1 - t;
    const px = mt * mt * sg.x1 + 2 * mt * t * sg.cx + t * t * sg.x2;
    const py = mt * mt * sg.y1 + 2 * mt * t * sg.cy + t * t * sg.y2;
    const side = rng.next() < 0.5 ? -1 : 1;
    const dx = sg.x2 - sg.x1;
    const dy = sg.y2 - sg.y1;
    const len = Math.hypot(dx, dy) || 1;
    const off = sg.w / 2 + 12 + rng.range(0, 26);
    const bx = px + (-dy / len) * off * side;
    const by = py + (dx / len) * off * side;
    if (by > coastY(bx) - 16) continue;
    const n = rng.int(5, 9);
    for (let k = 0; k < n; k++) {
      const x0 = bx + rng.range(-12, 12);
      const h = rng.range(16, 30);
      const lean = rng.range(-6, 6);
      reeds.push(d`M${x0} ${by}l${lean} ${-h}`);
      if (k % 3 === 0) heads.push(d`M${x0 + lean} ${by - h}l${lean * 0.15} ${-7}`);
    }
  }
  s += path(reeds.join(''), 'none', { stroke: p.reed, 'stroke-width': 2, 'stroke-linecap': 'round' });
  s += path(heads.join(''), 'none', { stroke: p.reedHead, 'stroke-width': 5, 'stroke-linecap': 'round' });

  s += bird(820, 220, 0.9, p.bird, 3) + bird(870, 250, 0.7, p.bird, 3) + bird(900, 200, 0.6, p.bird, 3) + bird(760, 690, 0.8, p.bird, 3);
  return s;
}

const SCENES: Record<ImageKey, (c: Ctx) => string> = {
  'caspian-map': caspianMap,
  ferry,
  'port-cranes': portCranes,
  railway,
  caravanserai,
  'wind-farm': windFarm,
  'old-city': oldCity,
  market,
  'container-yard': containerYard,
  bridge,
  museum,
  delta,
};

/** Renders the illustration for `key` as a complete, self-contained SVG document. */
export function renderDemoImage(key: ImageKey): string {
  const scene = SCENES[key];
  if (scene === undefined) throw new Error(`Unknown demo image: ${String(key)}`);
  const defs: string[] = [];
  const ctx: Ctx = { key, rng: makeRng(`dateline-demo:${key}`), defs, id: (name) => `dl-${key}-${name}` };
  const body = scene(ctx);
  const titleId = `dl-${key}-title`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${IMAGE_WIDTH}" height="${IMAGE_HEIGHT}" ` +
    `viewBox="0 0 ${IMAGE_WIDTH} ${IMAGE_HEIGHT}" role="img" aria-labelledby="${titleId}" font-family="sans-serif">` +
    `<title id="${titleId}">${esc(TITLES[key])}</title>` +
    (defs.length > 0 ? `<defs>${defs.join('')}</defs>` : '') +
    body +
    `</svg>`
  );
}
