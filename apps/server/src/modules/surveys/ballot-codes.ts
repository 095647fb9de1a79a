import { createHash, randomBytes } from 'node:crypto';

/**
 * One person, one code (一人一号, S12). A code is 16 characters of Crockford base 32 (80 random
 * bits, the issue asks for at least 64), printed in four groups of four so that it can be typed
 * from a paper sheet; only its SHA-256 is stored. With 80 bits of randomness a salt adds nothing:
 * nobody can enumerate the codes to reverse the hashes.
 */

/** Crockford's alphabet: no I, L, O, U, so that 1/I/L and 0/O cannot be confused on paper. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 16;
export const CODE_BITS = CODE_LENGTH * 5;

/** `n` fresh codes, formatted `XXXX-XXXX-XXXX-XXXX`, all distinct. */
export function newBallotCodes(n: number): string[] {
  const out = new Set<string>();
  while (out.size < n) {
    const bytes = randomBytes(10); // 80 bits = 16 × 5
    let bits = 0n;
    for (const b of bytes) bits = (bits << 8n) | BigInt(b);
    let s = '';
    for (let i = 0; i < CODE_LENGTH; i++)
      s += ALPHABET[Number((bits >> BigInt(5 * (CODE_LENGTH - 1 - i))) & 31n)];
    out.add(s.match(/.{4}/g)!.join('-'));
  }
  return [...out];
}

/**
 * What a voter typed, as the code it means: case, spaces and dashes do not matter, and the
 * letters Crockford reads as digits (O → 0, I and L → 1) are read so. Null when it cannot be a code.
 */
export function normaliseBallotCode(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (s.length !== CODE_LENGTH || [...s].some((c) => !ALPHABET.includes(c))) return null;
  return s;
}

/** The stored form of a (normalised) code. */
export const ballotCodeHash = (normalised: string) =>
  createHash('sha256').update(normalised, 'utf8').digest('hex');
