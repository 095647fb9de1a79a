import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extensionMatches, sniff } from './sniff.js';
import { DiskBlobStore, sha256Of } from './storage.js';

const bytes = (...parts: (number[] | string)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('content sniffing', () => {
  it('recognises evidence types by their first bytes', () => {
    expect(sniff(bytes('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniff(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('image/png');
    expect(sniff(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniff(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))).toBe('image/webp');
    expect(sniff(bytes([0x50, 0x4b, 3, 4], '....[Content_Types].xml....word/document.xml'))).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(sniff(bytes([0x50, 0x4b, 3, 4], '....[Content_Types].xml....xl/workbook.xml'))).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  });

  it('refuses what it does not know, whatever the name says', () => {
    expect(sniff(bytes('MZ\x90\x00'))).toBeNull(); // a Windows executable
    expect(sniff(bytes('<html><script>'))).toBeNull();
    expect(sniff(bytes(''))).toBeNull();
  });

  it('checks the name against the content', () => {
    expect(extensionMatches('报告.PDF', 'application/pdf')).toBe(true);
    expect(extensionMatches('photo.pdf', 'image/png')).toBe(false);
  });
});

describe('disk blob store', () => {
  const root = mkdtempSync(join(tmpdir(), 'jixiao-blobs-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const store = new DiskBlobStore(root);

  it('stores once by SHA-256 and reads back the same bytes', async () => {
    const data = bytes('%PDF-1.4 evidence');
    const a = await store.put(data);
    expect(a).toEqual({ sha256: sha256Of(data), size: data.length, created: true });
    expect((await store.put(data)).created).toBe(false);
    expect(Buffer.compare(await store.get(a.sha256), data)).toBe(0);
  });

  it('notices a file changed on disk', async () => {
    const { sha256 } = await store.put(bytes('%PDF-1.4 original'));
    writeFileSync(join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256), 'tampered');
    await expect(store.get(sha256)).rejects.toThrow(/corrupt/);
  });

  it('refuses names that are not hashes (no path traversal)', async () => {
    await expect(store.get('../../etc/passwd')).rejects.toThrow(/not a SHA-256/);
  });
});
