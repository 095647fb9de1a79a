import { createHmac } from 'node:crypto';

/**
 * A key for one purpose, derived from the installation secret (config.secret) with HMAC-SM3, so
 * that the audit chain, captchas and field encryption never share key material.
 */
export function purposeKey(secret: string, purpose: string): Buffer {
  return createHmac('sm3', secret).update(`jixiao:${purpose}`).digest();
}
