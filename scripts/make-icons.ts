/**
 * `npm run icons`: draws the app icons into public/ (a white tick on the accent blue) as PNG and
 * SVG, with no image library: shapes are signed-distance functions, edges anti-aliased by
 * coverage, PNGs written with node's zlib. The output is committed; run this only to change it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const ACCENT = [0x1f, 0x5f, 0xbf] as const;
const WHITE = [0xff, 0xff, 0xff] as const;
/** The tick, in a unit square: three points joined by a round-capped stroke. */
const TICK = [
  [0.285, 0.525],
  [0.44, 0.675],
  [0.72, 0.365],
] as const;
const TICK_WIDTH = 0.1;
/** Corner radius of the rounded square, as a share of the side. */
const CORNER = 0.2;

type Shape = 'rounded' | 'full-bleed';

/** Distance from p to the segment ab (all in pixels). */
function segmentDistance(px: number, py: number, a: readonly number[], b: readonly number[]) {
  const [ax = 0, ay = 0] = a;
  const [bx = 0, by = 0] = b;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** Signed distance from p to a rounded square filling a size × size canvas; negative inside. */
function roundedSquareDistance(px: number, py: number, size: number) {
  const half = size / 2;
  const radius = CORNER * size;
  const qx = Math.abs(px - half) - (half - radius);
  const qy = Math.abs(py - half) - (half - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

/** Coverage in 0..1 of a pixel whose centre is d pixels outside a shape's edge. */
const coverage = (d: number) => Math.max(0, Math.min(1, 0.5 - d));

/** RGBA pixels of the icon at a size. A maskable icon is full-bleed: the platform cuts it. */
function drawIcon(size: number, shape: Shape): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const tick = TICK.map(([x, y]) => [x * size, y * size]);
  const halfStroke = (TICK_WIDTH * size) / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      const background = shape === 'full-bleed' ? 1 : coverage(roundedSquareDistance(px, py, size));
      const strokeDistance = Math.min(
        segmentDistance(px, py, tick[0] ?? [], tick[1] ?? []),
        segmentDistance(px, py, tick[1] ?? [], tick[2] ?? []),
      );
      const mark = coverage(strokeDistance - halfStroke);
      const offset = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) {
        pixels[offset + c] = Math.round((ACCENT[c] ?? 0) * (1 - mark) + (WHITE[c] ?? 0) * mark);
      }
      pixels[offset + 3] = Math.round(255 * background);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG file (8-bit RGBA, no interlace) of square RGBA pixels. */
function encodePng(pixels: Uint8Array, size: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    // Each row starts with its filter type, 0 (none).
    rows.set(pixels.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** The same icon as SVG, for the favicon: crisp at any size. */
function iconSvg(): string {
  const hex = (rgb: readonly number[]) =>
    `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
  const points = TICK.map(([x, y]) => `${x * 64} ${y * 64}`).join(' L');
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">',
    `<rect width="64" height="64" rx="${CORNER * 64}" fill="${hex(ACCENT)}"/>`,
    `<path d="M${points}" fill="none" stroke="#fff" stroke-width="${TICK_WIDTH * 64}" stroke-linecap="round" stroke-linejoin="round"/>`,
    '</svg>',
    '',
  ].join('\n');
}

const outputs: { file: string; size: number; shape: Shape }[] = [
  { file: 'pwa-192x192.png', size: 192, shape: 'rounded' },
  { file: 'pwa-512x512.png', size: 512, shape: 'rounded' },
  { file: 'maskable-192x192.png', size: 192, shape: 'full-bleed' },
  { file: 'maskable-512x512.png', size: 512, shape: 'full-bleed' },
  // iOS rounds the corners itself and shows transparency as black: full-bleed.
  { file: 'apple-touch-icon-180x180.png', size: 180, shape: 'full-bleed' },
  { file: 'favicon-32x32.png', size: 32, shape: 'rounded' },
];

const publicDir = process.argv[2] ?? 'public';
for (const { file, size, shape } of outputs) {
  writeFileSync(join(publicDir, file), encodePng(drawIcon(size, shape), size));
  console.log(`${join(publicDir, file)} (${size}×${size}, ${shape})`);
}
writeFileSync(join(publicDir, 'favicon.svg'), iconSvg());
console.log(join(publicDir, 'favicon.svg'));
