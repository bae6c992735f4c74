import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import readXlsxFile from 'read-excel-file/universal';
import writeXlsxFile from 'write-excel-file/universal';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { eq, sql } from 'drizzle-orm';
import { launchChromium } from './browser.ts';
import { startPortal } from './portal.ts';
import { seriousViolations } from './a11y.ts';
import { msmes, storeLinks } from '../../db/schema.ts';
import { findRegency } from '../../src/core/reference.ts';
import { parseCsv } from '../../src/core/csv.ts';
import { createStaff } from '../../db/queries/staff.ts';
import { createListing } from '../../db/queries/registrations.ts';
import { registrationSchema } from '../../src/core/registration.ts';
import { importColumns } from '../../src/core/import-rows.ts';
import { approve } from '../../db/queries/review.ts';
import { codec, photoPixels, withExif } from '../photos/fixtures.ts';

const phone = { width: 360, height: 800 };
const screenshots = fileURLToPath(new URL('../../screenshots', import.meta.url));

let portal: Awaited<ReturnType<typeof startPortal>>;
let browser: Browser;

before(async () => {
  portal = await startPortal(60);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await portal?.stop();
});

async function phonePage(javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ viewport: phone, javaScriptEnabled, locale: 'id-ID' });
  return context.newPage();
}

describe('a consumer on a phone', () => {
  it('searches a product word, filters by kabupaten/kota, opens a profile and finds its store and WhatsApp links', async () => {
    const [target] = await portal.db.select().from(msmes).where(eq(msmes.status, 'published')).limit(1);
    assert.ok(target);
    const links = await portal.db.select().from(storeLinks).where(eq(storeLinks.msmeId, target.id));
    const word = target.name.split(' ')[0] ?? '';
    const regency = findRegency(target.regencyCode)?.name ?? '';

    const page = await phonePage();
    await page.goto(`${portal.url}/`);
    await page.getByRole('searchbox', { name: 'Cari produk atau usaha' }).fill(word);
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await page.waitForURL(/\/cari\/\?q=/);
    await page.getByRole('status').filter({ hasText: /hasil/ }).waitFor();
    await page.getByText('Saring:').click();
    const option = page.getByLabel('Kabupaten/kota').locator(`option[value="${target.regencyCode}"]`);
    assert.match((await option.textContent()) ?? '', new RegExp(`^${regency} \\(\\d+\\)$`));
    await page.getByLabel('Kabupaten/kota').selectOption(target.regencyCode);
    await page.getByRole('button', { name: 'Terapkan filter' }).click();
    await page.waitForURL((url) => url.searchParams.get('wilayah') === target.regencyCode);
    await page.getByRole('link', { name: `Hapus filter ${regency}` }).waitFor();
    const result = page.getByRole('link', { name: target.name, exact: true });
    await result.waitFor();
    await result.click();
    await page.waitForURL(new RegExp(`/umkm/${target.slug}/$`));
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), target.name);
    for (const link of links) {
      assert.equal(await page.locator(`a[href="${link.url}"]`).count(), 1, `link ${link.url}`);
    }
    const wa = await page.getByRole('link', { name: /^WhatsApp 0/ }).getAttribute('href');
    assert.match(wa ?? '', new RegExp(`^https://wa\\.me/${target.whatsapp.slice(1)}\\?text=`));
    await page.context().close();
  });
});

describe('a shopper narrowing a list without JavaScript', () => {
  it('ticks two categories and halal on the search page, sees the counts and chips, drops one chip, then clears them all', async () => {
    const page = await phonePage(false);
    await page.goto(`${portal.url}/cari/?q=kripik`);
    const status = page.getByRole('status');
    const before = (await status.textContent()) ?? '';
    await page.getByText('Saring:').click();
    const kuliner = page.getByRole('checkbox', { name: /^Kuliner \(\d+\)$/ });
    const oleh = page.getByRole('checkbox', { name: /^Oleh-oleh & Makanan Khas \(\d+\)$/ });
    const count = async (box: typeof kuliner) => Number(/\((\d+)\)/.exec((await page.locator('label', { has: box }).textContent()) ?? '')?.[1] ?? -1);
    const expected = (await count(kuliner)) + (await count(oleh));
    await kuliner.check();
    await oleh.check();
    await page.getByRole('checkbox', { name: /^Bersertifikat halal/ }).check();
    await page.getByRole('button', { name: 'Terapkan filter' }).click();
    await page.waitForURL((url) => url.searchParams.getAll('kategori').length === 2 && url.searchParams.get('halal') === '1' && url.searchParams.get('q') === 'kripik');
    for (const chip of ['Kuliner', 'Oleh-oleh & Makanan Khas', 'Bersertifikat halal']) await page.getByRole('link', { name: `Hapus filter ${chip}` }).waitFor();
    const cards = await page.locator('.cards > li').count();
    assert.ok(cards > 0 && cards <= expected, `${cards} of at most ${expected}`);
    await page.getByRole('link', { name: 'Hapus filter Bersertifikat halal' }).click();
    await page.waitForURL((url) => url.searchParams.get('halal') === null && url.searchParams.getAll('kategori').length === 2);
    assert.match((await status.textContent()) ?? '', new RegExp(`^${expected} hasil`));
    await page.getByRole('link', { name: 'Hapus semua filter' }).click();
    await page.waitForURL((url) => url.search === '?q=kripik');
    assert.equal(await status.textContent(), before);
    await page.context().close();
  });
});

