import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from '../../functions/config.ts';
import { runCommand, tempDir } from '../drill/portal.ts';
import { join } from 'node:path';

describe('settings', () => {
  it('names every bad variable, its value, the problem and what is allowed, in Indonesian', () => {
    let error: unknown;
    try {
      parseEnv({ WRITES_PER_MINUTE: '100000', PORT: 'delapan', WORKERS: '1.5', SITE_URL: 'bukan url', CLOUDFLARE_EMAIL_TOKEN: '', DATABASE_AUTH_TOKEN: 'rahasia', MAX_BODY_KB: '0' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'SITE_URL = "bukan url": formatnya tidak sesuai. Yang diizinkan: URL lengkap, misalnya https://etalase.jabarprov.go.id.',
      'PORT = "delapan": bukan angka. Yang diizinkan: bilangan bulat 1–65535.',
      'WORKERS = "1.5": bukan bilangan bulat. Yang diizinkan: bilangan bulat 1–16.',
      'MAX_BODY_KB = "0": terlalu kecil (minimal 1). Yang diizinkan: bilangan bulat 1–1024 (kB).',
      'WRITES_PER_MINUTE = "100000": terlalu besar (maksimal 10000). Yang diizinkan: bilangan bulat 1–10000.',
    ]);
  });

  it('names a malformed account id with what is allowed', () => {
    expect(() => parseEnv({ CLOUDFLARE_ACCOUNT_ID: 'bukan-hex' })).toThrow('CLOUDFLARE_ACCOUNT_ID = "bukan-hex": formatnya tidak sesuai.');
  });

  it('stops npm start with the variable named and no stack trace', { timeout: 30_000 }, async () => {
    const dir = tempDir('settings');
    const { code, output } = await runCommand(['scripts/start.ts', '--no-build'], { WRITES_PER_MINUTE: '100000', DATABASE_URL: `file:${join(dir, 'x.db')}` });
    expect(code).toBe(1);
    expect(output).toContain('WRITES_PER_MINUTE = "100000": terlalu besar (maksimal 10000). Yang diizinkan: bilangan bulat 1–10000.');
    expect(output).toContain('Langkah berikutnya');
    expect(output).not.toMatch(/^\s+at /m);
    expect(output).not.toContain('ZodError');
  });
});
