import { z } from 'zod';

const envSchema = z.object({
  DATABASE_URL: z.string().min(1).default('file:db/etalase.db'),
  DATABASE_AUTH_TOKEN: z.string().optional(),
  SITE_URL: z.url().default('http://localhost:4321'),
  PORT: z.coerce.number().int().min(1).max(65535).default(4321),
  HOST: z.string().default('127.0.0.1'),
  /** Node server processes for `npm start` (one core each; default: the cores, at most 4); the Worker ignores it. */
  WORKERS: z.coerce.number().int().min(1).max(16).optional(),
  /** The folder for files on Node (open-data snapshots); by default files/ beside a local database file, else .files/. */
  FILES_DIR: z.string().min(1).optional(),
  MAX_BODY_KB: z.coerce.number().int().min(1).max(1024).default(64),
  WRITES_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  /** Cloudflare Turnstile secret: when set, public forms must pass the challenge. */
  TURNSTILE_SECRET_KEY: z.string().min(1).optional(),
  /** Its public site key, built into /daftar/ (and the form the server shows again). */
  TURNSTILE_SITE_KEY: z.string().min(1).optional(),
  /** Cloudflare Email Service (optional): the owner's copy of the private link. */
  EMAIL_FROM: z.email().optional(),
  CLOUDFLARE_ACCOUNT_ID: z.string().regex(/^[0-9a-f]{32}$/).optional(),
  CLOUDFLARE_EMAIL_TOKEN: z.string().min(1).optional(),
});

export type Config = z.infer<typeof envSchema>;

/** What each variable accepts, said the way the settings error says it. */
const allowed: Record<keyof Config, string> = {
  DATABASE_URL: 'URL libSQL: file:jalur/ke/berkas.db, libsql://… atau https://…',
  DATABASE_AUTH_TOKEN: 'token Turso (teks)',
  SITE_URL: 'URL lengkap, misalnya https://etalase.jabarprov.go.id',
  PORT: 'bilangan bulat 1–65535',
  HOST: 'alamat atau nama host, misalnya 127.0.0.1',
  WORKERS: 'bilangan bulat 1–16',
  FILES_DIR: 'jalur folder, misalnya db/files',
  MAX_BODY_KB: 'bilangan bulat 1–1024 (kB)',
  WRITES_PER_MINUTE: 'bilangan bulat 1–10000',
  TURNSTILE_SECRET_KEY: 'kunci rahasia Turnstile (teks)',
  TURNSTILE_SITE_KEY: 'kunci situs Turnstile (teks)',
  EMAIL_FROM: 'alamat email, misalnya etalase@jabarprov.go.id',
  CLOUDFLARE_ACCOUNT_ID: '32 karakter heksadesimal (0-9, a-f)',
  CLOUDFLARE_EMAIL_TOKEN: 'token API Cloudflare (teks)',
};

/** A settings error: every bad variable with its value's problem and what is allowed, in Indonesian. */
export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Konfigurasi tidak valid:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

function problemOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_big':
      return `terlalu besar (maksimal ${String(issue.maximum)})`;
    case 'too_small':
      return `terlalu kecil (minimal ${String(issue.minimum)})`;
    case 'invalid_type':
      return issue.expected === 'int' ? 'bukan bilangan bulat' : issue.expected === 'number' ? 'bukan angka' : 'jenis nilai salah';
    case 'invalid_format':
      return 'formatnya tidak sesuai';
    default:
      return 'tidak dapat diterima';
  }
}

/**
 * The one place that reads the environment: process.env on Node, the Worker's env on
 * Cloudflare. Throws a ConfigError naming every bad variable.
 */
export function parseEnv(record: Record<string, unknown>): Config {
  const picked = Object.fromEntries(
    Object.keys(envSchema.shape)
      .filter((k) => typeof record[k] === 'string' && record[k] !== '')
      .map((k) => [k, record[k]]),
  );
  const result = envSchema.safeParse(picked);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = String(issue.path[0]) as keyof Config;
      return `${name} = ${JSON.stringify(picked[name])}: ${problemOf(issue)}. Yang diizinkan: ${allowed[name]}.`;
    });
    throw new ConfigError(problems);
  }
  return result.data;
}
