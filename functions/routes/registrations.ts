import { Hono, type Context } from 'hono';
import { AppError } from '../../src/core/errors.ts';
import { messages } from '../../src/core/messages.ts';
import { registrationSchema } from '../../src/core/registration.ts';
import { hashToken, isWellFormedToken, newToken } from '../../src/core/token.ts';
import { toFieldErrors } from '../../src/core/validation.ts';
import { renderRegistrationForm } from '../../src/ui/registration-form.ts';
import { createListing, getRegistrationStatus } from '../../db/queries/registrations.ts';
import { readBody } from '../body.ts';
import type { AppDeps } from '../deps.ts';
import { renderInShell, SHELL } from '../html/shell.ts';
import { renderStatusPage } from '../html/status-page.ts';

const statusPath = (token: string) => `/status/${token}`;

async function findStatus(deps: Required<AppDeps>, token: string) {
  const row = isWellFormedToken(token) ? await getRegistrationStatus(deps.db, await hashToken(token)) : undefined;
  if (!row) throw new AppError('NOT_FOUND', messages.registrationNotFound);
  return row;
}

function html(c: Context, body: string, status: 200 | 422 = 200) {
  c.header('cache-control', 'no-store');
  c.header('referrer-policy', 'no-referrer');
  return c.html(body, status);
}

/** POST /api/registrations and the JSON status; a new listing waits for review as "pending". */
export function registrationRoutes(deps: Required<AppDeps>) {
  return new Hono()
    .post('/', async (c) => {
      const { data, fromForm } = await readBody(c);
      const parsed = registrationSchema.safeParse(data);
      if (!parsed.success) {
        const fields = toFieldErrors(parsed.error);
        if (!fromForm) throw new AppError('VALIDATION_FAILED', messages.validationFailed, { fields });
        const shell = await deps.assets('/daftar/', c.req.raw);
        const form = `<h1>Daftarkan usaha Anda</h1>${renderRegistrationForm({ values: data, errors: fields })}`;
        return html(c, renderInShell(shell, { title: 'Perbaiki isian pendaftaran', main: form, url: new URL('/daftar/', deps.config.SITE_URL).toString() }), 422);
      }
      const token = newToken();
      const row = await createListing(deps.db, parsed.data, {
        now: deps.clock(),
        statusTokenHash: await hashToken(token),
        actor: 'owner',
      });
      const statusUrl = new URL(statusPath(token), deps.config.SITE_URL).toString();
      if (fromForm) return c.redirect(`${statusPath(token)}?baru=1`, 303);
      c.header('location', statusUrl);
      c.header('cache-control', 'no-store');
      return c.json({ slug: row.slug, status: row.status, statusUrl, statusToken: token }, 201);
    })
    .get('/:token', async (c) => {
      const row = await findStatus(deps, c.req.param('token'));
      c.header('cache-control', 'no-store');
      return c.json(row);
    });
}

/** GET /status/:token: the owner's status page, rendered on the server so it needs no JavaScript. */
export function statusPageRoutes(deps: Required<AppDeps>) {
  return new Hono().get('/:token', async (c) => {
    const token = c.req.param('token');
    const row = await findStatus(deps, token);
    const shell = await deps.assets(SHELL, c.req.raw);
    const url = new URL(statusPath(token), deps.config.SITE_URL).toString();
    return html(c, renderInShell(shell, { title: 'Status pendaftaran', main: renderStatusPage(row, url, c.req.query('baru') === '1'), url }));
  });
}
