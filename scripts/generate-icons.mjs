#!/usr/bin/env node
/**
 * Draws the AIFIN icon (two arrows chasing each other round a gold coin: money that goes out and
 * comes back) and writes assets/icon-<size>.png. Pure Node: shapes are tested analytically and
 * supersampled, then written as RGBA PNGs with zlib, so no browser or native image library is needed.
 * Run `node scripts/generate-icons.mjs` after changing the drawing; the PNGs are committed.
 */
import { writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const SIZES = [16, 20, 24, 32, 40, 48, 64, 80, 128, 256];
const SAMPLES = 8; // per axis: 64 samples a pixel keeps 16 px edges smooth

const TOP_LEFT = [0x1f, 0x3a, 0x93];
const BOTTOM_RIGHT = [0x0b, 0x7a, 0x75];
const WHITE = [0xff, 0xff, 0xff];
const GOLD = [0xf5, 0xb7, 0x00];

/** Inside a rounded square covering the unit square. */
function inRoundedSquare(x, y, r) {
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= 0 && x <= 1 && y >= 0 && y <= 1;
}

function inTriangle(px, py, [a, b, c]) {
  const side = (p, q) => (q[0] - p[0]) * (py - p[1]) - (q[1] - p[1]) * (px - p[0]);
  const d1 = side(a, b);
  const d2 = side(b, c);
  const d3 = side(c, a);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

/** Small icons get a thicker ring and a bigger coin so they stay legible at 16 px. */
function geometry(size) {
  const small = size <= 24;
  const rMid = small ? 0.3 : 0.29;
  const half = small ? 0.075 : 0.055;
  const arrows = [0, 1].map((k) => {
    const start = k * Math.PI + 0.35;
    const end = k * Math.PI + Math.PI - 0.75;
    const tipAngle = end + 0.55;
    const at = (r, a) => [0.5 + r * Math.cos(a), 0.5 + r * Math.sin(a)];
    const head = small ? 0.15 : 0.12;
    return { start, end, tri: [at(rMid - head, end), at(rMid + head, end), at(rMid, tipAngle)] };
  });
  return { rMid, half, arrows, coin: small ? 0.13 : 0.11 };
}

function colourAt(x, y, g) {
  if (!inRoundedSquare(x, y, 0.2)) return null;
  const dx = x - 0.5;
  const dy = y - 0.5;
  const dist = Math.hypot(dx, dy);
  if (dist <= g.coin) return GOLD;
  let angle = Math.atan2(dy, dx);
  if (angle < 0) angle += 2 * Math.PI;
  for (const arrow of g.arrows) {
    const inArc = angle >= arrow.start && angle <= arrow.end;
    if (inArc && Math.abs(dist - g.rMid) <= g.half) return WHITE;
    if (inTriangle(x, y, arrow.tri)) return WHITE;
  }
  const t = (x + y) / 2;
  return TOP_LEFT.map((c, i) => Math.round(c + (BOTTOM_RIGHT[i] - c) * t));
}

/** Premultiplied averaging over the supersamples, then straight alpha for PNG. */
function render(size) {
  const g = geometry(size);
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, gr = 0, b = 0, a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = colourAt((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size, g);
          if (!c) continue;
          r += c[0]; gr += c[1]; b += c[2]; a += 1;
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(gr / a);
        rgba[o + 2] = Math.round(b / a);
        rgba[o + 3] = Math.round((255 * a) / (SAMPLES * SAMPLES));
      }
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes RGBA pixels as a PNG (colour type 6, filter 0 on every row). */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const outDir = join(dirname(fileURLToPath(import.meta.url)), "..", "assets");
mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = join(outDir, `icon-${size}.png`);
  writeFileSync(file, encodePng(size, render(size)));
  console.log(`wrote assets/icon-${size}.png`);
}
