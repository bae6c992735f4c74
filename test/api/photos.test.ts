import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshApp, json, onEdge, staffBrowser, validRegistration } from '../helpers.ts';
import { createStaff } from '../../db/queries/staff.ts';
import { auditLog, msmePhotos, msmes } from '../../db/schema.ts';
import { approve } from '../../db/queries/review.ts';
import { codec, contains, photoPixels, withExif } from '../photos/fixtures.ts';

// Photos through the API the way a phone without JavaScript (or an integration) sends them:
// one multipart form per photo. Every stored byte is read back over HTTP, so the same test
// proves the folder store on Node and R2 in the Worker (npm run test:edge).
// The pictures are made before the server starts: it runs in this process, and minutes of
// encoding between two requests would leave a kept-alive connection closed under the client.
// A 12-megapixel camera JPEG, held sideways (orientation 6), with its GPS position.
const camera = withExif(await codec.jpeg(photoPixels(4000, 3000), 92), 6);
// The same photo as the page sends it after shrinking it in the phone (1,600 px), EXIF kept by the test.
const shrunkCamera = withExif(await codec.jpeg(photoPixels(1600, 1200), 90), 6);
const jpeg640 = await codec.jpeg(photoPixels(640, 480), 85);
const jpeg400 = await codec.jpeg(photoPixels(400, 300), 85);
const { app, db } = await freshApp();

async function register(name: string) {
  const res = await app.request('/api/registrations', json(validRegistration({ name })));
  expect(res.status).toBe(201);
  const body = (await res.json()) as { slug: string; statusToken: string };
  const [row] = await db.select().from(msmes).where(eq(msmes.slug, body.slug));
  return { ...body, id: row!.id };
}

interface PhotoJson {
  id: number;
  kind: string;
  caption: string | null;
  status: string;
  width: number;
  height: number;
  srcset: string;
  thumbnail: string;
  preview: string;
}

function upload(token: string, bytes: Uint8Array | string, fields: Record<string, string> = {}, type = 'image/jpeg', name = 'foto.jpg') {
  const form = new FormData();
  form.set('photo', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], { type }), name);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return app.request(`/api/registrations/${token}/photos`, { method: 'POST', body: form });
}

const bytesOf = async (path: string) => {
  const res = await app.request(path);
  expect(res.status, path).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
};
const filesOf = (p: PhotoJson) => [...p.srcset.split(', ').map((s) => s.split(' ')[0]!), p.thumbnail, p.preview];

async function expectRefused(res: Response, field: string, words: RegExp) {
  expect(res.status).toBe(422);
  const body = (await res.json()) as { errors: { path: string; message: string }[] };
  expect(body.errors.map((e) => e.path)).toContain(field);
  expect(body.errors.find((e) => e.path === field)!.message).toMatch(words);
}


