import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { categories, regencies } from '../../src/core/reference.ts';
import { platformIds } from '../../src/core/platforms.ts';
import { listingTags } from '../../src/core/search-tags.ts';
import { specTags, type SearchSpec } from '../../src/core/search.ts';

const regencyCodes = regencies.slice(0, 4).map((r) => r.code);
const categorySlugs = categories.slice(0, 4).map((c) => c.slug);
const someDistrict = (code: string) => regencies.find((r) => r.code === code)!.districts[0]!.code;

const listing = fc.record({
  regencyCode: fc.constantFrom(...regencyCodes),
  category: fc.constantFrom(...categorySlugs),
  kbliCodes: fc.constantFrom([], ['10794'], ['47911', '10710']),
  verified: fc.boolean(),
  halal: fc.boolean(),
  pirt: fc.boolean(),
  juara: fc.boolean(),
  platforms: fc.subarray(platformIds.slice(0, 4)),
  inFirstDistrict: fc.boolean(),
});

const spec = fc.record({
  regency: fc.option(fc.constantFrom(...regencyCodes), { nil: undefined }),
  category: fc.option(fc.constantFrom(...categorySlugs), { nil: undefined }),
  kbli: fc.option(fc.constantFrom('10', '107', '10794', '4791'), { nil: undefined }),
  platform: fc.option(fc.constantFrom(...platformIds.slice(0, 4)), { nil: undefined }),
  verified: fc.boolean(),
  halal: fc.boolean(),
  pirt: fc.boolean(),
  juara: fc.boolean(),
  district: fc.boolean(),
});

describe('filter tokens, composite pairs included', () => {
  it('select exactly the listings that meet every filter (property)', () => {
    fc.assert(
      fc.property(listing, spec, (l, s) => {
        const districtCode = l.inFirstDistrict ? someDistrict(l.regencyCode) : `${l.regencyCode}.99`;
        const tokens = new Set(
          listingTags(
            {
              regencyCode: l.regencyCode,
              districtCode,
              category: l.category,
              kbliCodes: [...l.kbliCodes],
              nibVerifiedAt: l.verified ? new Date() : null,
              halalNumber: l.halal ? 'ID32110000123450123' : null,
              pirtNumber: l.pirt ? '206327301023427' : null,
              isJuara: l.juara,
            },
            l.platforms,
          ).split(' '),
        );
        const wantedDistrict = s.district && s.regency ? someDistrict(s.regency) : undefined;
        const { category, ...rest } = s;
        const searchSpec: SearchSpec = { ...rest, categories: category ? [category] : [], halalVerified: false, district: wantedDistrict, match: '"x"', prefixMatch: '"x"*', q: 'x', page: 1, perPage: 20, after: undefined };
        const selected = specTags(searchSpec).every((t) => tokens.has(t));
        const meets =
          (!s.regency || s.regency === l.regencyCode) &&
          (!wantedDistrict || wantedDistrict === districtCode) &&
          (!s.category || s.category === l.category) &&
          (!s.kbli || l.kbliCodes.some((k) => k.startsWith(s.kbli!))) &&
          (!s.platform || l.platforms.includes(s.platform)) &&
          (!s.verified || l.verified) &&
          (!s.halal || l.halal) &&
          (!s.pirt || l.pirt) &&
          (!s.juara || l.juara);
        expect(selected).toBe(meets);
      }),
      { numRuns: 2000 },
    );
  });

  it('use one composite token for a kabupaten/kota with an attribute, the pair buyers search most', () => {
    const s = { regency: '32.73', verified: true, match: '"x"*', categories: [] as string[] } as SearchSpec;
    expect(specTags(s)).toEqual(['kab3273nibok']);
  });
});
