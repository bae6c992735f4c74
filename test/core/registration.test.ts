import { describe, expect, it } from 'vitest';
import { registrationSchema } from '../../src/core/registration.ts';
import { formToObject, toFieldErrors } from '../../src/core/validation.ts';
import { sampleListing } from '../../db/seed/generator.ts';
import { validRegistration } from '../helpers.ts';

describe('registrationSchema', () => {
  it('normalises a good registration', () => {
    const r = registrationSchema.parse(validRegistration({ name: '  Keripik   Tempe  ', kbliCodes: '10794, 10794 47911' as never }));
    expect(r.name).toBe('Keripik Tempe');
    expect(r.kbliCodes).toEqual(['10794', '47911']);
    expect(r.whatsapp).toBe('+6281234567890');
    expect(r.products[0]).toEqual({ name: 'Keripik tempe original 250 g', priceMin: 15000, priceMax: 25000 });
  });

  it('keeps each store link error at its own box and skips blank boxes', () => {
    const result = registrationSchema.safeParse(validRegistration({ storeLinks: ['https://www.tokopedia.com/toko', '', 'http://shopee.co.id/toko'] }));
    expect(result.success).toBe(false);
    if (!result.success) expect(toFieldErrors(result.error).map((e) => e.path)).toEqual(['storeLinks.2']);
  });

  it('refuses a kecamatan of another kabupaten/kota', () => {
    const result = registrationSchema.safeParse(validRegistration({ regencyCode: '32.73', districtCode: '32.01.01' }));
    expect(result.success).toBe(false);
    if (!result.success) expect(toFieldErrors(result.error)).toEqual([{ path: 'districtCode', message: expect.stringContaining('kecamatan') }]);
  });

  it('names every unknown field, such as a NIK nobody should send', () => {
    const result = registrationSchema.safeParse({ ...validRegistration(), nik: '3273010101900001', owner: 'x' });
    expect(result.success).toBe(false);
    if (!result.success) expect(toFieldErrors(result.error).map((e) => e.path)).toEqual(['nik', 'owner']);
  });

  it('accepts every generated sample listing, so sample data is valid data', () => {
    for (let i = 0; i < 500; i++) {
      const { registration } = sampleListing(i);
      const input = { ...registration, storeLinks: registration.storeLinks.map((l) => l.url) };
      const result = registrationSchema.safeParse(input);
      expect(result.success, `${i}: ${result.success ? '' : JSON.stringify(toFieldErrors(result.error))}`).toBe(true);
      if (result.success) expect(result.data.storeLinks).toEqual(registration.storeLinks);
    }
  });
});

describe('formToObject', () => {
  it('nests dotted names and keeps array positions', () => {
    expect(formToObject([['name', 'A'], ['storeLinks.1', 'b'], ['products.0.name', 'Kopi'], ['products.0.priceMin', '5000']])).toEqual({
      name: 'A',
      storeLinks: [undefined, 'b'],
      products: [{ name: 'Kopi', priceMin: '5000' }],
    });
  });
  it('ignores prototype-polluting names', () => {
    const out = formToObject([['__proto__.admin', 'yes'], ['constructor.prototype.x', '1']]);
    expect(out).toEqual({});
    expect(({} as Record<string, unknown>)['admin']).toBeUndefined();
  });
});

describe('the kecamatan', () => {
  it('is reported in the first round, with every other mistake', () => {
    const result = registrationSchema.safeParse({ name: '', description: '', category: 'kuliner', regencyCode: '32.73', districtCode: '', whatsapp: '', storeLinks: [''], consent: true });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['name', 'description', 'whatsapp', 'districtCode']));
  });

  it('still takes a kecamatan of the chosen kabupaten/kota and refuses one of another', () => {
    expect(registrationSchema.safeParse(validRegistration({ regencyCode: '32.73', districtCode: '32.73.01' })).success).toBe(true);
    const other = registrationSchema.safeParse(validRegistration({ regencyCode: '32.05', districtCode: '32.73.01' }));
    expect(other.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['districtCode', 'Pilih kecamatan yang ada di kabupaten/kota tersebut.']]);
  });
});
