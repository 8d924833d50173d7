//! The smallest PNG writer the demo's pictures need: 8-bit palette images, stored without
//! compression (valid, and small enough at the demo's sizes).

/// A PNG of `width` columns whose pixels are indexes into `palette` (at most 256 colours),
/// row after row.
pub fn encode(width: usize, palette: &[(u8, u8, u8)], pixels: &[u8]) -> Vec<u8> {
    let height = pixels.len() / width;
    let mut raw = Vec::with_capacity(pixels.len() + height);
    for row in pixels.chunks(width) {
        raw.push(0); // filter: none
        raw.extend(row);
    }
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut header = Vec::new();
    header.extend((width as u32).to_be_bytes());
    header.extend((height as u32).to_be_bytes());
    header.extend([8, 3, 0, 0, 0]); // 8-bit palette, no interlace
    chunk(&mut out, b"IHDR", &header);
    let colours: Vec<u8> = palette.iter().flat_map(|&(r, g, b)| [r, g, b]).collect();
    chunk(&mut out, b"PLTE", &colours);
    chunk(&mut out, b"IDAT", &zlib_stored(&raw));
    chunk(&mut out, b"IEND", &[]);
    out
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend((data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend(kind);
    out.extend(data);
    let crc = crc32(&out[start..]);
    out.extend(crc.to_be_bytes());
}

/// zlib with stored (uncompressed) deflate blocks: valid and small enough at this size.
fn zlib_stored(data: &[u8]) -> Vec<u8> {
    let mut out = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = data.chunks(65_535).collect();
    for (i, block) in blocks.iter().enumerate() {
        out.push(u8::from(i + 1 == blocks.len()));
        let len = block.len() as u16;
        out.extend(len.to_le_bytes());
        out.extend((!len).to_le_bytes());
        out.extend(*block);
    }
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in data {
        a = (a + u32::from(byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    out.extend(((b << 16) | a).to_be_bytes());
    out
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}
