import { describe, expect, it } from 'vitest';
import { nextStep } from '../../src/lib/owner-status.ts';

const now = new Date('2026-12-02T03:00:00Z');
const listing = (over: Record<string, unknown> = {}) => ({
  listing: { status: 'published', slug: 'keripik-bu-enok', ...over } as never,
  linkProblems: [],
  photos: [{ id: 1 }] as never,
  current: { products: [{ name: 'Keripik' }], pricesConfirmedAt: now } as never,
});

describe("the owner's one next step", () => {
  it('asks for photos first, then old prices, and otherwise to share', () => {
    expect(nextStep({ ...listing(), photos: [] }, '/status/t', now)?.title).toBe('Tambahkan foto produk');
    expect(nextStep({ ...listing(), current: { products: [{ name: 'Keripik' }], pricesConfirmedAt: new Date('2026-01-01') } as never }, '/status/t', now)?.href).toBe('#harga');
    expect(nextStep(listing(), '/status/t', now)?.title).toBe('Bagikan profil usaha Anda');
  });

  it('never asks to confirm prices of a listing without products', () => {
    expect(nextStep({ ...listing(), current: { products: [], pricesConfirmedAt: null } as never }, '/status/t', now)?.title).toBe('Bagikan profil usaha Anda');
  });

  it('says nothing for an invitation or a removed listing, and sends a refused one to the edit page', () => {
    expect(nextStep(listing({ status: 'invited' }), '/status/t', now)).toBeUndefined();
    expect(nextStep(listing({ status: 'removed' }), '/status/t', now)).toBeUndefined();
    expect(nextStep(listing({ status: 'rejected' }), '/status/t', now)?.href).toBe('/status/t/ubah');
  });
});
