//! Map tiles come through the Worker (`GET /api/tiles/{z}/{x}/{y}`): the tile server is a
//! setting (`TILE_URL`, OpenStreetMap by default) that may carry an API key the browser never
//! sees, the app's Content-Security-Policy stays same-origin, and the service worker caches
//! tiles like any other same-origin answer. Only people with a session get tiles.
//! The fetch itself is in `entry.rs` (workerd only); what can be checked natively is here.

use super::{ApiRequest, cookies};
use crate::runtime::Runtime;
use crate::service::sessions;
use balai_protocol::{ApiError, ErrorCode};

pub const DEFAULT_TILE_URL: &str = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
/// Deeper than this is street level on every common tile server.
const MAX_ZOOM: u32 = 19;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tile {
    pub z: u32,
    pub x: u32,
    pub y: u32,
}

/// Parses `/api/tiles/{z}/{x}/{y}` (an optional `.png` on `y`); x and y must lie on zoom z's grid.
pub fn parse(path: &str) -> Result<Tile, ApiError> {
    let bad = || {
        ApiError::new(
            ErrorCode::NotFound,
            "No such map tile.",
            "Petak peta itu tidak ada.",
        )
    };
    let rest = path.strip_prefix("/api/tiles/").ok_or_else(bad)?;
    let parts: Vec<&str> = rest.split('/').collect();
    let [z, x, y] = parts[..] else {
        return Err(bad());
    };
    let number = |s: &str| s.parse::<u32>().map_err(|_| bad());
    let (z, x, y) = (
        number(z)?,
        number(x)?,
        number(y.strip_suffix(".png").unwrap_or(y))?,
    );
    if z > MAX_ZOOM || x >= 1 << z || y >= 1 << z {
        return Err(bad());
    }
    Ok(Tile { z, x, y })
}

/// The tile's address on the configured server.
pub fn upstream_url(template: &str, t: Tile) -> String {
    template
        .replace("{z}", &t.z.to_string())
        .replace("{x}", &t.x.to_string())
        .replace("{y}", &t.y.to_string())
}

/// The tile a signed-in person asks for, or why not (401, 404).
pub async fn authorize<R: Runtime>(rt: &R, req: &ApiRequest) -> Result<Tile, ApiError> {
    let tile = parse(&req.path)?;
    let token = cookies::session_token(req).ok_or_else(sessions::unauthenticated)?;
    sessions::authenticate(rt, token).await?;
    Ok(tile)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiles_lie_on_the_grid() {
        assert_eq!(
            parse("/api/tiles/5/25/16.png").unwrap(),
            Tile { z: 5, x: 25, y: 16 }
        );
        assert!(parse("/api/tiles/5/32/1").is_err(), "x beyond 2^5");
        assert!(parse("/api/tiles/20/0/0").is_err());
        assert!(parse("/api/tiles/1/0").is_err());
        assert!(parse("/api/tiles/a/b/c").is_err());
        assert_eq!(
            upstream_url(DEFAULT_TILE_URL, Tile { z: 5, x: 25, y: 16 }),
            "https://tile.openstreetmap.org/5/25/16.png"
        );
    }
}
