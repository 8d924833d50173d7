// Prints a new VAPID key for phone notifications (web push): a P-256 private key as a JSON Web
// Key, on one line, for the Worker's VAPID_PRIVATE_KEY secret:
//   node scripts/vapid-key.mjs | (cd functions && npx wrangler secret put VAPID_PRIVATE_KEY)
// Keep it: a new key makes every phone's subscription useless until it subscribes again.
import { generateKeyPairSync } from 'node:crypto';

const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const { kty, crv, x, y, d } = privateKey.export({ format: 'jwk' });
process.stdout.write(JSON.stringify({ kty, crv, x, y, d }) + '\n');
