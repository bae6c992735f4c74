import { sql } from 'drizzle-orm';
import type { ConsentRecord } from '../src/core/consent.ts';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** invited: filled in by a program from its spreadsheet without the owner's consent yet; never public until the owner confirms. */
export const msmeStatuses = ['invited', 'pending', 'published', 'rejected', 'removed'] as const;
export type MsmeStatus = (typeof msmeStatuses)[number];

/** Who vouched for the listing: the owner alone, a program mentor, or staff against documents. */
export const verificationLevels = ['self', 'mentor', 'staff'] as const;
export type VerificationLevel = (typeof verificationLevels)[number];

/**
 * One UMKM (usaha mikro, kecil dan menengah) listing. Business data only: no NIK or
 * other personal identity number is ever stored. Regions are Kemendagri codes.
 */
export const msmes = sqliteTable(
  'msmes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    category: text('category').notNull(),
    kbliCodes: text('kbli_codes', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    /** KBLI edition of kbliCodes: OSS moves from KBLI 2020 to KBLI 2025. */
    kbliEdition: text('kbli_edition').notNull().default('2020'),
    regencyCode: text('regency_code').notNull(),
    districtCode: text('district_code').notNull(),
    /** Shown only when the owner gives it; otherwise the profile shows the kecamatan. */
    address: text('address'),
    whatsapp: text('whatsapp').notNull(),
    email: text('email'),
    nib: text('nib'),
    nibVerifiedAt: integer('nib_verified_at', { mode: 'timestamp_ms' }),
    halalNumber: text('halal_number'),
    /** When staff matched the halal certificate against BPJPH's register; null while it is only the owner's word. */
    halalVerifiedAt: integer('halal_verified_at', { mode: 'timestamp_ms' }),
    /** The platforms it has a store on, comma-separated ("shopee,tokopedia"): kept from store_links by triggers (migration 0017) for the filter counts. */
    platforms: text('platforms').notNull().default(''),
    pirtNumber: text('pirt_number'),
    /** When the shop is open, as the owner writes it ("Senin-Sabtu 08.00-17.00"). */
    openingHours: text('opening_hours'),
    /** Made to order rather than kept in stock ("sesuai pesanan"). */
    madeToOrder: integer('made_to_order', { mode: 'boolean' }).notNull().default(false),
    /** Where it delivers ("Kota Bandung; ke luar kota lewat ekspedisi"). */
    deliveryArea: text('delivery_area'),
    /** The smallest order, as the owner writes it ("minimal 10 bungkus"). */
    minOrder: text('min_order'),
    /** Takes large orders (for shops, offices, government buyers). */
    bulkOrders: integer('bulk_orders', { mode: 'boolean' }).notNull().default(false),
    /** A plain link to the shop on Google Maps or OpenStreetMap (src/core/map-link.ts): no map scripts. */
    mapUrl: text('map_url'),
    /** Lowest and highest product price, kept with the listing so search summaries need no join. */
    priceMin: integer('price_min'),
    priceMax: integer('price_max'),
    status: text('status', { enum: msmeStatuses }).notNull().default('pending'),
    rejectionReason: text('rejection_reason'),
    verification: text('verification', { enum: verificationLevels }).notNull().default('self'),
    verifiedAt: integer('verified_at', { mode: 'timestamp_ms' }),
    isJuara: integer('is_juara', { mode: 'boolean' }).notNull().default(false),
    /** Generated sample data: the site says so while any is loaded. */
    isSample: integer('is_sample', { mode: 'boolean' }).notNull().default(false),
    /** SHA-256 of the private status token; the token itself is never stored. */
    statusTokenHash: text('status_token_hash').notNull(),
    consentAt: integer('consent_at', { mode: 'timestamp_ms' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
    /** Bumped on every change, for optimistic concurrency. */
    version: integer('version').notNull().default(1),
    /** The mentor (staff id) who registered the business on the owner's behalf, if one did. */
    registeredBy: integer('registered_by'),
    /** How the owner consented when a mentor registered for them: who, when, how. */
    consentRecord: text('consent_record', { mode: 'json' }).$type<ConsentRecord>(),
    /** The program cohort ("UMKM Juara 2026") the listing came in with, if any. */
    cohortId: integer('cohort_id'),
    /** A cohort row's identity (WhatsApp and name, normalised), so the same spreadsheet imported twice creates nothing new. */
    importKey: text('import_key'),
    /** When a program's import invited the owner, and when the owner confirmed the data filled in for them. */
    invitedAt: integer('invited_at', { mode: 'timestamp_ms' }),
    confirmedAt: integer('confirmed_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('msmes_slug_unique').on(t.slug),
    index('msmes_registered_by_idx').on(t.registeredBy, t.createdAt),
    uniqueIndex('msmes_status_token_unique').on(t.statusTokenHash),
    index('msmes_status_published_idx').on(t.status, t.publishedAt),
    // Whether any sample listing is public (every page then says so): one seek, whatever the size.
    index('msmes_sample_idx').on(t.id).where(sql`${t.isSample} = 1 AND ${t.status} = 'published'`),
    // The browse order: verified first, then newest.
    index('msmes_browse_idx').on(t.status, sql`(${t.nibVerifiedAt} IS NOT NULL)`, t.publishedAt, t.id),
    // The same order within a category, a kabupaten/kota or a kecamatan: their pages (and
    // keyset pagination, `after`) seek inside their own listings at any depth. The trailing
    // columns cover a filtered browse's summary (count, verified, price span) and the other
    // common filter, so a category in a kabupaten/kota is counted from the index alone
    // (141 ms -> 4 ms for a category with a verified NIB at a million listings).
    index('msmes_browse_category_idx').on(t.status, t.category, sql`(${t.nibVerifiedAt} IS NOT NULL)`, t.publishedAt, t.id, t.regencyCode, t.nibVerifiedAt, t.priceMin, t.priceMax),
    index('msmes_browse_regency_idx').on(t.status, t.regencyCode, sql`(${t.nibVerifiedAt} IS NOT NULL)`, t.publishedAt, t.id, t.category, t.nibVerifiedAt, t.priceMin, t.priceMax),
    index('msmes_browse_district_idx').on(t.status, t.districtCode, sql`(${t.nibVerifiedAt} IS NOT NULL)`, t.publishedAt, t.id, t.category, t.nibVerifiedAt, t.priceMin, t.priceMax),
    // Covering index for search summaries: verified count and price span per matched id, without reading whole rows.
    index('msmes_summary_idx').on(t.id, t.nibVerifiedAt, t.priceMin, t.priceMax),
    // Filter counts of a keyword search (db/queries/facets.ts): its matches by id, from the index alone.
    index('msmes_facet_idx').on(t.id, t.status, t.category, t.regencyCode, t.districtCode, t.nibVerifiedAt, t.halalNumber, t.platforms),
    index('msmes_nib_idx').on(t.nib),
    uniqueIndex('msmes_import_key_unique').on(t.importKey),
    index('msmes_cohort_idx').on(t.cohortId, t.status),
    index('msmes_whatsapp_idx').on(t.whatsapp),
  ],
);

/** What the link checker found at a store link (src/core/link-health.ts). */
export const linkStates = ['ok', 'moved', 'suspect', 'gone', 'unknown'] as const;
export type LinkState = (typeof linkStates)[number];

/** Marketplace and social store links, canonical URL per platform. */
export const storeLinks = sqliteTable(
  'store_links',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    msmeId: integer('msme_id')
      .notNull()
      .references(() => msmes.id, { onDelete: 'cascade' }),
    platform: text('platform').notNull(),
    url: text('url').notNull(),
    position: integer('position').notNull(),
    /** When the link checker (functions/services/link-checker.ts) last visited it. */
    checkedAt: integer('checked_at', { mode: 'timestamp_ms' }),
    /** What that visit found (src/core/link-health.ts); null until the first visit. */
    checkState: text('check_state', { enum: linkStates }),
    /** The HTTP status or what went wrong ("timeout", "redirect-loop", …). */
    checkDetail: text('check_detail'),
    /** The first visit of an unbroken run of 404/410 answers; gone when seen again 7 days later. */
    failingSince: integer('failing_since', { mode: 'timestamp_ms' }),
    /** Where the shop moved within its platform: staff take it as the link after review. */
    movedTo: text('moved_to'),
    /** When the checker is due here (ms); 0 for new and changed links, which go first. */
    nextCheckAt: integer('next_check_at').notNull().default(0),
  },
  (t) => [
    uniqueIndex('store_links_msme_url_unique').on(t.msmeId, t.url),
    index('store_links_next_check_idx').on(t.nextCheckAt),
    index('store_links_check_state_idx').on(t.checkState, t.checkedAt).where(sql`${t.checkState} IN ('moved', 'suspect', 'gone')`),
    index('store_links_platform_idx').on(t.platform, t.msmeId),
    // A listing's platforms from the index alone: the filter-count triggers and their refill (migration 0017).
    index('store_links_msme_platform_idx').on(t.msmeId, t.platform),
  ],
);

/** Products with a price range in whole Rupiah. */
export const products = sqliteTable(
  'products',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    msmeId: integer('msme_id')
      .notNull()
      .references(() => msmes.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    priceMin: integer('price_min').notNull(),
    priceMax: integer('price_max'),
    /** The unit or pack the price is for, as the owner writes it: "250 g", "isi 10", "per kg". */
    unit: text('unit'),
    /** A direct link to this product on a marketplace (src/core/store-link.ts normaliseProductLink), if the owner gave one. */
    url: text('url'),
    /** When the owner last said the price holds (registration, a change, or one tap on the status page). */
    priceConfirmedAt: integer('price_confirmed_at', { mode: 'timestamp_ms' }),
    position: integer('position').notNull(),
  },
  (t) => [index('products_msme_idx').on(t.msmeId)],
);

export const revisionStatuses = ['pending', 'approved', 'rejected', 'superseded'] as const;

/**
 * An owner's edit of a published listing, waiting for review. The published profile stays
 * as it is until staff approve; a newer edit supersedes an older pending one.
 */
export const msmeRevisions = sqliteTable(
  'msme_revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    msmeId: integer('msme_id')
      .notNull()
      .references(() => msmes.id, { onDelete: 'cascade' }),
    /** The validated registration as the owner sent it. */
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    baseVersion: integer('base_version').notNull(),
    status: text('status', { enum: revisionStatuses }).notNull().default('pending'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    reviewedAt: integer('reviewed_at', { mode: 'timestamp_ms' }),
    reviewer: text('reviewer'),
    reason: text('reason'),
  },
  (t) => [index('msme_revisions_msme_idx').on(t.msmeId, t.status)],
);

export const reportReasons = ['data-salah', 'tutup', 'tautan-mati', 'bukan-usaha-saya', 'lainnya'] as const;

/** A problem reported by anyone on a public profile; it waits in the staff queue. */
export const msmeReports = sqliteTable(
  'msme_reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    msmeId: integer('msme_id')
      .notNull()
      .references(() => msmes.id, { onDelete: 'cascade' }),
    reason: text('reason', { enum: reportReasons }).notNull(),
    message: text('message'),
    /** How staff may reach the reporter, only if they chose to give it; never published. */
    contact: text('contact'),
    status: text('status', { enum: ['open', 'closed'] }).notNull().default('open'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('msme_reports_status_idx').on(t.status, t.createdAt)],
);

/**
 * Every change to a listing. Not tied to msmes by a foreign key, so the record of a
 * removed listing (a tombstone) outlives its data.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    msmeId: integer('msme_id').notNull(),
    action: text('action').notNull(),
    actor: text('actor').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_log_msme_idx').on(t.msmeId, t.at)],
);

/**
 * Staff roles: administrators manage the staff accounts (and may do all a reviewer does);
 * reviewers moderate the directory; mentors (UMKM Juara) register businesses for their owners.
 */
export const staffRoles = ['admin', 'reviewer', 'mentor'] as const;
export type StaffRole = (typeof staffRoles)[number];

/** A Dinas KUMKM staff account. The password is kept only as a PBKDF2 hash. */
export const staff = sqliteTable(
  'staff',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: staffRoles }).notNull(),
    passwordHash: text('password_hash').notNull(),
    /** Failed sign-ins since the last success; past a threshold the account waits (lockedUntil). */
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: integer('locked_until', { mode: 'timestamp_ms' }),
    /** A disabled account cannot sign in, and its sessions end at once. */
    disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
    /** A one-time link to set the password (a new account, or a reset by an administrator): its SHA-256, and until when it works. */
    passwordLinkHash: text('password_link_hash'),
    passwordLinkExpires: integer('password_link_expires', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('staff_username_unique').on(t.username)],
);

