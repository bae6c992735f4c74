import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { appSettings } from '../../db/schema.ts';
import { hashToken } from '../../src/core/token.ts';

const SECRET_KEY = 'invite_secret';

/** The portal's own secret for invitation links, made once (32 random bytes) and kept in app_settings. */
async function inviteSecret(db: Db): Promise<CryptoKey> {
  const fresh = Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('');
  await db.run(sql`INSERT INTO app_settings (key, value) VALUES (${SECRET_KEY}, ${fresh}) ON CONFLICT (key) DO NOTHING`);
  const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, SECRET_KEY));
  return crypto.subtle.importKey('raw', new TextEncoder().encode(row!.value), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

/**
 * The private link of an imported row, derived from the portal's secret and the row's import
 * key (HMAC-SHA-256, base64url: the shape of every status token). Only its hash is stored,
 * as for any owner; staff can show the link again while the owner has not had it replaced,
 * so an invitation can be resent from the cohort page without keeping the token anywhere.
 */
export async function invitationTokens(db: Db, importKeys: string[]): Promise<Map<string, { token: string; hash: string }>> {
  const key = await inviteSecret(db);
  const out = new Map<string, { token: string; hash: string }>();
  for (const importKey of importKeys) {
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`undangan:${importKey}`)));
    const token = btoa(String.fromCharCode(...mac)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    out.set(importKey, { token, hash: await hashToken(token) });
  }
  return out;
}