describe('an owner registering from a phone', () => {
  it('sees each mistake beside its field, fixes them and registers (with JavaScript)', async () => {
    const page = await phonePage();
    await page.goto(`${portal.url}/daftar/`);
    await page.getByRole('button', { name: 'Kirim pendaftaran' }).click();
    await page.getByRole('alert').waitFor();
    assert.equal(await page.locator('#f-name-error').textContent(), 'Isi nama usaha, minimal 3 huruf.');
    assert.match((await page.locator('#f-storeLinks-0-error').textContent()) ?? '', /tautan/);
    assert.match((await page.locator('#f-consent-error').textContent()) ?? '', /Centang/);
    assert.equal(await page.getByRole('textbox', { name: 'Nama usaha', exact: true }).getAttribute('aria-invalid'), 'true');

    await page.getByRole('textbox', { name: 'Nama usaha', exact: true }).fill('Kopi Tubruk Mang Ujang');
    await page.getByRole('textbox', { name: 'Ceritakan usaha Anda', exact: true }).fill('Kopi robusta dari kebun sendiri di lereng Gunung Tampomas, disangrai setiap minggu.');
    await page.getByRole('combobox', { name: 'Kategori', exact: true }).selectOption({ label: 'Kuliner' });
    await page.getByRole('combobox', { name: 'Kabupaten/kota', exact: true }).selectOption({ label: 'Kabupaten Sumedang' });
    await page.getByRole('combobox', { name: 'Kecamatan', exact: true }).selectOption({ label: 'Sumedang Utara' });
    await page.getByRole('textbox', { name: 'Nomor WhatsApp usaha', exact: true }).fill('0812 7777 8888');
    const link = page.getByRole('textbox', { name: 'Tautan toko utama', exact: true });
    await link.fill('http://tokopedia.com/kopimangujang');
    await page.getByText('Hanya tautan yang diawali https://').waitFor();
    await link.fill('https://tokopedia.link/KopiUjang1');
    await page.getByText('✓ Tokopedia (tautan pendek)').waitFor();
    await page.getByRole('textbox', { name: 'Nama produk' }).first().fill('Kopi bubuk robusta 250 g');
    await page.getByRole('textbox', { name: 'Harga (Rp)' }).first().fill('35.000');
    await page.getByRole('checkbox', { name: /^Saya setuju/ }).check();
    await page.getByRole('button', { name: 'Kirim pendaftaran' }).click();
    await page.waitForURL(/\/status\/[A-Za-z0-9_-]{43}\?baru=1$/);
    await page.getByText('Menunggu verifikasi').waitFor();
    assert.match((await page.getByLabel('Tautan status pribadi').inputValue()) ?? '', /\/status\/[A-Za-z0-9_-]{43}$/);
    const [stored] = await portal.db.select().from(msmes).where(eq(msmes.name, 'Kopi Tubruk Mang Ujang'));
    assert.equal(stored?.status, 'pending');
    assert.equal(stored?.whatsapp, '+6281277778888');
    await page.context().close();
  });

  it('gets the form back with values kept and the error beside the field without JavaScript, then registers', async () => {
    const page = await phonePage(false);
    await page.goto(`${portal.url}/daftar/`);
    await page.getByRole('textbox', { name: 'Nama usaha', exact: true }).fill('Batik Tulis Ceu Euis');
    await page.getByRole('textbox', { name: 'Ceritakan usaha Anda', exact: true }).fill('Batik tulis Garutan dengan pewarna alam, dikerjakan oleh ibu-ibu kampung.');
    await page.getByRole('combobox', { name: 'Kategori', exact: true }).selectOption({ label: 'Fesyen' });
    await page.getByRole('combobox', { name: 'Kabupaten/kota', exact: true }).selectOption({ label: 'Kabupaten Garut' });
    await page.getByRole('combobox', { name: 'Kecamatan', exact: true }).selectOption({ label: 'Garut Kota' });
    await page.getByRole('textbox', { name: 'Nomor WhatsApp usaha', exact: true }).fill('0812');
    await page.getByRole('textbox', { name: 'Tautan toko utama', exact: true }).fill('https://shopee.co.id/batikceueuis');
    await page.getByRole('checkbox', { name: /^Saya setuju/ }).check();
    await page.getByRole('button', { name: 'Kirim pendaftaran' }).click();
    await page.getByRole('heading', { name: /isian yang perlu diperbaiki/ }).waitFor();
    assert.match((await page.locator('#f-whatsapp-error').textContent()) ?? '', /ponsel/);
    assert.equal(await page.getByRole('textbox', { name: 'Nama usaha', exact: true }).inputValue(), 'Batik Tulis Ceu Euis');
    assert.equal(await page.getByRole('textbox', { name: 'Tautan toko utama', exact: true }).inputValue(), 'https://shopee.co.id/batikceueuis');
    await page.getByRole('textbox', { name: 'Nomor WhatsApp usaha', exact: true }).fill('+62 812 5555 6666');
    await page.getByRole('button', { name: 'Kirim pendaftaran' }).click();
    await page.waitForURL(/\/status\/[A-Za-z0-9_-]{43}\?baru=1$/);
    await page.getByText('Menunggu verifikasi').waitFor();
    await page.context().close();
  });
});