/** A signed-in staff session. The cookie holds a random token; only its SHA-256 is stored. */
export const staffSessions = sqliteTable(
  'staff_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    staffId: integer('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    /** Sent back with every form of the session (synchroniser token), besides the Origin check. */
    csrfToken: text('csrf_token').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    /** Last request; a session idle for longer than SESSION_IDLE_MINUTES ends. */
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull().default(sql`0`),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('staff_sessions_staff_idx').on(t.staffId)],
);

/**
 * Published listings per category and kabupaten/kota (and how many with a verified NIB),
 * kept by triggers on msmes (migration 0014): the home page's counts and the directory
 * pages' facets read 405 rows instead of counting a million.
 */
export const listingCounts = sqliteTable(
  'listing_counts',
  {
    category: text('category').notNull(),
    regencyCode: text('regency_code').notNull(),
    published: integer('published').notNull().default(0),
    verified: integer('verified').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.category, t.regencyCode] })],
);

/**
 * Published listings per category, kecamatan, verified NIB and halal certificate, and per
 * platform they sell on (platform '' counts the listings themselves), kept by triggers on
 * msmes and store_links (migration 0017): the filter counts of a category, kabupaten/kota
 * or search page without keywords add up a few hundred of these rows instead of counting
 * a million listings (db/queries/facets.ts).
 */
