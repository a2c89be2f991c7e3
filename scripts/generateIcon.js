// Draws media/icon.png, the 256×256 extension icon (a white beamed note on a violet-to-pink
// rounded square), with nothing but Node's zlib: `node scripts/generateIcon.js`. The Marketplace
// asks for 256 px at least (the icon is shown at 128 px on high-density screens); the shapes
// below are drawn on a 128-unit grid and scaled.
const { writeFileSync } = require('node:fs');
const { Buffer } = require('node:buffer');
const path = require('node:path');
const zlib = require('node:zlib');

const size = 256;
/** The shapes' grid: 128 units across, whatever the size in pixels. */
const grid = 128;
const scale = size / grid;
const samples = 4; // supersampling per axis, for smooth edges

function insideRoundedSquare(x, y) {
  const radius = 26;
  const cx = Math.min(Math.max(x, radius), grid - radius);
  const cy = Math.min(Math.max(y, radius), grid - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function insideNote(x, y) {
  const head = (hx, hy) => ((x - hx) / 15) ** 2 + ((y - hy) / 11.5) ** 2 <= 1;
  const stem = (sx, top, bottom) => x >= sx && x <= sx + 7 && y >= top && y <= bottom;
  // The beam rises 10 px from the left stem to the right one.
  const beamTop = 40 - ((x - 47) / 50) * 10;
  const beam = x >= 47 && x <= 97 + 7 && y >= beamTop && y <= beamTop + 13;
  return head(40, 92) || head(90, 82) || stem(47, 38, 92) || stem(97, 28, 82) || beam;
}

function colourAt(x, y) {
  if (!insideRoundedSquare(x, y)) return null;
  if (insideNote(x, y)) return [255, 255, 255];
  const t = (x + y) / (2 * grid);
  return [Math.round(109 + (219 - 109) * t), Math.round(40 + (39 - 40) * t), Math.round(217 + (119 - 217) * t)];
}

const rows = [];
for (let py = 0; py < size; py++) {
  const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
  for (let px = 0; px < size; px++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < samples; sy++) {
      for (let sx = 0; sx < samples; sx++) {
        const colour = colourAt((px + (sx + 0.5) / samples) / scale, (py + (sy + 0.5) / samples) / scale);
        if (!colour) continue;
        r += colour[0];
        g += colour[1];
        b += colour[2];
        a += 1;
      }
    }
    const offset = 1 + px * 4;
    if (a > 0) {
      row[offset] = Math.round(r / a);
      row[offset + 1] = Math.round(g / a);
      row[offset + 2] = Math.round(b / a);
    }
    row[offset + 3] = Math.round((255 * a) / (samples * samples));
  }
  rows.push(row);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(path.join(__dirname, '..', 'media', 'icon.png'), png);
