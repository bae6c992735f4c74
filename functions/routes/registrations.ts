import { Hono } from 'hono';
import { AppError } from '../../src/core/errors.ts';
import { messages } from '../../src/core/messages.ts';
import { getRegistrationStatus } from '../../db/queries/registrations.ts';
import { readBody } from '../body.ts';
import type { AppDeps } from '../deps.ts';
import { backgroundOf } from '../page-changes.ts';
import { editOwnListing, ownerTokenHash, removeOwnListingByToken } from '../services/owner.ts';
import { registerListing } from '../services/registration.ts';

/**
 * /api/registrations: a new registration (JSON or form fields, answered in JSON), and the
 * owner's status, change and removal through the private token. The registration page
 * and the owner's private page call the same services (functions/services/).
 */
export function registrationRoutes(deps: Required<AppDeps>) {
  return new Hono()
    .post('/', async (c) => {
      const { data } = await readBody(c);
      const done = await registerListing(deps, data, c.req.header('cf-connecting-ip'));
      c.header('location', done.statusUrl);
      c.header('cache-control', 'no-store');
      return c.json(done, 201);
    })
    .get('/:token', async (c) => {
      const row = await getRegistrationStatus(deps.db, await ownerTokenHash(c.req.param('token')));
      if (!row) throw new AppError('NOT_FOUND', messages.registrationNotFound);
      const { id: _id, ...status } = row;
      c.header('cache-control', 'no-store');
      return c.json(status);
    })
    .put('/:token', async (c) => {
      const result = await editOwnListing(deps, c.req.param('token'), (await readBody(c)).data);
      c.header('cache-control', 'no-store');
      return c.json(result);
    })
    .delete('/:token', async (c) => {
      await removeOwnListingByToken(deps, c.req.param('token'), backgroundOf(c));
      c.header('cache-control', 'no-store');
      return c.json({ status: 'removed' });
    });
}
