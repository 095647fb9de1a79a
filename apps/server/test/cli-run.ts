import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { main } from '../src/cli.js';

/** The `jixiao` binary as an operator runs it (through tsx: a few seconds per start). */
export const bin = resolve(import.meta.dirname, '../bin/jixiao.mjs');

/** What a run of the command left: its exit code and what it wrote, as a spawned process's answer. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Spawn the binary: kept for the proof that it starts; the other cases run in-process. */
export function spawnJixiao(env: NodeJS.ProcessEnv, ...args: string[]): CliRun {
  const r = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Run the command in this process through main(), with `env` as its environment. */
export async function runJixiao(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const status = await main(args, {
    out: (s) => {
      stdout += `${s}\n`;
    },
    err: (s) => {
      stderr += `${s}\n`;
    },
    env,
  });
  return { status, stdout, stderr };
}
