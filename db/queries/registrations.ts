import { and, eq, gte, lt } from 'drizzle-orm';
import type { ConsentRecord } from '../../src/core/consent.ts';
import type { Registration } from '../../src/core/registration.ts';
import { slugCandidate, slugify, slugStem } from '../../src/core/slug.ts';
import type { Db, DbOrTx } from '../client.ts';
import { auditLog, msmes, products, storeLinks, type MsmeStatus, type VerificationLevel } from '../schema.ts';
import { syncSearchIndex } from './search-index.ts';

export interface NewListingOptions {
  now: Date;
  statusTokenHash: string;
  actor: string;
  status?: MsmeStatus;
  verification?: VerificationLevel;
  nibVerifiedAt?: Date | null;
  halalVerifiedAt?: Date | null;
  verifiedAt?: Date | null;
  isJuara?: boolean;
  isSample?: boolean;
  /** A mentor registering on the owner's behalf, and the owner's consent they recorded. */
  registeredBy?: number;
  consentRecord?: ConsentRecord;
  /** When the owner consented, if not at `now` (a program's record); epoch 0 for an invited owner who has not yet. */
  consentAt?: Date;
  /** A program's import: its cohort, the row's identity across uploads, and when the owner was invited. */
  cohortId?: number;
  importKey?: string;
  invitedAt?: Date;
}

/**
 * A slug no other listing has: the name's slug, or the first free "-2", "-3", ... A long
 * name's candidates are shortened to fit the suffix, so the taken ones are read by the
 * stem every candidate up to "-999999" starts with (an index range, not LIKE).
 */
async function freeSlug(db: DbOrTx, name: string): Promise<string> {
  const base = slugify(name);
  const stem = slugStem(base);
  const taken = new Set(
    (await db.select({ slug: msmes.slug }).from(msmes).where(and(gte(msmes.slug, stem), lt(msmes.slug, `${stem}~`)))).map((r) => r.slug),
  );
  for (let n = 1; ; n++) {
    const candidate = slugCandidate(base, n);
    if (!taken.has(candidate)) return candidate;
  }
}

/** A listing's lowest and highest price over its products. */
function priceSpan(items: { priceMin: number; priceMax?: number | null | undefined }[]) {
  if (items.length === 0) return { priceMin: null, priceMax: null };
  return { priceMin: Math.min(...items.map((p) => p.priceMin)), priceMax: Math.max(...items.map((p) => p.priceMax ?? p.priceMin)) };
}

/** How a listing takes orders, as stored (the profile, the owner's form and the review read the same). */
export const shopDetailsOf = (m: Pick<typeof msmes.$inferSelect, 'openingHours' | 'madeToOrder' | 'deliveryArea' | 'minOrder' | 'bulkOrders' | 'mapUrl'>) => ({
  openingHours: m.openingHours,
  madeToOrder: m.madeToOrder,
  deliveryArea: m.deliveryArea,
  minOrder: m.minOrder,
  bulkOrders: m.bulkOrders,
  mapUrl: m.mapUrl,
});

/** The business fields of a registration, as stored on its msmes row. */
export function businessFields(reg: Registration) {
  return {
    name: reg.name,
    description: reg.description,
    category: reg.category,
    kbliCodes: reg.kbliCodes,
    regencyCode: reg.regencyCode,
    districtCode: reg.districtCode,
    address: reg.address ?? null,
    whatsapp: reg.whatsapp,
    email: reg.email ?? null,
    nib: reg.nib ?? null,
    halalNumber: reg.halalNumber ?? null,
    pirtNumber: reg.pirtNumber ?? null,
    openingHours: reg.openingHours ?? null,
    madeToOrder: reg.madeToOrder,
    deliveryArea: reg.deliveryArea ?? null,
    minOrder: reg.minOrder ?? null,
    bulkOrders: reg.bulkOrders,
    mapUrl: reg.mapUrl ?? null,
    ...priceSpan(reg.products),
  };
}

