/**
 * Generates the tab bar icons (81x81 PNG, WeChat's recommended size) from simple shapes,
 * so the repo carries no binary of unknown origin. Run: npx tsx miniprogram/tools/make-tab-icons.ts
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

const SIZE = 81;
type Shape = (x: number, y: number) => boolean;

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(shape: Shape, rgb: [number, number, number]): Buffer {
  const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0;
    for (let x = 0; x < SIZE; x++) {
      // 2x2 supersampling for smooth edges
      let hits = 0;
      for (const dx of [0.25, 0.75]) for (const dy of [0.25, 0.75]) if (shape(x + dx, y + dy)) hits++;
      const o = y * (SIZE * 4 + 1) + 1 + x * 4;
      raw[o] = rgb[0];
      raw[o + 1] = rgb[1];
      raw[o + 2] = rgb[2];
      raw[o + 3] = Math.round((hits / 4) * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const inRect = (x: number, y: number, x0: number, y0: number, x1: number, y1: number) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const inCircle = (x: number, y: number, cx: number, cy: number, r: number) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

const home: Shape = (x, y) => {
  const roof = y >= 12 && y <= 40 && Math.abs(x - 40.5) <= (y - 12) * 1.05 + 2;
  const walls = inRect(x, y, 20, 38, 61, 68);
  const door = inRect(x, y, 35, 50, 46, 68);
  return (roof || walls) && !door;
};
const study: Shape = (x, y) => {
  const left = inRect(x, y, 12, 18, 38, 64);
  const right = inRect(x, y, 43, 18, 69, 64);
  const lines = (y % 9 < 2 && y > 26 && y < 58) && (inRect(x, y, 17, 0, 33, 99) || inRect(x, y, 48, 0, 64, 99));
  return (left || right) && !lines;
};
const star: Shape = (x, y) => {
  // point-in-polygon for a 5-point star
  const pts: Array<[number, number]> = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? 32 : 13;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    pts.push([40.5 + r * Math.cos(a), 43 + r * Math.sin(a)]);
  }
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i];
    const [xj, yj] = pts[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};
const person: Shape = (x, y) => inCircle(x, y, 40.5, 26, 13) || (y >= 46 && y <= 70 && ((x - 40.5) / 26) ** 2 + ((y - 70) / 24) ** 2 <= 1);

const out = path.resolve(__dirname, '..', 'src', 'assets', 'tab');
mkdirSync(out, { recursive: true });
const grey: [number, number, number] = [0x59, 0x59, 0x59];
const red: [number, number, number] = [0xb7, 0x12, 0x1b];
for (const [name, shape] of Object.entries({ home, study, points: star, mine: person })) {
  writeFileSync(path.join(out, `${name}.png`), png(shape, grey));
  writeFileSync(path.join(out, `${name}-active.png`), png(shape, red));
}
console.log(`tab icons written to ${out}`);