describe('a phone photo sent to the API', () => {
  it('is stored as new WebP files at most 1,600 px and 250 kB, a thumbnail within 10 kB, turned upright, with no EXIF or GPS left', { timeout: 60_000 }, async () => {
    const { statusToken } = await register('Rengginang Bu Iis');
    expect(contains(camera, 'Exif')).toBe(true);
    expect(camera.length).toBeGreaterThan(1_000_000);
    // A Worker isolate has 128 MB: there a 12 MP photo is refused with how to send it, and the
    // page's shrunk one is what arrives (src/runtime/cloudflare.ts). Node takes the original.
    if (onEdge) await expectRefused(await upload(statusToken, camera), 'photo', /lebih dari 5 megapiksel.*halaman ini/);
    const sent = onEdge ? shrunkCamera : camera;
    const res = await upload(statusToken, sent, { kind: 'produk', caption: 'Rengginang terasi 250 g' });
    expect(res.status).toBe(201);
    const photo = (await res.json()) as PhotoJson;
    // Turned as the camera said: portrait, longest side 1,600.
    expect([photo.width, photo.height]).toEqual([1200, 1600]);
    expect(photo.status).toBe('pending');
    expect(photo.caption).toBe('Rengginang terasi 250 g');
    expect(photo.srcset).toMatch(/-400\.webp 400w, .*-800\.webp 800w, .*-1200\.webp 1200w$/);
    for (const path of filesOf(photo)) {
      const bytes = await bytesOf(path);
      for (const trace of ['Exif', 'PONSEL1', 'GPS']) expect(contains(bytes, trace), `${path} ${trace}`).toBe(false);
      // The GPS degrees (6/1, 54/1) as the EXIF wrote them, in any order of bytes.
      expect(contains(bytes, [0, 0, 0, 54, 0, 0, 0, 1])).toBe(false);
      if (path.endsWith('.webp')) expect(String.fromCharCode(...bytes.subarray(8, 12))).toBe('WEBP');
    }
    const largest = await bytesOf(filesOf(photo)[2]!);
    expect(largest.length).toBeLessThanOrEqual(250 * 1024);
    const decoded = await codec.decode('webp', largest);
    expect([decoded.width, decoded.height]).toEqual([1200, 1600]);
    const thumb = await bytesOf(photo.thumbnail);
    expect(thumb.length).toBeLessThanOrEqual(10 * 1024);
    expect(await codec.decode('webp', thumb)).toMatchObject({ width: 160, height: 160 });
    const preview = await bytesOf(photo.preview);
    expect([preview[0], preview[1]]).toEqual([0xff, 0xd8]);
    expect(await codec.decode('jpeg', preview)).toMatchObject({ width: 1200, height: 630 });
    console.log(`photo: ${onEdge ? '1,600 px' : '12 MP'} camera JPEG ${(sent.length / 1024).toFixed(0)} kB -> 1200x1600 WebP ${(largest.length / 1024).toFixed(1)} kB, thumbnail ${(thumb.length / 1024).toFixed(1)} kB, preview ${(preview.length / 1024).toFixed(1)} kB`);
    // The files serve as images and never as anything else.
    const head = await app.request(photo.thumbnail);
    expect(head.headers.get('content-type')).toBe('image/webp');
    expect(head.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('takes PNG and WebP too, and a JPEG with a page glued after it comes back as pixels only', async () => {
    const { statusToken } = await register('Kerupuk Kulit Pa Ade');
    const png = await pngFile(320, 240);
    expect((await upload(statusToken, png, {}, 'image/png', 'a.png')).status).toBe(201);
    const webp = await codec.webp(photoPixels(500, 400), 80);
    // This one as the whole body, kind and caption in the query (no form: for integrations).
    const raw = await app.request(`/api/registrations/${statusToken}/photos?kind=logo&caption=Logo%20kami`, { method: 'POST', headers: { 'content-type': 'image/webp' }, body: new Uint8Array(webp) });
    expect(raw.status).toBe(201);
    expect(await raw.json()).toMatchObject({ kind: 'logo', caption: 'Logo kami' });
    // A polyglot: a real JPEG whose tail is an HTML page with a script.
    const polyglot = new Uint8Array([...(jpeg640), ...new TextEncoder().encode('<html><script>alert(1)</script></html>')]);
    const res = await upload(statusToken, polyglot, { kind: 'toko' });
    expect(res.status).toBe(201);
    for (const path of filesOf((await res.json()) as PhotoJson)) expect(contains(await bytesOf(path), '<script')).toBe(false);
  });
});

describe('a file that is not a photo we can take', () => {
  it('is refused with a 422 naming the photo field, and nothing is stored', { timeout: 60_000 }, async () => {
    const { statusToken, id } = await register('Sale Pisang Ibu Euis');
    const jpeg = jpeg640;
    const heic = new Uint8Array([0, 0, 0, 24, ...new TextEncoder().encode('ftypheic'), 0, 0, 0, 0, ...new TextEncoder().encode('mif1heic'), ...new Uint8Array(64)]);
    const cases: [string, Uint8Array | string, RegExp][] = [
      ['SVG', '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>', /SVG/],
      ['HEIC from an iPhone', heic, /HEIC.*JPEG/],
      ['truncated JPEG', jpeg.subarray(0, Math.floor(jpeg.length / 2)), /terpotong/],
      ['PNG declaring 30,000 x 30,000 pixels (a decompression bomb)', await bombPng(30_000, 30_000), /megapiksel/],
      ['JPEG declaring 20,000 x 20,000', jpegDeclaring(jpeg, 20_000, 20_000), /megapiksel/],
      ['a text file', 'Daftar harga: kerupuk 10.000', /bukan foto/],
      ['a PDF', '%PDF-1.7\n1 0 obj\n<<>>\nendobj\n', /bukan foto/],
      ['GIF', 'GIF89a\x01\x00\x01\x00\x80\x00\x00', /GIF/],
      ['an empty file field', new Uint8Array(), /pilih berkas foto/],
      ['a photo too small to show', await codec.jpeg(photoPixels(120, 90), 80), /terlalu kecil/],
    ];
    for (const [what, bytes, words] of cases) {
      const res = await upload(statusToken, bytes);
      await expectRefused(res, 'photo', words).catch((error: Error) => {
        throw new Error(`${what}: ${error.message}`);
      });
    }
    await expectRefused(await upload(statusToken, jpeg, { kind: 'selfie' }), 'kind', /Jenis foto/);
    await expectRefused(await upload(statusToken, jpeg, { caption: 'x'.repeat(81) }), 'caption', /Keterangan foto.*80/);
    await expectRefused(await upload(statusToken, jpeg, { caption: '<b>promo</b>' }), 'caption', /Keterangan foto/);
    // Not a form at all.
    const asJson = await app.request(`/api/registrations/${statusToken}/photos`, json({ photo: 'data:image/jpeg;base64,AAAA' }));
    expect(asJson.status).toBe(415);
    expect(((await asJson.json()) as { detail: string }).detail).toMatch(/multipart/);
    const asText = await app.request(`/api/registrations/${statusToken}/photos`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'foto' });
    expect(asText.status).toBe(415);
    // The file as the body (image/*) is read like a form's file: an SVG sent as image/jpeg is still an SVG.
    await expectRefused(await app.request(`/api/registrations/${statusToken}/photos?kind=produk`, { method: 'POST', headers: { 'content-type': 'image/jpeg' }, body: '<svg xmlns="http://www.w3.org/2000/svg"/>' }), 'photo', /SVG/);
    await expectRefused(await app.request(`/api/registrations/${statusToken}/photos?kind=selfie`, { method: 'POST', headers: { 'content-type': 'image/jpeg' }, body: new Uint8Array(jpeg) }), 'kind', /Jenis foto/);
    expect(await db.select().from(msmePhotos).where(eq(msmePhotos.msmeId, id))).toEqual([]);
    const status = (await (await app.request(`/api/registrations/${statusToken}`)).json()) as { photos: unknown[] };
    expect(status.photos).toEqual([]);
  });

  it('over 15 MB is refused while it arrives (413), and an unknown link is a 404', async () => {
    const { statusToken } = await register('Opak Ketan Mang Odon');
    const big = new Uint8Array(16 * 1024 * 1024);
    big.set(jpeg640);
    const res = await upload(statusToken, big).catch((error: Error) => error);
    if (res instanceof Response) expect(res.status).toBe(413);
    else {
      // wrangler's local proxy may reset a refused upload it is still receiving (Node answers
      // the 413); either way the body was refused while it arrived and nothing is stored.
      expect(onEdge).toBe(true);
      expect(String((res.cause as { code?: string } | undefined)?.code)).toMatch(/ECONNRESET|EPIPE/);
    }
    const after = (await (await app.request(`/api/registrations/${statusToken}`)).json()) as { photos: unknown[] };
    expect(after.photos).toEqual([]);
    expect((await upload('x'.repeat(43), jpeg640)).status).toBe(404);
  });
});

describe('eight photos, review, removal and erasure', () => {
  it('keeps at most eight; a ninth is a 422 naming the limit', { timeout: 60_000 }, async () => {
    const { statusToken } = await register('Batik Tulis Lasem Jabar');
    const jpeg = jpeg400;
    for (let i = 0; i < 8; i++) expect((await upload(statusToken, jpeg)).status).toBe(201);
    await expectRefused(await upload(statusToken, jpeg), 'photo', /paling banyak 8 foto/);
  });

  it('waits for review, goes public with the approval, and an owner removal deletes its files', async () => {
    const { statusToken, id, slug } = await register('Tahu Sumedang Haji Ahim');
    const photo = (await (await upload(statusToken, jpeg640, { caption: 'Tahu isi 10' })).json()) as PhotoJson;
    // Not on the public profile until staff approve.
    const [row] = await db.select().from(msmes).where(eq(msmes.id, id));
    await approve(db, { id, version: row!.version, actor: 'staf:uji', now: new Date() });
    const [after] = await db.select().from(msmePhotos).where(eq(msmePhotos.id, photo.id));
    expect(after!.status).toBe('published');
    expect((await db.select().from(auditLog).where(eq(auditLog.msmeId, id))).map((a) => a.action)).toEqual(expect.arrayContaining(['photo-add', 'approve']));
    const profile = await (await app.request(`/umkm/${slug}/`)).text();
    expect(profile).toContain(photo.srcset.split(' ')[0]);

    // A second photo on the published listing waits on its own.
    const second = (await (await upload(statusToken, jpeg640)).json()) as PhotoJson;
    expect(second.status).toBe('pending');
    expect(await (await app.request(`/umkm/${slug}/`)).text()).not.toContain(second.thumbnail);

    // The owner removes the first: its row and every file go.
    const del = await app.request(`/api/registrations/${statusToken}/photos/${photo.id}`, { method: 'DELETE' });
    expect(del.status).toBe(200);
    for (const path of filesOf(photo)) expect((await app.request(path)).status).toBe(404);
    expect((await app.request(`/api/registrations/${statusToken}/photos/${photo.id}`, { method: 'DELETE' })).status).toBe(404);

    // Erasure of the whole listing takes the rest.
    expect((await app.request(`/api/registrations/${statusToken}`, { method: 'DELETE' })).status).toBe(200);
    for (const path of filesOf(second)) expect((await app.request(path)).status).toBe(404);
    expect(await db.select().from(msmePhotos).where(eq(msmePhotos.msmeId, id))).toEqual([]);
  });
});

/** A real PNG, encoded by hand around the png decoder's needs: stored (uncompressed) deflate blocks. */
async function pngFile(width: number, height: number): Promise<Uint8Array> {
  const px = photoPixels(width, height);
  const raw = new Uint8Array((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) raw.set(px.data.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  const { zlibSync } = await import('fflate');
  return pngOf(width, height, zlibSync(raw));
}

/** A PNG that declares a huge size over a few bytes of data. */
async function bombPng(width: number, height: number): Promise<Uint8Array> {
  const { zlibSync } = await import('fflate');
  return pngOf(width, height, zlibSync(new Uint8Array(1024)));
}

function pngOf(width: number, height: number, idat: Uint8Array): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, data.length);
    out.set(new TextEncoder().encode(type), 4);
    out.set(data, 8);
    view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
    return out;
  };
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const parts = [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', new Uint8Array())];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) (out.set(p, o), (o += p.length));
  return out;
}

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** The JPEG with its frame header changed to declare another size. */
function jpegDeclaring(jpeg: Uint8Array, width: number, height: number): Uint8Array {
  const out = jpeg.slice();
  for (let i = 2; i < out.length; ) {
    const marker = out[i + 1]!;
    const length = (out[i + 2]! << 8) | out[i + 3]!;
    if (marker >= 0xc0 && marker <= 0xc2) {
      out.set([height >> 8, height & 255, width >> 8, width & 255], i + 5);
      return out;
    }
    i += 2 + length;
  }
  throw new Error('no frame header');
}

describe('the owner\'s private page without JavaScript', () => {
  const multipart = (fields: Record<string, string>, files: Uint8Array[]) => {
    const form = new FormData();
    for (const file of files) form.append('photo', new Blob([new Uint8Array(file)], { type: 'image/jpeg' }), 'foto.jpg');
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    return { method: 'POST', body: form } as RequestInit;
  };

  it('sends two photos in one form, lists them as waiting, and removes one', async () => {
    const { statusToken } = await register('Wajit Cililin Ceu Entin');
    const page = await (await app.request(`/status/${statusToken}`)).text();
    expect(page).toContain(`action="/status/${statusToken}/foto"`);
    expect(page).toContain('enctype="multipart/form-data"');
    expect(page).toMatch(/<input id="f-photo" type="file" name="photo"[^>]*multiple/);
    const res = await app.request(`/status/${statusToken}/foto`, multipart({ kind: 'produk', caption: 'Wajit isi 20' }, [jpeg640, jpeg400]));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/status/${statusToken}?foto=1#foto`);
    const after = await (await app.request(`/status/${statusToken}?foto=1`)).text();
    expect(after).toContain('Foto usaha (2 dari 8)');
    expect(after.match(/Menunggu pemeriksaan petugas/g)).toHaveLength(2);
    expect(after).toContain('Foto tersimpan.');
    const id = /name="photo" value="(\d+)"/.exec(after)?.[1];
    const removed = await app.request(`/status/${statusToken}/foto-hapus`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ photo: id! }) });
    expect(removed.status).toBe(303);
    expect(await (await app.request(`/status/${statusToken}`)).text()).toContain('Foto usaha (1 dari 8)');
  });

  it('shows a refused file beside the file field with status 422, keeping what came before it', async () => {
    const { statusToken } = await register('Ranginang Ibu Nining');
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    const res = await app.request(`/status/${statusToken}/foto`, multipart({}, [jpeg400, svg]));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/<p class="field-error" id="f-photo-error">Foto: berkas SVG tidak diterima\. Kirim foto JPEG, PNG atau WebP\. 1 foto sebelumnya sudah tersimpan\.<\/p>/);
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('Foto usaha (1 dari 8)');
    const empty = await app.request(`/status/${statusToken}/foto`, multipart({ kind: 'produk' }, []));
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('Foto: pilih berkas foto');
  });
});

