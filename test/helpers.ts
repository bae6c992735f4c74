import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { createApp } from '../functions/app.ts';
import { openDb } from '../db/local.ts';
import type { RegistrationInput } from '../src/core/registration.ts';

/**
 * A fresh libSQL file with the real migrations, and the real app over it. The folder is
 * removed after the test file.
 */
export async function freshApp(options: { now?: Date } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'etalase-test-'));
  const { db, client } = await openDb(`file:${join(dir, 'test.db')}`);
  const logged: unknown[] = [];
  const app = createApp({
    db,
    config: { SITE_URL: 'http://localhost:4321', MAX_BODY_KB: 64 },
    clock: () => options.now ?? new Date('2026-11-29T03:00:00Z'),
    log: (_m, e) => logged.push(e),
  });
  afterAll(() => {
    client.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { app, db, client, dir, logged };
}

/** A registration an owner could really send. */
export function validRegistration(overrides: Partial<RegistrationInput> = {}): RegistrationInput {
  return {
    name: 'Keripik Tempe Bu Enok',
    description: 'Keripik tempe renyah dari kedelai lokal, digoreng setiap hari tanpa pengawet.',
    category: 'kuliner',
    kbliCodes: ['10794'],
    regencyCode: '32.73',
    districtCode: '32.73.01',
    whatsapp: '0812-3456-7890',
    nib: '1234567890123',
    storeLinks: ['https://www.tokopedia.com/keripikbuenok?utm_source=wa', 'shopee.co.id/keripikbuenok'],
    products: [{ name: 'Keripik tempe original 250 g', priceMin: 15000, priceMax: '25.000' }],
    consent: true,
    ...overrides,
  };
}

export const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