export const facetCounts = sqliteTable(
  'facet_counts',
  {
    platform: text('platform').notNull(),
    category: text('category').notNull(),
    regencyCode: text('regency_code').notNull(),
    districtCode: text('district_code').notNull(),
    verified: integer('verified').notNull(),
    halal: integer('halal').notNull(),
    n: integer('n').notNull().default(0),
  },
  // Kecamatan second: the rows of whole kabupaten/kota (kecamatan '') and those of one
  // kabupaten/kota's kecamatan (a range of codes) each lie together.
  (t) => [primaryKey({ columns: [t.platform, t.districtCode, t.category, t.regencyCode, t.verified, t.halal] })],
);

/**
 * Published listings per kecamatan and month of publication (Asia/Jakarta): how many, how
 * many on a marketplace, with a verified NIB, in UMKM Juara. Kept by triggers on msmes
 * (migration 0020), so /statistik sums some thousand rows instead of counting a million.
 */
export const statsMonthly = sqliteTable(
  'stats_monthly',
  {
    regencyCode: text('regency_code').notNull(),
    districtCode: text('district_code').notNull(),
    month: text('month').notNull(),
    published: integer('published').notNull().default(0),
    marketplace: integer('marketplace').notNull().default(0),
    verified: integer('verified').notNull().default(0),
    juara: integer('juara').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.regencyCode, t.districtCode, t.month] })],
);