describe('an owner opening a shop window from a phone', () => {
  it('registers with 2 store links, 3 products and 2 photos in few taps; once approved the profile leads with the photo and the buy buttons sit in the first screen', async () => {
    // Two camera photos (12 MP, sideways, with GPS), made before the clock starts.
    const camera = Buffer.from(withExif(await codec.jpeg(photoPixels(4000, 3000), 90), 6));
    const second = Buffer.from(await codec.jpeg(photoPixels(1200, 900), 88));
    const page = await phonePage();
    let taps = 0;
    let fields = 0;
    let typing = 0;
    const type = async (label: string | RegExp, text: string, role: 'textbox' = 'textbox', nth = 0) => {
      const started = performance.now();
      await page.getByRole(role, typeof label === 'string' ? { name: label, exact: true } : { name: label }).nth(nth).fill(text);
      typing += performance.now() - started;
      taps++;
      fields++;
    };
    const choose = async (label: string, option: string) => {
      await page.getByRole('combobox', { name: label, exact: true }).selectOption({ label: option });
      taps += 2;
      fields++;
    };
    await page.goto(`${portal.url}/daftar/`);
    await type('Nama usaha', 'Keripik Pisang Ceu Imas');
    await type('Ceritakan usaha Anda', 'Keripik pisang tanduk dari kebun sendiri, digoreng tiap pagi tanpa pengawet.');
    await choose('Kategori', 'Kuliner');
    await choose('Kabupaten/kota', 'Kabupaten Ciamis');
    await choose('Kecamatan', 'Cikoneng');
    await type('Nomor WhatsApp usaha', '0813 2222 4545');
    await type('Tautan toko utama', 'https://shopee.co.id/keripikceuimas');
    await type(/^Tautan toko lain 1/, 'https://www.tokopedia.com/keripikceuimas');
    for (const [i, [name, price]] of [['Keripik pisang manis 250 g', '18000'], ['Keripik pisang pedas 250 g', '20000'], ['Sale pisang 500 g', '35000']].entries()) {
      await type(/^Nama produk/, name!, 'textbox', i);
      await type(/^Harga \(Rp\)/, price!, 'textbox', i);
    }
    await page.getByRole('checkbox', { name: /^Saya setuju/ }).check();
    taps++;
    await page.getByRole('button', { name: 'Kirim pendaftaran' }).click();
    taps++;
    await page.waitForURL(/\/status\/[A-Za-z0-9_-]{43}\?baru=1$/);

    // Photos from the status page: the page shrinks each in the phone before it travels.
    // What the page says it sends ("Mengirim foto 1 dari 2 (312 kB)…"), read as it changes.
    await page.evaluate(() => {
      const said: string[] = [];
      (window as unknown as { said: string[] }).said = said;
      const status = document.querySelector('[data-photo-status]')!;
      new MutationObserver(() => said.push(status.textContent ?? '')).observe(status, { childList: true, characterData: true, subtree: true });
    });
    await page.getByLabel(/Pilih foto/).setInputFiles([
      { name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: camera },
      { name: 'IMG_0002.jpg', mimeType: 'image/jpeg', buffer: second },
    ]);
    taps += 3; // open the picker, pick two
    await page.getByRole('button', { name: 'Kirim foto' }).click();
    taps++;
    const said = page.waitForFunction(() => (window as unknown as { said?: string[] }).said?.filter((t) => t.startsWith('Mengirim')) .length === 2 && (window as unknown as { said: string[] }).said);
    const sent = ((await (await said).jsonValue()) as string[]).filter((t) => t.startsWith('Mengirim')).map((t) => Number(/\((\d+) kB\)/.exec(t)?.[1]) * 1024);
    await page.waitForURL(/\?foto=1#foto$/);
    await page.getByText('Foto usaha (2 dari 8)').waitFor();
    assert.equal(sent.length, 2);
    assert.ok(sent[0]! < camera.length / 4, `the 12 MP photo travelled shrunk: ${sent[0]} of ${camera.length} bytes`);
    console.log(`shop window: registered with 2 store links, 3 products and 2 photos in ${taps} taps and ${fields} fields; the test's typing took ${(typing / 1000).toFixed(1)} s; the 12 MP photo travelled as ${Math.round(sent[0]! / 1024)} kB (from ${Math.round(camera.length / 1024)} kB)`);
    assert.ok(taps <= 25, `${taps} taps`);
    await page.screenshot({ path: `${screenshots}/status-foto-360x800.png`, fullPage: true });

    const [stored] = await portal.db.select().from(msmes).where(eq(msmes.name, 'Keripik Pisang Ceu Imas'));
    assert.ok(stored);
    await approve(portal.db, { id: stored.id, version: stored.version, actor: 'staf:e2e', now: new Date() });
    const shift: number[] = [];
    await page.goto(`${portal.url}/umkm/${stored.slug}/`);
    const cover = page.locator('img.profile-cover');
    await cover.waitFor();
    assert.ok(await cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0));
    assert.ok(await cover.getAttribute('width'));
    shift.push(await page.evaluate(() => new Promise<number>((resolve) => {
      let total = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!entry.hadRecentInput) total += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
      setTimeout(() => resolve(total), 500);
    })));
    assert.equal(shift[0], 0, 'no layout shift');
    await page.screenshot({ path: `${screenshots}/profil-foto-360x800.png`, fullPage: false });
    for (const name of [/Shopee/, /Tokopedia/, /WhatsApp 0813-2222-4545/]) {
      const box = await page.getByRole('link', { name }).first().boundingBox();
      assert.ok(box && box.y + box.height <= phone.height, `${name} within the first screen at 360x800 (bottom at ${box && Math.round(box.y + box.height)})`);
    }
    const wa = (await page.getByRole('link', { name: /WhatsApp/ }).first().boundingBox())!;
    console.log(`shop window: buy buttons end at ${Math.round(wa.y + wa.height)} px of 800; CLS ${shift[0]}`);
    // The A4 poster shows the best photo and still prints on one A4 sheet.
    await page.goto(`${portal.url}/poster/${stored.slug}/?ukuran=a4`);
    assert.ok(await page.locator('img.poster-photo').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0));
    const pdf = Buffer.from(await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
    assert.deepEqual([...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((b) => [Math.round(Number(b[1])), Math.round(Number(b[2]))]), [[595, 842]]);
    await page.context().close();
  });
});

