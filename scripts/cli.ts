import { existsSync } from 'node:fs';
import { ConfigError, parseEnv, type Config } from '../functions/config.ts';

/** Small helpers shared by the commands people run (start, seed, migrate, bench). */
export const say = (message: string) => console.log(`» ${message}`);

export function fail(message: string, next: string): never {
  console.error(`✖ ${message}\n  Langkah berikutnya: ${next}`);
  process.exit(1);
}

/** A one-line progress bar redrawn in place on a terminal, plain lines elsewhere (CI logs). */
export function progress(label: string) {
  let last = -1;
  return ({ done, total }: { done: number; total: number }) => {
    const pct = Math.floor((done / total) * 100);
    if (pct === last) return;
    last = pct;
    if (process.stdout.isTTY) {
      const bar = '█'.repeat(Math.floor(pct / 4)).padEnd(25, '·');
      process.stdout.write(`\r  ${label} ${bar} ${pct}% (${done}/${total})${done === total ? '\n' : ''}`);
    } else if (pct % 25 === 0) {
      console.log(`  ${label}: ${pct}% (${done}/${total})`);
    }
  };
}

/** Reads `--name value` and `--flag` from argv. */
export function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}
export const hasFlag = (name: string) => process.argv.includes(`--${name}`);

/** The settings from the environment, or the command stops with every bad variable named (no stack trace). */
export function loadConfig(): Config {
  try {
    // Settings in .env (see .env.example); variables already set in the environment win.
    if (existsSync('.env')) process.loadEnvFile('.env');
    return parseEnv(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    fail(error.message, 'perbaiki variabel itu di .env atau di perintah (lihat .env.example dan README, bagian Configuration), lalu jalankan lagi.');
  }
}
