import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { purposeKey } from './keys.js';

/**
 * A captcha the system serves itself (Z11: no outside service). The answer is four digits drawn as
 * jittered strokes in an SVG (no text a script could read from the markup); the token carries a
 * nonce and an expiry, signed with the answer (HMAC-SM3 under a key derived from the installation
 * secret), so the server keeps no state until a token is used, and then only its nonce, so that a
 * solved captcha counts once.
 */

/** Digit strokes on a 10 × 16 box. */
const STROKES: Record<string, number[][][]> = {
  '0': [
    [
      [2, 1],
      [8, 1],
      [9, 3],
      [9, 13],
      [8, 15],
      [2, 15],
      [1, 13],
      [1, 3],
      [2, 1],
    ],
  ],
  '1': [
    [
      [3, 4],
      [6, 1],
      [6, 15],
    ],
    [
      [3, 15],
      [9, 15],
    ],
  ],
  '2': [
    [
      [1, 4],
      [3, 1],
      [7, 1],
      [9, 4],
      [9, 6],
      [1, 15],
      [9, 15],
    ],
  ],
  '3': [
    [
      [1, 1],
      [9, 1],
      [5, 7],
      [8, 9],
      [9, 12],
      [7, 15],
      [2, 15],
      [1, 13],
    ],
  ],
  '4': [
    [
      [7, 15],
      [7, 1],
      [1, 11],
      [9, 11],
    ],
  ],
  '5': [
    [
      [9, 1],
      [1, 1],
      [1, 7],
      [6, 7],
      [9, 10],
      [9, 13],
      [7, 15],
      [1, 15],
    ],
  ],
  '6': [
    [
      [8, 1],
      [3, 1],
      [1, 5],
      [1, 13],
      [3, 15],
      [7, 15],
      [9, 13],
      [9, 10],
      [7, 8],
      [1, 8],
    ],
  ],
  '7': [
    [
      [1, 1],
      [9, 1],
      [4, 15],
    ],
  ],
  '8': [
    [
      [5, 8],
      [2, 6],
      [2, 3],
      [4, 1],
      [6, 1],
      [8, 3],
      [8, 6],
      [5, 8],
      [1, 11],
      [1, 13],
      [3, 15],
      [7, 15],
      [9, 13],
      [9, 11],
      [5, 8],
    ],
  ],
  '9': [
    [
      [9, 8],
      [3, 8],
      [1, 6],
      [1, 3],
      [3, 1],
      [7, 1],
      [9, 3],
      [9, 11],
      [7, 15],
      [2, 15],
    ],
  ],
};

const WIDTH = 150;
const HEIGHT = 56;
const LENGTH = 4;
const TTL_MS = 5 * 60_000;

const jitter = (amount: number) => (randomInt(0, 2001) / 1000 - 1) * amount;
const fmt = (n: number) => n.toFixed(1);

/** The answer drawn as an SVG image. */
export function drawDigits(answer: string): string {
  const paths: string[] = [];
  [...answer].forEach((digit, i) => {
    const angle = jitter(0.3);
    const scale = 2.3 + jitter(0.2);
    const ox = 14 + i * 32 + jitter(4);
    const oy = 8 + jitter(4);
    const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
    for (const stroke of STROKES[digit]!) {
      const pts = stroke.map(([x, y]) => {
        const dx = (x! - 5 + jitter(0.4)) * scale;
        const dy = (y! - 8 + jitter(0.4)) * scale;
        return `${fmt(ox + 5 * scale + dx * cos - dy * sin)},${fmt(oy + 8 * scale * 0.9 + dx * sin + dy * cos)}`;
      });
      paths.push(
        `<polyline points="${pts.join(' ')}" fill="none" stroke="#1f3a5f" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round"/>`,
      );
    }
  });
  // Noise: curves across the image in the digits' colour.
  for (let k = 0; k < 5; k++) {
    const y = () => fmt(randomInt(4, HEIGHT - 4));
    paths.push(
      `<path d="M0,${y()} C${fmt(randomInt(20, 60))},${y()} ${fmt(randomInt(80, 130))},${y()} ${WIDTH},${y()}" fill="none" stroke="#1f3a5f" stroke-width="${fmt(1 + jitter(0.5))}" opacity="0.55"/>`,
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}"><rect width="100%" height="100%" fill="#f4f7fb"/>${paths.join('')}</svg>`;
}

export interface Challenge {
  token: string;
  svg: string;
}

export type CaptchaCheck = 'ok' | 'wrong' | 'expired' | 'used';

export class Captcha {
  private readonly key: Buffer;
  /** Nonces of solved captchas until they expire (per process; see issue 14 for several servers). */
  private readonly used = new Map<string, number>();

  constructor(secret: string) {
    this.key = purposeKey(secret, 'captcha');
  }

  private sign(payload: string, answer: string): string {
    return createHmac('sm3', this.key).update(`${payload}|${answer}`).digest('base64url');
  }

  challenge(now: number): Challenge {
    const answer = Array.from({ length: LENGTH }, () => String(randomInt(0, 10))).join('');
    const payload = Buffer.from(
      JSON.stringify({ n: randomBytes(12).toString('base64url'), e: now + TTL_MS }),
    ).toString('base64url');
    return { token: `${payload}.${this.sign(payload, answer)}`, svg: drawDigits(answer) };
  }

  /** Checks an answer; a right answer uses the token up. */
  check(token: string, answer: string, now: number): CaptchaCheck {
    const [payload, sig] = token.split('.');
    if (!payload || !sig) return 'wrong';
    const want = Buffer.from(this.sign(payload, answer.replace(/\s/g, '')));
    const given = Buffer.from(sig);
    if (want.length !== given.length || !timingSafeEqual(want, given)) return 'wrong';
    const { n, e } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      n: string;
      e: number;
    };
    if (now > e) return 'expired';
    for (const [nonce, exp] of this.used) if (exp < now) this.used.delete(nonce);
    if (this.used.has(n)) return 'used';
    this.used.set(n, e);
    return 'ok';
  }
}
