// `npx tsx scripts/tab-icons.ts`: draws the tab bar's icons (src/assets/tab/*.png), normal and
// selected, at the 81x81 px WeChat asks for. Each line icon is drawn once in Chromium, and its
// coverage is written as a 16-level palette PNG of the tab colour: about 0.5 KB an icon, since
// every byte of the tab bar counts against the main package.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { openPhoneBrowser } from '../test/e2e/browser';

const size = 81;
/** `color` and `selectedColor` of the tab bar in src/app.config.ts. */
const tabBarColors = { color: '#7f7f7f', selected: '#07c160' };

/** WeUI-style line icons on a 24-unit grid. */
const icons: Record<string, string> = {
  home: '<path d="M3.5 10.2 12 3.5l8.5 6.7V19.5a1 1 0 0 1-1 1H15v-6H9v6H4.5a1 1 0 0 1-1-1z"/>',
  tips: '<path d="M9.5 17.5h5M10.5 20.5h3M12 3.5a6 6 0 0 0-3.6 10.8c.7.5 1.1 1.2 1.1 2v.2h5v-.2c0-.8.4-1.5 1.1-2A6 6 0 0 0 12 3.5z"/>',
  sessions:
    '<rect x="3.5" y="5" width="17" height="15.5" rx="1.5"/><path d="M3.5 10h17M8 3v4M16 3v4M8 14h3"/>',
  promotions:
    '<path d="M3.5 10v4a1 1 0 0 0 1 1h2.5l6 4V5L7 9H4.5a1 1 0 0 0-1 1z"/><path d="M16.5 9.2a4 4 0 0 1 0 5.6M19 6.7a7.5 7.5 0 0 1 0 10.6"/>',
  me: '<circle cx="12" cy="8" r="4.2"/><path d="M4 20.5a8 8 0 0 1 16 0"/>',
};

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A 4-bit palette PNG: one colour at 16 levels of opacity, chosen by each pixel's coverage. */
function palettePng(coverage: number[], hex: string): Buffer {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([4, 3, 0, 0, 0], 8);
  const palette = Buffer.alloc(16 * 3);
  const alpha = Buffer.alloc(16);
  for (let level = 0; level < 16; level += 1) {
    palette.set([r!, g!, b!], level * 3);
    alpha[level] = level * 17;
  }
  const rowBytes = Math.ceil(size / 2);
  const rows = Buffer.alloc((rowBytes + 1) * size);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const level = Math.round((coverage[y * size + x]! / 255) * 15);
      const at = y * (rowBytes + 1) + 1 + (x >> 1);
      rows[at]! |= x % 2 === 0 ? level << 4 : level;
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', palette),
    chunk('tRNS', alpha),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function main(): Promise<void> {
  const browser = await openPhoneBrowser();
  try {
    const page = await browser.newPage();
    for (const [name, shapes] of Object.entries(icons)) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="${size}" height="${size}" fill="none" stroke="#000" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round">${shapes}</svg>`;
      const coverage = await page.evaluate(
        async ({ svg, size }) => {
          const image = new Image();
          image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
          await image.decode();
          const canvas = document.createElement('canvas');
          canvas.width = size;
          canvas.height = size;
          const context = canvas.getContext('2d')!;
          context.drawImage(image, 0, 0, size, size);
          const pixels = context.getImageData(0, 0, size, size).data;
          return Array.from({ length: size * size }, (_, i) => pixels[i * 4 + 3]!);
        },
        { svg, size },
      );
      const folder = path.resolve('src/assets/tab');
      writeFileSync(path.join(folder, `${name}.png`), palettePng(coverage, tabBarColors.color));
      writeFileSync(path.join(folder, `${name}-selected.png`), palettePng(coverage, tabBarColors.selected));
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