/** One run of the store-link checker, with the state of every link when it ended (for /statistik). */
export const linkCheckRuns = sqliteTable('link_check_runs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
  finishedAt: integer('finished_at', { mode: 'timestamp_ms' }).notNull(),
  /** Links visited in this run, and what they were found to be. */
  visited: integer('visited').notNull(),
  found: text('found', { mode: 'json' }).$type<Partial<Record<LinkState, number>>>().notNull(),
  /** Links of published listings when it ended; of those, checked in the last 90 days, and found ok or moved then. */
  totalLinks: integer('total_links').notNull(),
  checkedLinks: integer('checked_links').notNull(),
  aliveLinks: integer('alive_links').notNull(),
});

/** A program's intake ("UMKM Juara 2026"): the listings it imported or registered, followed on /admin/kohort. */
export const cohorts = sqliteTable(
  'cohorts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    createdBy: integer('created_by').notNull(),
  },
  (t) => [uniqueIndex('cohorts_name_unique').on(t.name)],
);

export const importStatuses = ['checked', 'committed'] as const;

/**
 * One uploaded spreadsheet: checked (the dry run's report and the rows it would create,
 * kept so the commit needs no second upload) and then committed.
 */
export const importBatches = sqliteTable(
  'import_batches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    cohortName: text('cohort_name').notNull(),
    staffId: integer('staff_id').notNull(),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    status: text('status', { enum: importStatuses }).notNull().default('checked'),
    /** The rows that passed, as they will be stored (JSON), and the dry run's findings. */
    rows: text('rows', { mode: 'json' }).$type<unknown[]>().notNull(),
    report: text('report', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** Rows stored so far (a commit goes in steps of some hundred) and rows skipped as already imported. */
    done: integer('done').notNull().default(0),
    created: integer('created').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    committedAt: integer('committed_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('import_batches_staff_idx').on(t.staffId, t.createdAt)],
);

/** Values the portal makes for itself once (the secret that invitation links are derived from). */
export const appSettings = sqliteTable('app_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Every change to a staff account: who did it (a username, or the command line), to whom, when. */
export const staffAudit = sqliteTable(
  'staff_audit',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    target: text('target').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [index('staff_audit_at_idx').on(t.at)],
);

/** Where a photo stands: waiting for staff, or on the public profile. A refused or removed photo is deleted with its files. */
export const photoStatuses = ['pending', 'published'] as const;

/**
 * A listing's photos (products, shop front, logo). The files live in the FileStore as
 * `<fileKey>-<width>.webp`, `-thumb.webp` and `-og.jpg` (functions/photo-process.ts); the
 * row says what they show and whether staff have let them onto the public profile.
 */
export const msmePhotos = sqliteTable(
  'msme_photos',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    msmeId: integer('msme_id')
      .notNull()
      .references(() => msmes.id, { onDelete: 'cascade' }),
    /** "foto/<msme id>/<random>": unguessable, so a photo waiting for review is not found by counting. */
    fileKey: text('file_key').notNull(),
    kind: text('kind', { enum: ['produk', 'toko', 'logo'] }).notNull(),
    caption: text('caption'),
    /** The largest stored size. */
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    /** The stored WebP widths, "400,800,1600". */
    widths: text('widths').notNull(),
    /** All its stored files together. */
    bytes: integer('bytes').notNull(),
    position: integer('position').notNull(),
    status: text('status', { enum: photoStatuses }).notNull().default('pending'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    reviewedAt: integer('reviewed_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('msme_photos_file_key_unique').on(t.fileKey),
    index('msme_photos_msme_idx').on(t.msmeId, t.status, t.position),
    index('msme_photos_pending_idx').on(t.status, t.createdAt).where(sql`${t.status} = 'pending'`),
  ],
);
