//! Demo photos: a small PNG per person, a mirrored 5 × 5 pattern in a colour of its own (like
//! the identicons code forges use), so every demo work page has a recognisable picture.

/// An 80 × 80 PNG for `seed`.
pub fn png(seed: u64) -> Vec<u8> {
    const SIZE: usize = 80;
    const CELL: usize = 16;
    let hue = (seed % 360) as f64;
    let colour = hsl_to_rgb(hue, 0.55, 0.45);
    // Bits of the seed pick the left three columns; the right two mirror them.
    let on = |col: usize, row: usize| {
        let col = if col > 2 { 4 - col } else { col };
        (seed >> 8 >> (row * 3 + col)) & 1 == 1
    };
    let mut raw = Vec::with_capacity(SIZE * (SIZE + 1));
    for y in 0..SIZE {
        raw.push(0); // filter: none
        for x in 0..SIZE {
            raw.push(u8::from(on(x / CELL, y / CELL)));
        }
    }
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut header = Vec::new();
    header.extend((SIZE as u32).to_be_bytes());
    header.extend((SIZE as u32).to_be_bytes());
    header.extend([8, 3, 0, 0, 0]); // 8-bit palette, no interlace
    chunk(&mut out, b"IHDR", &header);
    chunk(
        &mut out,
        b"PLTE",
        &[0xF1, 0xF4, 0xF3, colour.0, colour.1, colour.2],
    );
    chunk(&mut out, b"IDAT", &zlib_stored(&raw));
    chunk(&mut out, b"IEND", &[]);
    out
}

fn hsl_to_rgb(h: f64, s: f64, l: f64) -> (u8, u8, u8) {
    let c = (1.0 - (2.0 * l - 1.0).abs()) * s;
    let x = c * (1.0 - ((h / 60.0) % 2.0 - 1.0).abs());
    let m = l - c / 2.0;
    let (r, g, b) = match h as u32 / 60 {
        0 => (c, x, 0.0),
        1 => (x, c, 0.0),
        2 => (0.0, c, x),
        3 => (0.0, x, c),
        4 => (x, 0.0, c),
        _ => (c, 0.0, x),
    };
    let byte = |v: f64| ((v + m) * 255.0).round() as u8;
    (byte(r), byte(g), byte(b))
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

#[cfg(test)]
mod tests {
    #[test]
    fn avatars_are_pngs_and_differ() {
        let (a, b) = (super::png(1_234_567), super::png(7_654_321));
        assert_eq!(
            crate::service::work_pages::photo::sniff(&a),
            Some("image/png")
        );
        assert_ne!(a, b);
        // The CRC of "IEND" with no data is a known constant.
        assert_eq!(&a[a.len() - 4..], &[0xAE, 0x42, 0x60, 0x82]);
    }
}
