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
    let pixels: Vec<u8> = (0..SIZE * SIZE)
        .map(|i| u8::from(on(i % SIZE / CELL, i / SIZE / CELL)))
        .collect();
    super::png::encode(SIZE, &[(0xF1, 0xF4, 0xF3), colour], &pixels)
}

pub(super) fn hsl_to_rgb(h: f64, s: f64, l: f64) -> (u8, u8, u8) {
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

#[cfg(test)]
mod tests {
    #[test]
    fn avatars_are_pngs_and_differ() {
        let (a, b) = (super::png(1_234_567), super::png(7_654_321));
        assert_eq!(crate::service::image::sniff(&a), Some("image/png"));
        assert_ne!(a, b);
        // The CRC of "IEND" with no data is a known constant.
        assert_eq!(&a[a.len() - 4..], &[0xAE, 0x42, 0x60, 0x82]);
    }
}
