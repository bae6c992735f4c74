import { Hono } from 'hono';
import { AppError } from '../../src/core/errors.ts';
import { messages } from '../../src/core/messages.ts';
import { supplierJson } from '../../src/core/supplier-record.ts';
import { suppliersBySlugs } from '../../db/queries/suppliers.ts';
import type { AppDeps } from '../deps.ts';
import { shellPage } from '../html/shell.ts';
import { posterSizes, renderPoster, type PosterSize } from '../html/poster.ts';

/** /poster/:slug?ukuran=a4|a6: a printable poster with a QR code to the profile. */
export function posterRoutes(deps: Required<AppDeps>) {
  return new Hono().get('/:slug', async (c) => {
    const size = c.req.query('ukuran') ?? 'a4';
    if (!(posterSizes as readonly string[]).includes(size)) {
      throw new AppError('BAD_REQUEST', messages.badRequest, { fields: [{ path: 'ukuran', message: messages.posterSize }] });
    }
    const [supplier] = await suppliersBySlugs(deps.db, [c.req.param('slug')].filter((s) => /^[a-z0-9-]{1,80}$/.test(s)));
    if (!supplier) throw new AppError('NOT_FOUND', messages.msmeNotFound);
    const s = supplierJson(supplier, deps.config.SITE_URL);
    const main = renderPoster({ name: s.name, category: s.category.name, place: `${s.district.name}, ${s.regency.name}`, profileUrl: s.profileUrl, size: size as PosterSize });
    const url = new URL(`/poster/${s.slug}?ukuran=${size}`, deps.config.SITE_URL).toString();
    return c.html(await shellPage(deps, c.req.raw, { title: `Poster ${s.name}`, main, url }));
  });
}
