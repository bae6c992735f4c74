import { escapeHtml as e } from '../../src/core/text.ts';
import { formatPhoneLocal } from '../../src/core/phone.ts';
import type { FieldError } from '../../src/core/errors.ts';
import { renderRegistrationForm } from '../../src/ui/registration-form.ts';
import type { OwnListing } from '../../db/queries/owner.ts';
import type { ListingData } from '../../src/core/listing-diff.ts';
import { formatDateTime } from '../../src/lib/labels.ts';

/** Stored data as the values of the registration form, so the owner edits what is there. */
export function formValues(data: ListingData): Record<string, unknown> {
  return {
    ...data,
    kbliCodes: data.kbliCodes.join(', '),
    whatsapp: formatPhoneLocal(data.whatsapp),
    address: data.address ?? '',
    email: data.email ?? '',
    nib: data.nib ?? '',
    halalNumber: data.halalNumber ?? '',
    pirtNumber: data.pirtNumber ?? '',
    storeLinks: data.storeLinks.map((l) => (typeof l === 'string' ? l : l.url)),
    products: data.products.map((p) => ({ name: p.name, priceMin: p.priceMin, priceMax: p.priceMax ?? '' })),
  };
}

/**
 * The owner's tools under the status: the change waiting for review, the form to change
 * anything, and removal. Values and errors are those of a failed attempt when there is one.
 */
export function renderOwnerTools(own: OwnListing, token: string, attempt?: { values: Record<string, unknown>; errors: FieldError[] }): string {
  if (own.listing.status === 'removed') return '';
  const base = `/status/${e(token)}`;
  const pending = own.pendingEdit
    ? `<section class="notice" aria-labelledby="pending-edit"><h2 id="pending-edit">Perubahan menunggu verifikasi</h2>
<p>Anda mengirim perubahan pada ${formatDateTime(own.pendingEdit.createdAt)} WIB. Profil yang tayang tetap seperti semula sampai petugas menyetujuinya. Formulir di bawah berisi perubahan terakhir Anda.</p></section>`
    : own.rejectedEdit
      ? `<section class="notice" aria-labelledby="rejected-edit"><h2 id="rejected-edit">Perubahan terakhir ditolak</h2>
<p>Petugas menolak perubahan Anda pada ${formatDateTime(own.rejectedEdit.reviewedAt)} WIB. <strong>Alasan:</strong> ${e(own.rejectedEdit.reason)}</p>
<p>Profil yang tayang tidak berubah. Anda dapat memperbaiki lalu mengirim perubahan lagi.</p></section>`
      : '';
  const values = attempt?.values ?? formValues(own.pendingEdit?.data ?? own.current);
  const form = renderRegistrationForm({
    values,
    errors: attempt?.errors ?? [],
    action: `${base}/ubah`,
    submitLabel: 'Kirim perubahan',
    hidden: { version: String(own.listing.version) },
  });
  return `${pending}
<section aria-labelledby="edit-heading"><h2 id="edit-heading">Ubah data usaha</h2>
<p>${own.listing.status === 'published' ? 'Perubahan diperiksa petugas sebelum tampil.' : 'Pendaftaran yang diubah akan diperiksa ulang.'}</p>
${form}</section>
<section class="danger" aria-labelledby="remove-heading"><h2 id="remove-heading">Hapus listing</h2>
<p>Listing dan seluruh datanya (nomor WhatsApp, email, alamat, tautan toko, produk) dihapus dan tidak tampil lagi. Hanya catatan bahwa listing pernah ada dan dihapus yang disimpan.</p>
<form method="post" action="${base}/hapus">
<div class="field"><label class="check"><input type="checkbox" name="confirm" value="1" required> Ya, hapus listing ${e(own.listing.name)}</label></div>
<button type="submit" class="btn">Hapus listing</button>
</form></section>`;
}
