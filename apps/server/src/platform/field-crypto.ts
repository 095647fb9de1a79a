import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { purposeKey } from './keys.js';

/**
 * Personal data encrypted at rest (a named campaign's voters, issue 10): SM4-CTR, then HMAC-SM3
 * over the IV and ciphertext (encrypt-then-MAC), the national algorithms GB/T 39786 expects.
 * Text form: `sm4:<iv hex>:<ciphertext base64>:<mac hex>`. The keys derive from the installation
 * secret, which never enters the database.
 */
export interface FieldCipher {
  seal(plain: string): string;
  /** The plain text; throws when the text was altered or sealed under another secret. */
  open(sealed: string): string;
}

export function fieldCipher(secret: string): FieldCipher {
  const encKey = purposeKey(secret, 'field-encryption').subarray(0, 16);
  const macKey = purposeKey(secret, 'field-mac');
  const mac = (iv: Buffer, ct: Buffer) => createHmac('sm3', macKey).update(iv).update(ct).digest();
  return {
    seal(plain) {
      const iv = randomBytes(16);
      const c = createCipheriv('sm4-ctr', encKey, iv);
      const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return `sm4:${iv.toString('hex')}:${ct.toString('base64')}:${mac(iv, ct).toString('hex')}`;
    },
    open(sealed) {
      const [kind, ivHex, ctB64, macHex] = sealed.split(':');
      if (kind !== 'sm4' || !ivHex || ctB64 === undefined || !macHex) throw new Error('not a sealed field');
      const iv = Buffer.from(ivHex, 'hex');
      const ct = Buffer.from(ctB64, 'base64');
      const given = Buffer.from(macHex, 'hex');
      const want = mac(iv, ct);
      if (given.length !== want.length || !timingSafeEqual(given, want))
        throw new Error('sealed field altered');
      const d = createDecipheriv('sm4-ctr', encKey, iv);
      return Buffer.concat([d.update(ct), d.final()]).toString('utf8');
    },
  };
}
