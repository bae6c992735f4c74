import { describe, expect, it } from 'vitest';
import { facetView, filterParams, noFilters, readFilters, writeFilters } from '../../src/lib/facets.ts';

const counts = { categories: new Map([['kuliner', 3]]), regencies: new Map(), districts: new Map([['32.73.02', 2]]), verified: 1, halal: 0, platforms: new Map([['shopee', 2]]), atLeast: false };

describe('page filters in the address', () => {
  it('read several categories (repeated or comma-separated), ticked boxes and places, and write them back the same', () => {
    const filters = readFilters(new URLSearchParams('kategori=kuliner&kategori=oleh-oleh,fesyen&wilayah=32.73&kecamatan=32.73.02&nib=1&halal=0&platform=shopee&utm_source=wa'));
    expect(filters).toEqual({ kategori: ['kuliner', 'oleh-oleh', 'fesyen'], wilayah: '32.73', kecamatan: '32.73.02', nib: true, halal: false, platform: 'shopee' });
    expect(writeFilters(filters).toString()).toBe('kategori=kuliner&kategori=oleh-oleh&kategori=fesyen&wilayah=32.73&kecamatan=32.73.02&nib=1&platform=shopee');
    expect(filterParams(filters).toString()).toBe('category=kuliner%2Coleh-oleh%2Cfesyen&regency=32.73&district=32.73.02&verified=1&platform=shopee');
    expect(writeFilters(noFilters).size).toBe(0);
  });

  it('make each chosen filter a chip whose link drops only it, and one link that drops them all', () => {
    const filters = readFilters(new URLSearchParams('kategori=kuliner&wilayah=32.73&kecamatan=32.73.02&nib=1'));
    const view = facetView(filters, counts, (f) => `/cari/?${writeFilters(f, new URLSearchParams({ q: 'kopi' }))}`, { keep: [['q', 'kopi']] });
    expect(view.chips.map((c) => [c.label, c.href])).toEqual([
      ['Kuliner', '/cari/?q=kopi&wilayah=32.73&kecamatan=32.73.02&nib=1'],
      ['Kota Bandung', '/cari/?q=kopi&kategori=kuliner&nib=1'],
      ['Kecamatan Coblong', '/cari/?q=kopi&kategori=kuliner&wilayah=32.73&nib=1'],
      ['NIB terverifikasi', '/cari/?q=kopi&kategori=kuliner&wilayah=32.73&kecamatan=32.73.02'],
    ]);
    expect(view.clearAll).toBe('/cari/?q=kopi');
    // A chosen kabupaten/kota is narrowed by its kecamatan, and carried by the form.
    expect(view.regencies).toBeUndefined();
    expect(view.districts?.find((d) => d.value === '32.73.02')).toMatchObject({ count: 2, chosen: true });
    expect(view.keep).toEqual([['q', 'kopi'], ['wilayah', '32.73']]);
  });

  it('leave out the filter a page is about: no category options or chip on a category page', () => {
    const view = facetView(readFilters(new URLSearchParams('kategori=kuliner&halal=1')), counts, () => '/kategori/kuliner/', { fixed: 'kategori' });
    expect(view.categories).toBeUndefined();
    expect(view.chips.map((c) => c.label)).toEqual(['Bersertifikat halal']);
  });
});