describe('the reviewer', () => {
  it('finds new photos of a published listing in the queue, removes one, approves the rest', async () => {
    await createStaff(db, { username: 'rina', displayName: 'Rina Wulandari', role: 'reviewer', password: 'kata-sandi-foto-123' }, new Date());
    const staff = await staffBrowser(app, 'rina', 'kata-sandi-foto-123');
    const { statusToken, id, slug } = await register('Peuyeum Bandung Mang Dadang');
    const [row] = await db.select().from(msmes).where(eq(msmes.id, id));
    await approve(db, { id, version: row!.version, actor: 'staf:uji', now: new Date() });
    // Captioned with its product's name: it shows beside that product too.
    const good = (await (await upload(statusToken, jpeg640, { caption: 'Keripik tempe original 250 g, renyah' })).json()) as PhotoJson;
    const bad = (await (await upload(statusToken, jpeg400, { caption: 'Foto KTP' })).json()) as PhotoJson;

    const queue = await (await staff.get('/admin/antrean?jenis=foto')).text();
    expect(queue).toContain('Peuyeum Bandung Mang Dadang');
    expect(queue).toContain('Foto baru');
    const item = await (await staff.get(`/admin/umkm/${id}`)).text();
    expect(item).toContain('Foto (2, 2 baru)');
    expect(item).toContain('Setujui 2 foto baru');
    const version = /name="version" value="(\d+)"/.exec(item)![1]!;

    const removed = await staff.post(`/admin/umkm/${id}/hapus-foto`, { version, photo: String(bad.id) });
    expect(removed.status).toBe(303);
    for (const path of filesOf(bad)) expect((await app.request(path)).status).toBe(404);
    const approved = await staff.post(`/admin/umkm/${id}/setujui`, { version });
    expect(approved.status).toBe(303);
    const profile = await (await app.request(`/umkm/${slug}/`)).text();
    expect(profile).toContain(good.srcset);
    expect(profile).toContain('fetchpriority="high"');
    expect(profile).toMatch(/<meta property="og:image" content="http:\/\/localhost:4321\/foto\/\d+\/[0-9a-f]{16}-og\.jpg">/);
    expect(profile).not.toContain(bad.thumbnail);
    expect(profile).toContain(`<li><span><img class="product-thumb" src="${good.thumbnail}"`);
    // The card in the lists shows its thumbnail.
    const region = await (await app.request(`/cari/?q=${encodeURIComponent('Peuyeum Mang Dadang')}`)).text();
    expect(region).toContain(good.thumbnail);
  });
});
