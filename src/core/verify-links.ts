/**
 * Where a buyer checks an identifier at its source, one click from the supplier sheet.
 * Neither page takes the number in its address, so the number is shown beside the link to
 * be typed or pasted there.
 *
 * Sources (the portals cannot be reached from this build machine; both addresses as the
 * public-data project datarakyat-id documents them, last checked there in March 2026):
 * - OSS RBA (Kementerian Investasi/BKPM) public NIB search: https://oss.go.id/informasi/pencarian-nib
 *   (datarakyat-id.pages.dev/docs/oss_nib, "Auth required: none, public search tier").
 * - BPJPH (Kementerian Agama) SIHALAL public certificate search: https://sertifikasi.halal.go.id/sertifikat/publik
 *   (datarakyat-id.pages.dev/docs/bpjph, "public certificate lookup").
 */
export const verifyLinks = {
  nib: { href: 'https://oss.go.id/informasi/pencarian-nib', label: 'Cek NIB di OSS' },
  halal: { href: 'https://sertifikasi.halal.go.id/sertifikat/publik', label: 'Cek sertifikat di BPJPH (SIHALAL)' },
} as const;
