import { z } from 'zod';

const envSchema = z.object({
  DATABASE_URL: z.string().min(1).default('file:db/etalase.db'),
  DATABASE_AUTH_TOKEN: z.string().optional(),
  SITE_URL: z.url().default('http://localhost:4321'),
  PORT: z.coerce.number().int().min(1).max(65535).default(4321),
  HOST: z.string().default('127.0.0.1'),
  /** Node server processes for `npm start` (one core each; default: the cores, at most 4); the Worker ignores it. */
  WORKERS: z.coerce.number().int().min(1).max(16).optional(),
  MAX_BODY_KB: z.coerce.number().int().min(1).max(1024).default(64),
  WRITES_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  /** Cloudflare Turnstile secret: when set, public forms must pass the challenge. */
  TURNSTILE_SECRET_KEY: z.string().min(1).optional(),
  /** Its public site key, built into /daftar/ (and the form the server shows again). */
  TURNSTILE_SITE_KEY: z.string().min(1).optional(),
  /** Production: the Workers Builds / Pages deploy hook called after an approval to rebuild the site. */
  DEPLOY_HOOK_URL: z.url({ protocol: /^https$/ }).optional(),
  /** Cloudflare Email Service (optional): the owner's copy of the private link. */
  EMAIL_FROM: z.email().optional(),
  CLOUDFLARE_ACCOUNT_ID: z.string().regex(/^[0-9a-f]{32}$/).optional(),
  CLOUDFLARE_EMAIL_TOKEN: z.string().min(1).optional(),
});

export type Config = z.infer<typeof envSchema>;

/**
 * The one place that reads the environment: process.env on Node, the Worker's env on
 * Cloudflare. Fails with every bad variable named.
 */
export function parseEnv(record: Record<string, unknown>): Config {
  const picked = Object.fromEntries(
    Object.keys(envSchema.shape)
      .filter((k) => typeof record[k] === 'string' && record[k] !== '')
      .map((k) => [k, record[k]]),
  );
  const result = envSchema.safeParse(picked);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Konfigurasi tidak valid:\n${lines}\nPeriksa variabel lingkungan (lihat .env.example).`);
  }
  return result.data;
}
