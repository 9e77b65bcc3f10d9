import { randomFillSync } from "node:crypto";

/**
 * Cryptographically random bytes, drawn from a pool the CSPRNG refills 8 KiB at a time. Issuing one set of
 * temporary credentials needs five small draws (key id, secret, two IVs, request id); asking the OS for each costs
 * more than the rest of the minting. The bytes are the same CSPRNG's; each draw is a copy, never shared.
 */
const POOL_BYTES = 8192;
const pool = Buffer.allocUnsafe(POOL_BYTES);
let offset = POOL_BYTES;

export function randomBytesPooled(n: number): Buffer {
  if (n > POOL_BYTES) throw new RangeError("randomBytesPooled draws at most 8 KiB");
  if (offset + n > POOL_BYTES) {
    randomFillSync(pool);
    offset = 0;
  }
  const out = Buffer.from(pool.subarray(offset, offset + n));
  // Spent bytes are overwritten at once, so no later draw or heap dump finds them in the pool.
  pool.fill(0, offset, offset + n);
  offset += n;
  return out;
}