describe('an owner with the private link', () => {
  it('changes the listing, is stopped by a stale page, and removes the listing', async () => {
    const res = await fetch(`${portal.url}/api/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Tahu Susu Lembang Ceu Entin', description: 'Tahu susu segar dari susu sapi perah Lembang, dibuat setiap pagi.', category: 'kuliner',
        regencyCode: '32.17', districtCode: '32.17.01', whatsapp: '0812 4444 5555', storeLinks: ['https://shopee.co.id/tahususuentin'], consent: true,
      }),
    });
    const { statusUrl } = (await res.json()) as { statusUrl: string };
    const path = new URL(statusUrl).pathname;
    const page = await phonePage();
    const stale = await phonePage();
    await page.goto(`${portal.url}${path}`);
    // The status and its one next step first; the form is on its own page.
    await page.getByText('Langkah berikutnya:').waitFor();
    await page.getByRole('link', { name: 'Ubah data usaha' }).click();
    await page.waitForURL(/\/ubah$/);
    await stale.goto(`${portal.url}${path}/ubah`);
    // Another kabupaten/kota: its kecamatan arrive when picked (the page listed only Bandung Barat's).
    await page.getByRole('combobox', { name: 'Kabupaten/kota', exact: true }).selectOption({ label: 'Kabupaten Garut' });
    await page.getByRole('combobox', { name: 'Kecamatan', exact: true }).selectOption({ label: 'Cibatu' });
    await page.getByRole('combobox', { name: 'Kabupaten/kota', exact: true }).selectOption({ label: 'Kabupaten Bandung Barat' });
    await page.getByRole('combobox', { name: 'Kecamatan', exact: true }).selectOption({ value: '32.17.01' });
    await page.getByRole('textbox', { name: 'Nama usaha', exact: true }).fill('Tahu Susu Lembang Ceu Entin Asli');
    await page.getByRole('checkbox', { name: /Saya setuju/ }).check();
    await page.getByRole('button', { name: 'Kirim perubahan' }).click();
    await page.getByText('Perubahan terkirim').waitFor();
    await page.getByRole('link', { name: 'Ubah data usaha' }).click();
    assert.equal(await page.getByRole('textbox', { name: 'Nama usaha', exact: true }).inputValue(), 'Tahu Susu Lembang Ceu Entin Asli');

    await stale.getByRole('textbox', { name: 'Nama usaha', exact: true }).fill('Nama Dari Halaman Lama');
    await stale.getByRole('checkbox', { name: /Saya setuju/ }).check();
    await stale.getByRole('button', { name: 'Kirim perubahan' }).click();
    await stale.getByText('sudah diubah dari halaman lain').waitFor();
    const rows = await portal.db.select({ name: msmes.name }).from(msmes).where(eq(msmes.districtCode, '32.17.01'));
    assert.ok(rows.some((r) => r.name === 'Tahu Susu Lembang Ceu Entin Asli'));
    assert.ok(!rows.some((r) => r.name === 'Nama Dari Halaman Lama'));

    await page.getByRole('checkbox', { name: /Ya, hapus listing/ }).check();
    await page.getByRole('button', { name: 'Hapus listing' }).click();
    await page.getByText('Listing sudah dihapus').waitFor();
    await page.context().close();
    await stale.context().close();
  });
});

describe('a procurement officer', () => {
  it('filters suppliers, shortlists two, compares them and downloads a CSV of the shortlist', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${portal.url}/pengadaan/`);
    await page.getByRole('checkbox', { name: 'Kuliner' }).check();
    await page.getByRole('checkbox', { name: 'Oleh-oleh & Makanan Khas' }).check();
    await page.getByRole('button', { name: 'Cari pemasok' }).click();
    await page.waitForURL((url) => url.searchParams.getAll('category').join(',') === 'kuliner,oleh-oleh');
    const summary = await page.getByLabel('Ringkasan hasil').textContent();
    assert.match(summary ?? '', /\d+ pemasok cocok, \d+ dengan NIB terverifikasi/);
    const cards = page.locator('[data-supplier]');
    assert.ok((await cards.count()) >= 2);
    const names = [await cards.nth(0).locator('h3').textContent(), await cards.nth(1).locator('h3').textContent()];
    assert.equal(await page.getByLabel('Daftar pendek').isVisible(), false, 'an empty shortlist shows no bar');
    await cards.nth(0).getByRole('link', { name: '+ Daftar pendek' }).click();
    await cards.nth(1).getByRole('link', { name: '+ Daftar pendek' }).click();
    await page.getByText('Daftar pendek: 2 pemasok').waitFor();
    await page.getByRole('link', { name: 'Bandingkan' }).click();
    await page.getByRole('heading', { name: 'Bandingkan 2 pemasok' }).waitFor();
    const headers = await page.locator('table.compare thead th').allTextContents();
    assert.deepEqual(headers.slice(1), names);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh CSV' }).click()]);
    const csv = parseCsv(readFileSync(await download.path(), 'utf8'));
    assert.equal(csv[0]?.[0], 'Nama usaha');
    assert.deepEqual(csv.slice(1).map((r) => r[0]), names);
    await context.close();
  });

  it('surveys prices for "keripik" in several categories, picks 3 verified sources, downloads the XLSX and prints the sheet on A4 without a heading broken mid-word', async () => {
    // Three keripik makers of Kabupaten Bogor whose NIB and halal certificate staff checked (a NIB with a leading zero among them).
    const checked = new Date(Date.now() - 10 * 86_400_000);
    for (const [i, nib] of ['0123456789012', '1234567890124', '2234567890125'].entries()) {
      const reg = registrationSchema.parse({
        name: `Keripik Bogor Juara ${i + 1}`,
        description: 'Keripik singkong pedas dari singkong Bogor, digoreng setiap hari tanpa pengawet.',
        category: i === 2 ? 'oleh-oleh' : 'kuliner',
        kbliCodes: ['10794'],
        regencyCode: '32.01',
        districtCode: findRegency('32.01')!.districts[i]!.code,
        whatsapp: `0812-3456-78${i}0`,
        nib,
        halalNumber: `ID3201000012345${i}0123`,
        storeLinks: [`https://www.tokopedia.com/keripikbogorjuara${i}`],
        products: [{ name: 'Keripik singkong pedas', priceMin: 14000 + i * 1000, unit: '250 g' }],
        consent: true,
      });
      await createListing(portal.db, reg, { now: checked, statusTokenHash: `${i}`.repeat(64), actor: 'owner', status: 'published', verification: 'staff', verifiedAt: checked, nibVerifiedAt: checked, halalVerifiedAt: checked });
    }
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${portal.url}/pengadaan/survei/`);
    await page.getByLabel('Kata produk').fill('keripik');
    await page.getByRole('checkbox', { name: 'Kuliner' }).check();
    await page.getByRole('checkbox', { name: 'Oleh-oleh & Makanan Khas' }).check();
    await page.getByLabel('Kabupaten/kota').selectOption('32.01');
    await page.getByRole('checkbox', { name: 'NIB terverifikasi' }).check();
    await page.getByRole('checkbox', { name: 'Halal terverifikasi petugas' }).check();
    await page.getByRole('button', { name: 'Survei harga' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'keripik' && url.searchParams.getAll('category').length === 2 && url.searchParams.get('regency') === '32.01' && url.searchParams.get('halal_verified') === '1');
    await page.getByText('✓ 3 sumber dengan NIB terverifikasi dan harga bertanggal (minimal 3).').waitFor();
    // Three lines from suppliers whose NIB staff verified.
    const rows = page.locator('.survey-group tbody tr').filter({ hasText: 'terverifikasi' });
    assert.ok((await rows.count()) >= 3, 'at least three verified sources in the sample');
    for (let i = 0; i < 3; i++) await rows.nth(i).getByRole('checkbox').check();
    await page.getByLabel('Catatan untuk lembar survei').fill('HPS konsumsi rapat');
    await page.getByRole('button', { name: 'Buat lembar survei' }).click();
    await page.getByRole('heading', { name: 'Survei harga “keripik”' }).waitFor();
    const sheetRows = page.locator('.survey-sheet tbody tr');
    assert.equal(await sheetRows.count(), 3);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh XLSX' }).click()]);
    const { readSheet } = await import('read-excel-file/node');
    const sheet = await readSheet(readFileSync(await download.path()));
    const header = sheet[5] as string[];
    const lines = sheet.slice(6, 9);
    assert.equal(lines.length, 3);
    for (const line of lines) {
      assert.equal(typeof line[header.indexOf('NIB')], 'string');
      assert.equal(line[header.indexOf('NIB terverifikasi petugas')], 'ya');
    }
    assert.ok(lines.some((line) => line[header.indexOf('NIB')] === '0123456789012'), 'the NIB keeps its leading zero');
    const confirmed = lines.map((line) => line[header.indexOf('Harga dinyatakan berlaku (WIB)')]);
    for (const at of confirmed) {
      assert.ok(at instanceof Date, 'a date cell');
      assert.equal(at.toISOString().slice(0, 10), new Date(checked.getTime() + 7 * 3_600_000).toISOString().slice(0, 10));
    }
    // Printed: one A4 page for three lines, every heading at least as wide as its longest word.
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.equal(pages, 1, `${pages} pages`);
    const cramped = await page.locator('.survey-sheet th').evaluateAll((cells) =>
      cells.flatMap((th) => {
        const style = getComputedStyle(th);
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const widest = Math.max(...(th.textContent ?? '').split(/\s+/).map((w) => ctx.measureText(w).width));
        const room = th.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return widest > room + 0.5 ? [`${th.textContent}: ${widest.toFixed(0)} > ${room.toFixed(0)}`] : [];
      }),
    );
    assert.deepEqual(cramped, []);
    assert.equal(await page.getByRole('button', { name: 'Cetak' }).isVisible(), false, 'no screen controls on paper');
    await context.close();
  });

  it('shortlists without JavaScript: the chosen suppliers ride in the address to the compare page, printed with its date', async () => {
    const page = await phonePage(false);
    await page.goto(`${portal.url}/pengadaan/?category=kuliner`);
    const cards = page.locator('[data-supplier]');
    const names = [await cards.nth(0).locator('h3').textContent(), await cards.nth(1).locator('h3').textContent()];
    await cards.nth(0).getByRole('link', { name: '+ Daftar pendek' }).click();
    await page.waitForURL((url) => (url.searchParams.get('pilih') ?? '').split(',').length === 1);
    await page.locator('[data-supplier]').nth(1).getByRole('link', { name: '+ Daftar pendek' }).click();
    await page.waitForURL((url) => (url.searchParams.get('pilih') ?? '').split(',').length === 2);
    await page.getByText('Daftar pendek: 2 pemasok').waitFor();
    await page.getByRole('link', { name: 'Bandingkan' }).click();
    await page.getByRole('heading', { name: 'Bandingkan 2 pemasok' }).waitFor();
    assert.deepEqual((await page.locator('table.compare thead th').allTextContents()).slice(1).sort(), names.sort());
    assert.match((await page.locator('main').textContent()) ?? '', /dicetak \d{1,2} \S+ \d{4} WIB/);
    await page.context().close();
  });
});

describe('program staff', () => {
  it('sign in, approve a registration, and within 5 s the profile and a search show it on both server processes', async () => {
    await createStaff(portal.db, { username: 'rina', displayName: 'Rina Wulandari', role: 'reviewer', password: 'kata-sandi-panjang-123' }, new Date());
    const name = 'Gula Aren Kang Dadang';
    const registered = await fetch(`${portal.url}/api/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name,
        description: 'Gula aren cetak dari nira pohon aren di kaki Gunung Galunggung, tanpa campuran.',
        category: 'kuliner',
        regencyCode: '32.06',
        districtCode: '32.06.01',
        whatsapp: '0812-5555-6666',
        storeLinks: ['https://shopee.co.id/gulaarendadang'],
        products: [{ name: 'Gula aren cetak 1 kg', priceMin: 38000 }],
        consent: true,
      }),
    });
    assert.equal(registered.status, 201);
    const { slug, statusUrl } = (await registered.json()) as { slug: string; statusUrl: string };
    // Both server processes cache the profile's 404 and a search without it before the approval.
    const searchPath = `/cari/?q=${encodeURIComponent('gula aren dadang')}`;
    for (let i = 0; i < 4; i++) {
      assert.equal((await fetch(`${portal.url}/umkm/${slug}/`)).status, 404);
      assert.ok(!(await (await fetch(`${portal.url}${searchPath}`)).text()).includes(name));
    }

    const page = await phonePage();
    await page.goto(`${portal.url}/admin/antrean`);
    await page.waitForURL(/\/admin\/masuk\?lanjut=/);
    await page.getByLabel('Nama pengguna').fill('rina');
    await page.getByLabel('Kata sandi').fill('salah-sekali-123');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('alert').filter({ hasText: 'Nama pengguna atau kata sandi salah.' }).waitFor();
    await page.getByLabel('Kata sandi').fill('kata-sandi-panjang-123');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(/\/admin\/antrean$/);
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === '__Host-etalase-staf');
    assert.ok(session?.httpOnly && session.secure && session.sameSite === 'Strict', 'HttpOnly, Secure, SameSite=Strict session cookie');

    mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: `${screenshots}/admin-antrean-360x800.png`, fullPage: true });
    await page.getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.screenshot({ path: `${screenshots}/admin-tinjau-360x800.png`, fullPage: true });
    await page.getByRole('button', { name: 'Setujui dan tayangkan' }).click();
    const approvedAt = Date.now();
    await page.getByRole('status').filter({ hasText: 'Disetujui.' }).waitFor();
    await page.getByRole('cell', { name: 'rina' }).first().waitFor();

    // Fresh at once, with no rebuild: every request (spread over both processes) sees it within 5 s.
    for (let i = 0; i < 6; i++) {
      assert.equal((await fetch(`${portal.url}/umkm/${slug}/`)).status, 200, 'profile on every process');
      assert.ok((await (await fetch(`${portal.url}${searchPath}`)).text()).includes(name), 'search on every process');
    }
    assert.ok(Date.now() - approvedAt < 5000, `fresh within 5 s (took ${Date.now() - approvedAt} ms)`);
    const statusPath = new URL(statusUrl).pathname;
    const owner = await phonePage();
    await owner.goto(`${portal.url}${statusPath}`);
    assert.equal(await owner.locator('[data-status]').getAttribute('data-status'), 'published');
    await owner.getByRole('link', { name: 'Lihat profil usaha' }).click();
    await owner.waitForURL(new RegExp(`/umkm/${slug}/$`));
    assert.equal(await owner.getByRole('heading', { level: 1 }).textContent(), name);
    await owner.goto(`${portal.url}${searchPath}`);
    await owner.getByRole('link', { name, exact: true }).waitFor();
    await owner.context().close();

    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.waitForURL(/\/admin\/masuk\?keluar=1$/);
    await page.goto(`${portal.url}/admin/antrean`);
    await page.waitForURL(/\/admin\/masuk/);
    await page.context().close();
  });

  it('a mentor without JavaScript registers a business for its owner and hands over the private link', async () => {
    await createStaff(portal.db, { username: 'asep', displayName: 'Asep Pendamping', role: 'mentor', password: 'kata-sandi-panjang-123' }, new Date());
    const page = await phonePage(false);
    await page.goto(`${portal.url}/admin`);
    await page.getByLabel('Nama pengguna').fill('asep');
    await page.getByLabel('Kata sandi').fill('kata-sandi-panjang-123');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(/\/admin\/binaan$/);
    await page.getByRole('link', { name: 'Daftarkan UMKM baru' }).click();
    await page.getByRole('textbox', { name: 'Nama usaha', exact: true }).fill('Rengginang Bu Cucu');
    await page.getByRole('textbox', { name: 'Ceritakan usaha Anda', exact: true }).fill('Rengginang ketan dijemur matahari, digoreng saat dipesan, tanpa pengawet.');
    await page.getByRole('combobox', { name: 'Kategori', exact: true }).selectOption({ label: 'Kuliner' });
    await page.getByRole('combobox', { name: 'Kabupaten/kota', exact: true }).selectOption({ label: 'Kabupaten Garut' });
    // Without JavaScript the kecamatan list holds every kabupaten/kota's, grouped: pick one in Garut.
    await page.getByRole('combobox', { name: 'Kecamatan', exact: true }).selectOption(findRegency('32.05')?.districts[0]?.code ?? '');
    await page.getByRole('textbox', { name: 'Nomor WhatsApp usaha', exact: true }).fill('0813 2222 3333');
    await page.getByRole('textbox', { name: 'Tautan toko utama', exact: true }).fill('https://shopee.co.id/rengginangcucu');
    // The owner's consent is missing at first: the form comes back with the error beside the field.
    await page.getByRole('checkbox', { name: /^Pemilik sudah membaca/ }).check();
    await page.getByRole('button', { name: 'Daftarkan' }).click();
    assert.match((await page.locator('#f-ownerName-error').textContent()) ?? '', /nama pemilik/);
    assert.equal(await page.getByRole('textbox', { name: 'Nama usaha', exact: true }).inputValue(), 'Rengginang Bu Cucu');
    await page.getByRole('textbox', { name: 'Nama pemilik yang menyetujui' }).fill('Ibu Cucu Sumiati');
    await page.getByRole('combobox', { name: 'Cara pemilik menyetujui' }).selectOption({ label: 'Langsung, bertatap muka' });
    await page.getByRole('checkbox', { name: /^Pemilik sudah membaca/ }).check();
    await page.getByRole('button', { name: 'Daftarkan' }).click();
    await page.getByRole('heading', { name: 'Pendaftaran terkirim' }).waitFor();
    const link = await page.getByLabel('Tautan status pribadi pemilik').inputValue();
    assert.match(link, /\/status\/[A-Za-z0-9_-]{43}$/);
    const [stored] = await portal.db.select().from(msmes).where(eq(msmes.name, 'Rengginang Bu Cucu'));
    assert.equal(stored?.verification, 'mentor');
    assert.equal(stored?.consentRecord?.ownerName, 'Ibu Cucu Sumiati');
    await page.goto(`${portal.url}/admin/binaan`);
    await page.getByRole('cell', { name: 'Rengginang Bu Cucu' }).waitFor();
    const owner = await phonePage(false);
    await owner.goto(`${portal.url}${new URL(link).pathname}`);
    await owner.getByText('Menunggu verifikasi').first().waitFor();
    await owner.context().close();
    await page.context().close();
  });

  it('has staff pages without serious or critical accessibility violations', async () => {
    const context = await browser.newContext({ viewport: phone, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${portal.url}/admin/masuk`);
    const failures = (await seriousViolations(page)).map((v) => `masuk: ${v}`);
    await page.getByLabel('Nama pengguna').fill('rina');
    await page.getByLabel('Kata sandi').fill('kata-sandi-panjang-123');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(/\/admin\/antrean$/);
    const [m] = await portal.db.select({ id: msmes.id }).from(msmes).where(eq(msmes.status, 'published')).limit(1);
    for (const [name, path] of Object.entries({ antrean: '/admin/antrean', laporan: '/admin/laporan', tinjau: `/admin/umkm/${m?.id}`, daftar: '/admin/daftar', binaan: '/admin/binaan', statistik: '/admin/statistik', akun: '/admin/akun', tautan: '/admin/tautan', impor: '/admin/impor', kohort: '/admin/kohort' })) {
      await page.goto(`${portal.url}${path}`);
      for (const v of await seriousViolations(page)) failures.push(`${name}: ${v}`);
      if (name === 'daftar' || name === 'statistik') await page.screenshot({ path: `${screenshots}/admin-${name}-360x800.png`, fullPage: name === 'statistik' });
    }
    assert.deepEqual(failures, []);
    await context.close();
  });
});

describe('a program onboarding its cohort', () => {
  it('downloads the template, uploads 200 rows with 12 planted problems, sees each by row and column, fixes them, commits; an invited owner confirms; the cohort page counts match the database', async () => {
    const page = await phonePage();
    await page.goto(`${portal.url}/admin/masuk?lanjut=%2Fadmin%2Fimpor`);
    await page.getByLabel('Nama pengguna').fill('rina');
    await page.getByLabel('Kata sandi').fill('kata-sandi-panjang-123');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(/\/admin\/impor$/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'XLSX dengan daftar pilihan' }).click()]);
    const bytes = new Uint8Array(readFileSync((await download.path())!));
    assert.equal(download.suggestedFilename(), 'templat-impor-umkm.xlsx');
    assert.deepEqual([...bytes.subarray(0, 2)], [0x50, 0x4b], `not a zip: ${new TextDecoder().decode(bytes.subarray(0, 200))}`);
    const template = await readXlsxFile(bytes.buffer);
    const header = template[0]!.data[0]!.map((h) => String(h).replace('*', ''));
    assert.deepEqual(header, importColumns.map((c) => c.header));

    const row = (i: number): Record<string, string> => ({
      nama_usaha: `Kerajinan Bambu Kohort ${i}`,
      deskripsi: 'Anyaman bambu untuk rumah tangga, dibuat tangan oleh perajin desa dengan bambu lokal.',
      kategori: 'Kerajinan',
      kabupaten_kota: 'Kabupaten Tasikmalaya',
      kecamatan: `${findRegency('32.06')!.districts[i % 10]!.name} (Kabupaten Tasikmalaya)`,
      whatsapp: `0857${String(3000000 + i).padStart(8, '0')}`,
      tautan_toko_1: `https://www.tokopedia.com/bambukohort${i}`,
      produk_1: 'Bakul nasi',
      harga_1: '25000',
      satuan_1: 'per buah',
      ...(i % 3 === 0 ? { nama_pemilik: `Pemilik ${i}`, cara_persetujuan: 'Menandatangani formulir kertas', tanggal_persetujuan: '25/11/2026' } : {}),
    });
    const good = Array.from({ length: 200 }, (_, i) => row(i));
    // Twelve problems, each in its own row (spreadsheet row = index + 2).
    const planted: [number, string, Record<string, string>][] = [
      [5, 'whatsapp', { whatsapp: '022-7654321' }],
      [17, 'whatsapp', { whatsapp: '12' }],
      [29, 'kecamatan', { kecamatan: 'Coblong (Kota Bandung)' }],
      [41, 'kecamatan', { kecamatan: 'Tidak Ada' }],
      [53, 'nib', { nib: '2.78859E+11' }],
      [65, 'nama_usaha', { nama_usaha: '' }],
      [77, 'kategori', { kategori: 'Elektronik Canggih' }],
      [89, 'tautan_toko_1', { tautan_toko_1: 'https://contoh.example/toko' }],
      [101, 'harga_1', { harga_1: 'seikhlasnya' }],
      [113, 'whatsapp', { whatsapp: good[112]!.whatsapp!, nama_usaha: `${good[112]!.nama_usaha} ` }],
      [125, 'nama_pemilik', { cara_persetujuan: 'Lewat telepon', tanggal_persetujuan: '2026-11-20' }],
      [137, 'tanggal_persetujuan', { nama_pemilik: 'Ibu', cara_persetujuan: 'Lewat telepon', tanggal_persetujuan: 'minggu lalu' }],
    ];
    const broken = good.map((r, i) => ({ ...r, ...(planted.find(([at]) => at === i)?.[2] ?? {}) }));
    const file = async (rows: Record<string, string>[], name: string) => {
      const data = [header.map((h) => ({ value: h, type: String })), ...rows.map((r) => header.map((h) => ({ value: r[h] ?? '', type: String })))];
      const path = join(tmpdir(), `etalase-e2e-${name}`);
      writeFileSync(path, new Uint8Array(await (await writeXlsxFile([{ data, sheet: 'UMKM' }]).toBlob()).arrayBuffer()));
      return path;
    };
    await page.getByLabel('Nama kohort atau program').fill('UMKM Juara E2E');
    await page.getByLabel(/Berkas/).setInputFiles(await file(broken, 'kohort-salah.xlsx'));
    await page.getByRole('button', { name: 'Unggah dan periksa' }).click();
    await page.waitForURL(/\/admin\/impor\/\d+$/);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Perbaiki dulu berkasnya');
    const named = await page.locator('table.import-problems tbody tr').evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-row')}:${r.getAttribute('data-column')}`));
    assert.deepEqual([...new Set(named)].sort(), planted.map(([i, field]) => `${i + 2}:${field}`).sort());
    assert.equal(await page.locator('form[data-commit]').count(), 0);

    await page.goto(`${portal.url}/admin/impor`);
    await page.getByLabel('Nama kohort atau program').fill('UMKM Juara E2E');
    await page.getByLabel(/Berkas/).setInputFiles(await file(good, 'kohort-benar.xlsx'));
    await page.getByRole('button', { name: 'Unggah dan periksa' }).click();
    await page.waitForURL(/\/admin\/impor\/\d+$/);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Siap disimpan');
    await page.screenshot({ path: `${screenshots}/admin-impor-siap-360x800.png`, fullPage: true });
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('heading', { name: 'Impor tersimpan' }).waitFor();
    await page.getByRole('link', { name: 'Buka halaman kohort dan undangan' }).click();
    await page.waitForURL(/\/admin\/kohort\/\d+$/);
    const cohortUrl = page.url();
    const counted = async () => {
      const rows = await portal.db.select({ status: msmes.status, confirmedAt: msmes.confirmedAt }).from(msmes).where(sql`${msmes.cohortId} = ${Number(cohortUrl.split('/').at(-1))}`);
      return { total: rows.length, invited: rows.filter((r) => r.status === 'invited').length, confirmed: rows.filter((r) => r.confirmedAt).length };
    };
    const shown = async () => {
      const text = await page.locator('ul.stats').textContent();
      const n = (label: string) => Number(new RegExp(`(\\d+)\\s*${label}`).exec(text ?? '')?.[1]);
      return { total: n('usaha'), invited: n('diundang'), confirmed: n('dikonfirmasi') };
    };
    assert.deepEqual(await shown(), await counted());
    assert.deepEqual(await counted(), { total: 200, invited: 133, confirmed: 0 });
    await page.screenshot({ path: `${screenshots}/admin-kohort-360x800.png`, fullPage: false });

    // An invited owner opens the link from their WhatsApp message, and confirms.
    const chat = await page.locator('ul.invitations a.btn-wa').first().getAttribute('href');
    const texts = await page.locator('ul.invitations a.btn-wa').evaluateAll((as) => as.map((a) => decodeURIComponent((a as HTMLAnchorElement).href)));
    const invite = texts.find((t) => t.includes('belum tampil')) ?? decodeURIComponent(chat!);
    const token = /\/status\/([A-Za-z0-9_-]{43})/.exec(invite)![1]!;
    const owner = await phonePage();
    await owner.goto(`${portal.url}/status/${token}`);
    await owner.getByRole('heading', { name: 'Periksa lalu konfirmasi' }).waitFor();
    await owner.getByLabel('Saya pemilik usaha ini dan setuju datanya ditampilkan di Etalase Jabar.').check();
    await owner.getByRole('button', { name: 'Konfirmasi data ini' }).click();
    await owner.getByText('Data usaha Anda sudah dikonfirmasi').waitFor();
    await owner.screenshot({ path: `${screenshots}/status-dikonfirmasi-360x800.png` });
    await owner.context().close();
    await page.goto(cohortUrl);
    assert.deepEqual(await shown(), await counted());
    assert.deepEqual(await counted(), { total: 200, invited: 132, confirmed: 1 });
    await page.context().close();
  });
});

