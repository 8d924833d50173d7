//! Demo post photos: a 320 × 240 picture of an office under the sky, hills behind it, its sky
//! and hills in colours drawn from a seed, so the demo feed shows posts with photos.

use super::avatar::hsl_to_rgb;

const WIDTH: usize = 320;
const HEIGHT: usize = 240;
/// Palette: 0–31 the sky from top to horizon, then the sun, two hills, the office, windows.
const SKY: u8 = 0;
const SUN: u8 = 32;
const FAR_HILL: u8 = 33;
const NEAR_HILL: u8 = 34;
const WALL: u8 = 35;
const WINDOW: u8 = 36;

/// A PNG for `seed`.
pub fn png(seed: u64) -> Vec<u8> {
    let sky_hue = 190.0 + (seed % 40) as f64;
    let hill_hue = 80.0 + (seed / 40 % 60) as f64;
    let mut palette: Vec<(u8, u8, u8)> = (0..32)
        .map(|i| hsl_to_rgb(sky_hue, 0.6, 0.45 + f64::from(i) * 0.012))
        .collect();
    palette.extend([
        (0xFF, 0xE0, 0x8A),
        hsl_to_rgb(hill_hue, 0.35, 0.45),
        hsl_to_rgb(hill_hue, 0.45, 0.32),
        (0xEE, 0xEA, 0xE2),
        (0x4A, 0x6C, 0x8C),
    ]);
    let phase = (seed % 628) as f64 / 100.0;
    let sun_x = 40.0 + (seed % 240) as f64;
    let pixels: Vec<u8> = (0..WIDTH * HEIGHT)
        .map(|i| {
            let (x, y) = (i % WIDTH, i / WIDTH);
            let (fx, fy) = (x as f64, y as f64);
            let far = 120.0 + 18.0 * (fx / 47.0 + phase).sin();
            let near = 165.0 + 14.0 * (fx / 31.0 + phase * 2.0).cos();
            let in_office = (110..216).contains(&x) && (120..200).contains(&y);
            if in_office {
                let window = (x - 110) % 20 >= 6 && (y - 120) % 20 >= 6 && y < 180;
                if window { WINDOW } else { WALL }
            } else if fy > near {
                NEAR_HILL
            } else if fy > far {
                FAR_HILL
            } else if (fx - sun_x).powi(2) + (fy - 50.0).powi(2) < 400.0 {
                SUN
            } else {
                SKY + (y * 32 / HEIGHT) as u8
            }
        })
        .collect();
    super::png::encode(WIDTH, &palette, &pixels)
}

#[cfg(test)]
mod tests {
    #[test]
    fn pictures_are_pngs_of_their_own() {
        let (a, b) = (super::png(17), super::png(4_242));
        assert_eq!(crate::service::image::sniff(&a), Some("image/png"));
        assert_ne!(a, b);
    }
}
