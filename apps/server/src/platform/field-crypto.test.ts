import { describe, expect, it } from 'vitest';
import { fieldCipher } from './field-crypto.js';

const secret = 'a'.repeat(64);

describe('fieldCipher', () => {
  it('seals personal data so that the stored text holds none of it, and opens it again', () => {
    const c = fieldCipher(secret);
    const sealed = c.seal('{"name":"张三","contact":"13800000000"}');
    expect(sealed).toMatch(/^sm4:[0-9a-f]{32}:/);
    expect(sealed).not.toContain('张三');
    expect(sealed).not.toContain('13800000000');
    expect(c.open(sealed)).toBe('{"name":"张三","contact":"13800000000"}');
  });

  it('gives a different text each time (random IV)', () => {
    const c = fieldCipher(secret);
    expect(c.seal('x')).not.toBe(c.seal('x'));
  });

  it('refuses an altered text and a text sealed under another secret', () => {
    const sealed = fieldCipher(secret).seal('李四');
    const [k, iv, ct, mac] = sealed.split(':');
    const flipped = Buffer.from(ct!, 'base64');
    flipped[0]! ^= 1;
    expect(() => fieldCipher(secret).open(`${k}:${iv}:${flipped.toString('base64')}:${mac}`)).toThrow(
      /altered/,
    );
    expect(() => fieldCipher('b'.repeat(64)).open(sealed)).toThrow(/altered/);
  });
});
