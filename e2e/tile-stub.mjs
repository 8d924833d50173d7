// A local map tile server for the browser tests (they never reach the internet): answers every
// /{z}/{x}/{y}.png with a small PNG, and /count with how many tiles it has served.
//   node e2e/tile-stub.mjs <port>
import { createServer } from 'node:http';
import { deflateSync } from 'node:zlib';

// A 256 × 256 PNG of one pale colour, built once (CRC-32 per chunk, as PNG requires).
function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
const size = 256;
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3, 0xdd)]);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(Array(size).fill(row)))),
  chunk('IEND', Buffer.alloc(0)),
]);

let served = 0;
createServer((req, res) => {
  if (req.url === '/count') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ served }));
  } else if (/^\/\d+\/\d+\/\d+\.png$/.test(req.url)) {
    served += 1;
    res.writeHead(200, { 'content-type': 'image/png' });
    res.end(png);
  } else {
    res.writeHead(404);
    res.end();
  }
}).listen(Number(process.argv[2] ?? 8799), '127.0.0.1');
