import { renderSVG } from 'uqr';
import { escapeHtml as e } from '../../src/core/text.ts';

export const posterSizes = ['a4', 'a6'] as const;
export type PosterSize = (typeof posterSizes)[number];

/**
 * A printable poster for the shop front (A4) or a product label (A6): the business name,
 * its category and place, and a QR code that opens its profile.
 */
export function renderPoster(p: { name: string; category: string; place: string; profileUrl: string; size: PosterSize }): string {
  const qr = renderSVG(p.profileUrl, { ecc: 'M', border: 2 }).replace('<svg ', `<svg role="img" aria-label="Kode QR ke ${e(p.profileUrl)}" `);
  const other = p.size === 'a4' ? 'a6' : 'a4';
  return `<article class="poster poster-${p.size}">
<p class="poster-kicker">Temukan kami di Etalase Jabar</p>
<h1>${e(p.name)}</h1>
<p class="poster-meta">${e(p.category)} · ${e(p.place)}</p>
<div class="poster-qr">${qr}</div>
<p class="poster-call">Pindai untuk melihat produk, toko online, dan WhatsApp kami</p>
<p class="poster-url">${e(p.profileUrl)}</p>
</article>
<p class="no-print"><button type="button" class="btn btn-primary" data-print>Cetak poster ${p.size.toUpperCase()}</button> <a href="?ukuran=${other}">Ukuran ${other.toUpperCase()}</a></p>`;
}