/** The msmes row for a registration: its business fields plus who vouched for it and when. */
export function listingRow(reg: Registration, slug: string, options: NewListingOptions): typeof msmes.$inferInsert {
  const status = options.status ?? 'pending';
  return {
    slug,
    ...businessFields(reg),
    nibVerifiedAt: options.nibVerifiedAt ?? null,
    halalVerifiedAt: options.halalVerifiedAt ?? null,
    status,
    verification: options.verification ?? 'self',
    verifiedAt: options.verifiedAt ?? null,
    isJuara: options.isJuara ?? false,
    isSample: options.isSample ?? false,
    statusTokenHash: options.statusTokenHash,
    registeredBy: options.registeredBy ?? null,
    consentRecord: options.consentRecord ?? null,
    consentAt: options.consentAt ?? options.now,
    cohortId: options.cohortId ?? null,
    importKey: options.importKey ?? null,
    invitedAt: options.invitedAt ?? null,
    createdAt: options.now,
    updatedAt: options.verifiedAt ?? options.now,
    publishedAt: status === 'published' ? options.now : null,
  };
}

/** Store link and product rows of a registration, in the owner's order. */
export function childRows(msmeId: number, reg: Registration, pricesConfirmedAt: Date) {
  return {
    links: reg.storeLinks.map((l, position) => ({ msmeId, platform: l.platform, url: l.url, position })),
    items: reg.products.map((p, position) => ({ msmeId, name: p.name, priceMin: p.priceMin, priceMax: p.priceMax ?? null, unit: p.unit ?? null, url: p.url ?? null, priceConfirmedAt: pricesConfirmedAt, position })),
  };
}

/** Stores a validated registration with its links and products, and audits it, in one transaction. */
export async function createListing(db: Db, reg: Registration, options: NewListingOptions) {
  return db.transaction(async (tx) => {
    const slug = await freeSlug(tx, reg.name);
    const [row] = await tx
      .insert(msmes)
      .values(listingRow(reg, slug, options))
      .returning({ id: msmes.id, slug: msmes.slug, status: msmes.status });
    if (!row) throw new Error('insert returned no row');
    const { links, items } = childRows(row.id, reg, options.now);
    if (links.length > 0) await tx.insert(storeLinks).values(links);
    if (items.length > 0) await tx.insert(products).values(items);
    await tx.insert(auditLog).values({ msmeId: row.id, action: 'register', actor: options.actor, at: options.now, detail: { status: row.status } });
    if (row.status === 'published') await syncSearchIndex(tx, row.id);
    return row;
  });
}

/**
 * A program's rows, in one transaction: each registration stored with its links, products
 * and audit entry, unless a listing with its import key exists already (the same
 * spreadsheet uploaded again): that row is skipped. None of them is public yet.
 */
export async function createImportedListings(db: Db, items: { reg: Registration; options: NewListingOptions & { importKey: string } }[]): Promise<{ created: number; skipped: number }> {
  return db.transaction(async (tx) => {
    let created = 0;
    for (const { reg, options } of items) {
      const [exists] = await tx.select({ id: msmes.id }).from(msmes).where(eq(msmes.importKey, options.importKey));
      if (exists) continue;
      const [row] = await tx.insert(msmes).values(listingRow(reg, await freeSlug(tx, reg.name), options)).returning({ id: msmes.id, status: msmes.status });
      if (!row) throw new Error('insert returned no row');
      const { links, items: goods } = childRows(row.id, reg, options.now);
      if (links.length > 0) await tx.insert(storeLinks).values(links);
      if (goods.length > 0) await tx.insert(products).values(goods);
      await tx.insert(auditLog).values({ msmeId: row.id, action: 'import', actor: options.actor, at: options.now, detail: { status: row.status, cohortId: options.cohortId ?? null } });
      created++;
    }
    return { created, skipped: items.length - created };
  });
}

/** What the owner's status page shows, looked up by the hash of the private token. */
export async function getRegistrationStatus(db: DbOrTx, statusTokenHash: string) {
  const [row] = await db
    .select({
      id: msmes.id,
      slug: msmes.slug,
      name: msmes.name,
      status: msmes.status,
      rejectionReason: msmes.rejectionReason,
      createdAt: msmes.createdAt,
      updatedAt: msmes.updatedAt,
      publishedAt: msmes.publishedAt,
    })
    .from(msmes)
    .where(eq(msmes.statusTokenHash, statusTokenHash));
  return row;
}
