import { describe, expect, it } from 'vitest';
import { districtInQuery, placeInQuery } from '../../src/core/query-places.ts';

const codes = (q: string) => placeInQuery(q)?.regencies.map((r) => r.code);

describe('a kabupaten/kota in the words', () => {
  it('is found, and the rest of the words kept for the search', () => {
    expect(placeInQuery('kopi garut')).toMatchObject({ rest: 'kopi', typed: 'garut' });
    expect(codes('kopi garut')).toEqual(['32.05']);
    expect(placeInQuery('Keripik Pangandaran pedas')?.rest).toBe('keripik pedas');
  });

  it('offers both when a kota and a kabupaten share the name, unless "kota" or "kabupaten" says which', () => {
    expect(codes('batik cirebon')?.sort()).toEqual(['32.09', '32.74']);
    expect(codes('keripik kota bandung')).toEqual(['32.73']);
    expect(placeInQuery('keripik kota bandung')?.rest).toBe('keripik');
    expect(codes('kab bogor talas')).toEqual(['32.01']);
    expect(codes('kabupaten tasikmalaya')).toEqual(['32.06']);
  });

  it('takes the longest name', () => {
    expect(codes('tahu bandung barat')).toEqual(['32.17']);
    expect(placeInQuery('tahu bandung barat')?.rest).toBe('tahu');
  });

  it('is nothing when no kabupaten/kota is named', () => {
    expect(placeInQuery('keripik singkong')).toBeUndefined();
    expect(placeInQuery('')).toBeUndefined();
  });
});

describe('a kecamatan in the words', () => {
  it('is found with its kabupaten/kota, and the rest kept', () => {
    expect(districtInQuery('surabi cibiru')).toMatchObject({ rest: 'surabi', typed: 'cibiru', districts: [{ code: '32.73.25', regencyCode: '32.73' }] });
    expect(districtInQuery('batik kec sumur bandung')?.districts.map((d) => d.code)).toEqual(['32.73.19']);
    expect(districtInQuery('batik kec sumur bandung')?.rest).toBe('batik');
  });

  it('offers every kecamatan of that name', () => {
    expect(districtInQuery('kopi sukaraja')?.districts.map((d) => d.regencyCode).sort()).toEqual(['32.01', '32.02', '32.06']);
    // "pedes" is how pedas is written before it is a kecamatan of Karawang.
    expect(districtInQuery('kripik pedes')).toBeUndefined();
    expect(districtInQuery('kripik kec pedes')?.districts.map((d) => d.name)).toEqual(['Pedes']);
    expect(districtInQuery('keripik singkong')).toBeUndefined();
  });
});
