import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Content-addressed blob storage: a file is stored once under its SHA-256, whatever its name.
 * The interface is small so that an object store can replace the disk when several servers run.
 */
export interface BlobStore {
  put(data: Uint8Array): Promise<{ sha256: string; size: number; created: boolean }>;
  get(sha256: string): Promise<Buffer>;
  has(sha256: string): Promise<boolean>;
  delete(sha256: string): Promise<void>;
}

const SHA256 = /^[0-9a-f]{64}$/;

export const sha256Of = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Files under `<root>/ab/cd/<sha256>`; written to a temp name first, then renamed, so readers never see half a file. */
export class DiskBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  private pathOf(sha256: string) {
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(data: Uint8Array) {
    const sha256 = sha256Of(data);
    const path = this.pathOf(sha256);
    if (await this.has(sha256)) return { sha256, size: data.byteLength, created: false };
    await mkdir(join(path, '..'), { recursive: true });
    const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(tmp, data, { mode: 0o600 });
    await rename(tmp, path);
    return { sha256, size: data.byteLength, created: true };
  }

  async get(sha256: string) {
    const data = await readFile(this.pathOf(sha256));
    // Detects a file changed on disk after it was stored.
    if (sha256Of(data) !== sha256) throw new Error(`stored file ${sha256} is corrupt`);
    return data;
  }

  async has(sha256: string) {
    try {
      await stat(this.pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  }

  async delete(sha256: string) {
    await unlink(this.pathOf(sha256)).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
  }
}
