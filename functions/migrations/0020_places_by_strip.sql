-- A map's box and "near me" read places by position. Indexed by latitude first, a box read every
-- place in its latitude band across the whole country (one around Jakarta also read Tangerang's,
-- Bekasi's and, wider, Bandung's and Cirebon's): about 660 rows for the 10 nearest in the
-- benchmark. In strips of 0.1° of latitude, each ordered by longitude, a box seeks its longitude
-- range in each strip it covers (query.rs, `in_box!`). The strip is computed, never written.
ALTER TABLE places ADD COLUMN lat_strip INTEGER GENERATED ALWAYS AS (lat_e6 / 100000) VIRTUAL;
CREATE INDEX places_by_strip ON places(lat_strip, lng_e6) WHERE archived_at IS NULL;
DROP INDEX places_by_position;
