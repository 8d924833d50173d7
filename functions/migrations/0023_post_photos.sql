-- A post's photos: `<content type> <sha256 of the bytes>` entries, comma-separated, in their
-- order; the bytes are in KV under `post-photo:<sha256>`. NULL for a post without photos.
ALTER TABLE posts ADD COLUMN photos TEXT;
