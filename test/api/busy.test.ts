import { describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { createClient } from '@libsql/client';
import { freshApp, json, onEdge, validRegistration } from '../helpers.ts';
import { msmes } from '../../db/schema.ts';

// Another process holding the write lock past the wait (here a second connection to the
// same file, as a second server process would be): the write is refused with 503 and
// Retry-After, nothing is stored, and the next write after the lock is free succeeds.
describe.skipIf(onEdge)('a database locked by another writer', () => {
  it('answers 503 problem+json with Retry-After, stores nothing, then serves again', { timeout: 30_000 }, async () => {
    const { app, db, databaseUrl } = await freshApp();
    const other = createClient({ url: databaseUrl });
    const held = await other.transaction('write');
    try {
      const res = await app.request('/api/registrations', json(validRegistration({ name: 'Tahu Sumedang Terkunci' })));
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('2');
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(((await res.json()) as { detail: string }).detail).toContain('Tidak ada yang tersimpan');
      // Reads go on while the lock is held.
      expect((await app.request('/api/msmes')).status).toBe(200);
    } finally {
      await held.rollback();
      other.close();
    }
    expect((await db.select({ n: count() }).from(msmes))[0]?.n).toBe(0);
    expect((await app.request('/api/registrations', json(validRegistration({ name: 'Tahu Sumedang Bebas' })))).status).toBe(201);
  });
});