describe('every page type', () => {
  const pages = async () => {
    const [m] = await portal.db.select({ slug: msmes.slug }).from(msmes).where(eq(msmes.status, 'published')).limit(1);
    return {
      beranda: '/',
      profil: `/umkm/${m?.slug}/`,
      kategori: '/kategori/kuliner/',
      wilayah: '/wilayah/32-73/',
      cari: '/cari/?q=kopi',
      'cari berfilter': '/cari/?q=kripik&kategori=kuliner&kategori=oleh-oleh&halal=1',
      'kategori berfilter': '/kategori/kuliner/?wilayah=32.73&nib=1',
      daftar: '/daftar/',
      status: '/status/',
      privasi: '/privasi/',
      '404': '/tidak-ada/',
      pengadaan: '/pengadaan/?category=kuliner',
      bandingkan: `/pengadaan/bandingkan/?slugs=${m?.slug}`,
      lembar: `/pengadaan/pemasok/${m?.slug}/`,
      survei: '/pengadaan/survei/?q=keripik',
      statistik: '/statistik/',
      'statistik wilayah': '/statistik/32-73/',
      data: '/data/',
    };
  };

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    // axe is injected as a script, which the portal's CSP rightly refuses: bypass it here only.
    const context = await browser.newContext({ viewport: phone, bypassCSP: true });
    const page = await context.newPage();
    const failures: string[] = [];
    for (const [name, path] of Object.entries(await pages())) {
      await page.goto(`${portal.url}${path}`);
      if (name.startsWith('cari')) await page.getByRole('status').filter({ hasText: /hasil/ }).waitFor();
      for (const v of await seriousViolations(page)) failures.push(`${name}: ${v}`);
    }
    assert.deepEqual(failures, []);
    await context.close();
  });

  it('sends a strict Content-Security-Policy that every page, search and shortlist satisfy', async () => {
    const page = await phonePage();
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) blocked.push(`${page.url()}: ${message.text()}`);
    });
    for (const [name, path] of Object.entries(await pages())) {
      const response = await page.goto(`${portal.url}${path}`);
      const headers = response?.headers() ?? {};
      assert.match(headers['content-security-policy'] ?? '', /default-src 'self'/, `${name}: CSP`);
      assert.equal(headers['x-content-type-options'], 'nosniff', `${name}: nosniff`);
      if (name.startsWith('cari')) await page.getByRole('status').filter({ hasText: /hasil/ }).waitFor();
      if (name === 'pengadaan') await page.locator('[data-shortlist-toggle]').first().click();
    }
    assert.deepEqual(blocked, []);
    await page.context().close();
  });

  it('draws the statistics map readable on a 360 px phone: every tile in view, labels at least 10 px, no sideways scroll', async () => {
    const page = await phonePage();
    await page.goto(`${portal.url}/statistik/`);
    const map = await page.locator('.tile-map > svg').evaluate((svg) => {
      const box = svg.getBoundingClientRect();
      const labels = [...svg.querySelectorAll('text')].map((t) => t.getBoundingClientRect().height);
      return { left: box.left, right: box.right, tiles: svg.querySelectorAll('rect').length, smallest: Math.min(...labels), scroll: document.documentElement.scrollWidth };
    });
    assert.equal(map.tiles, 27);
    assert.ok(map.left >= 0 && map.right <= 360, `map at ${map.left}-${map.right}`);
    assert.ok(map.smallest >= 10, `smallest label ${map.smallest.toFixed(1)} px`);
    assert.ok(map.scroll <= 360, `page ${map.scroll} px wide`);
    // Each kabupaten/kota in the table opens its own page, per kecamatan.
    await page.getByRole('link', { name: 'Kota Bandung', exact: true }).click();
    await page.waitForURL(/\/statistik\/32-73\/$/);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Statistik UMKM Kota Bandung');
    await page.context().close();
  });

  it('prints the A4 poster on one A4 sheet and the A6 label on one A6 sheet, with the WhatsApp number', async () => {
    const [m] = await portal.db.select({ slug: msmes.slug, whatsapp: msmes.whatsapp }).from(msmes).where(eq(msmes.status, 'published')).limit(1);
    const page = await phonePage();
    for (const [size, width, height] of [['a4', 595, 842], ['a6', 298, 420]] as const) {
      await page.goto(`${portal.url}/poster/${m!.slug}/?ukuran=${size}`);
      assert.match((await page.locator('.poster-wa').textContent()) ?? '', /^WhatsApp 0\d{3}-\d{4}-\d+$/);
      const pdf = Buffer.from(await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
      const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((b) => [Math.round(Number(b[1])), Math.round(Number(b[2]))]);
      assert.deepEqual(boxes, [[width, height]], `${size}: page boxes ${JSON.stringify(boxes)}`);
    }
    await page.context().close();
  });

  it('shows listings within the first two screens of the home page on a 360x800 phone, the categories in one row', async () => {
    const page = await phonePage();
    await page.goto(`${portal.url}/`);
    const card = (await page.locator('.cards .listing').first().boundingBox())!;
    const chips = page.locator('.chips-scroll .chips li');
    const rows = new Set(await chips.evaluateAll((items) => items.map((li) => Math.round(li.getBoundingClientRect().top))));
    console.log(`home: first listing at ${Math.round(card.y)} px (two screens: 1,600), categories in ${rows.size} row`);
    assert.ok(card.y < 2 * phone.height, `first listing at ${card.y}`);
    assert.equal(rows.size, 1);
    // No sideways scroll of the page itself: only the category row scrolls.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
    await page.context().close();
  });

  it('is reachable by keyboard, skip link first, with a visible focus ring', async () => {
    const page = await phonePage();
    await page.goto(`${portal.url}/`);
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { text: el.textContent, outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    assert.equal(first.text, 'Langsung ke konten');
    assert.notEqual(first.outline, 'none');
    assert.ok(first.width >= 2);
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    await page.context().close();
  });

  it('lets a keyboard reach every control of the registration and supplier forms, each with a visible focus', async () => {
    const page = await phonePage();
    for (const path of ['/daftar/', '/pengadaan/']) {
      await page.goto(`${portal.url}${path}`);
      // Every control in view (the product rows behind "Tambah produk lain" are reached once it is opened).
      const controls = await page.locator('main input:not([type=hidden]):not([tabindex="-1"]):visible, main select:visible, main textarea:visible, main button:visible').evaluateAll((els) =>
        els.filter((e) => !(e as HTMLElement).hidden).map((e) => e.id || (e as HTMLInputElement).name || e.textContent),
      );
      const reached = new Set<string>();
      for (let i = 0; i < 300 && controls.some((c) => !reached.has(c ?? '')); i++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || !el.closest('main')) return null;
          const style = getComputedStyle(el);
          return { key: el.id || (el as HTMLInputElement).name || el.textContent, outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
        });
        if (focused?.key) {
          assert.ok(focused.outline, `${path}: ${focused.key} has no visible focus`);
          reached.add(focused.key);
        }
      }
      assert.deepEqual(controls.filter((c) => !reached.has(c ?? '')), [], `${path}: not reachable by Tab`);
    }
    await page.context().close();
  });

  it('is photographed at 360x800 and 1280x800 for review', async () => {
    mkdirSync(screenshots, { recursive: true });
    for (const viewport of [phone, { width: 1280, height: 800 }]) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      for (const [name, path] of Object.entries(await pages())) {
        await page.goto(`${portal.url}${path}`);
        if (name.startsWith('cari')) await page.getByRole('status').filter({ hasText: /hasil/ }).waitFor();
        await page.screenshot({ path: `${screenshots}/${name}-${viewport.width}x${viewport.height}.png`, fullPage: true });
      }
      await context.close();
    }
    console.log(`Tangkapan layar: ${screenshots}`);
  });
});
