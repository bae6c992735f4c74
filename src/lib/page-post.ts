import type { AstroGlobal } from 'astro';
import { AppError } from '../core/errors.ts';
import { readFormPost } from '../../functions/request-body.ts';
import { busyAsUnavailable } from '../../functions/problem.ts';
import { statusPath } from '../../functions/services/registration.ts';

type Page = Pick<AstroGlobal, 'locals' | 'request' | 'clientAddress' | 'response'>;

/**
 * A form posted to a page: under the runtime's write limit (429 with Retry-After), within
 * the body size (413), a well-formed form of text fields (400/415). Astro has already refused
 * a post from another site (its origin check), on Node and Cloudflare alike.
 */
export async function readPagePost(page: Page): Promise<Record<string, unknown>> {
  const { deps } = page.locals.portal;
  deps.writeLimiter.hit(page.clientAddress);
  return readFormPost(page.request, deps.config.MAX_BODY_KB);
}

/**
 * A private page (an owner's status link, staff pages): never cached, and its URL never sent
 * to another site as a Referer. same-origin, not no-referrer: with no-referrer Chromium sends
 * "Origin: null" on the page's own forms, which the origin checks refuse.
 */
export function privatePage(page: Pick<AstroGlobal, 'response'>) {
  page.response.headers.set('cache-control', 'no-store');
  page.response.headers.set('referrer-policy', 'same-origin');
}

/**
 * What a page shows for an error it caught: our own errors as they are (a locked database
 * as a 503 to send again), with their status and headers set on the page; anything else
 * is thrown on, for the 500 page and the log.
 */
export function pageProblem(page: Page, error: unknown): AppError {
  const known = busyAsUnavailable(error, page.request, page.locals.portal.deps.log);
  if (!(known instanceof AppError)) throw known;
  page.response.status = known.status;
  for (const [name, value] of Object.entries(known.headers)) page.response.headers.set(name, value);
  page.response.headers.set('cache-control', 'no-store');
  return known;
}


/**
 * A form an owner posts from their private page (/status/:token/…): anything but a POST goes
 * back to that page; a post is read (see readPagePost) and handed to `act`, and the owner
 * returns to their page with `?<notice>=1` (303). What went wrong comes back as the problem
 * to show, with the values the owner sent.
 */
export async function ownerPost(
  page: Page & Pick<AstroGlobal, 'redirect'>,
  token: string,
  notice: string,
  act: (data: Record<string, unknown>) => Promise<unknown>,
): Promise<Response | { problem: AppError; values: Record<string, unknown> }> {
  if (page.request.method !== 'POST') return page.redirect(statusPath(token), 303);
  privatePage(page);
  let values: Record<string, unknown> = {};
  try {
    values = await readPagePost(page);
    await act(values);
    return page.redirect(`${statusPath(token)}?${notice}=1`, 303);
  } catch (error) {
    return { problem: pageProblem(page, error), values };
  }
}
