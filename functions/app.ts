import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { AppError } from '../src/core/errors.ts';
import { messages } from '../src/core/messages.ts';
import type { AppDeps } from './deps.ts';
import { allowedMethods } from './allowed-methods.ts';
import { withApiSecurityHeaders } from './middleware/security-headers.ts';
import { bodyLimit } from './middleware/body-limit.ts';
import { rateLimit } from './middleware/rate-limit.ts';
import { busyAsUnavailable, internalError, problemResponse } from './problem.ts';
import { healthRoutes } from './routes/health.ts';
import { msmeRoutes } from './routes/msmes.ts';
import { registrationRoutes } from './routes/registrations.ts';
import { supplierRoutes } from './routes/suppliers.ts';
import { openApiDocument } from './openapi.ts';
import { validationHook } from './route-kit.ts';
import { reportRoutes } from './routes/reports.ts';
import { cloudflareEmail } from './email.ts';
import { createWriteLimiter } from './write-limit.ts';

const PHOTO_UPLOAD_PATH = /^\/api\/registrations\/[^/]+\/photos\/?$/;

/** The dependencies with what a runtime left out filled in: the clock, console logging, no email. */
export function withDefaults(input: AppDeps): Required<AppDeps> {
  const fetcher = input.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const clock = input.clock ?? (() => new Date());
  return {
    clock,
    writeLimiter: createWriteLimiter(input.config.WRITES_PER_MINUTE, clock),
    log: (message, error) => console.error(message, error),
    pagesChanged: () => {},
    fetch: fetcher,
    sendEmail: cloudflareEmail(input.config, fetcher) ?? null,
    files: null,
    photos: null,
    ...input,
  };
}

/**
 * The one Hono app, for Node (functions/node.ts) and the Cloudflare Worker
 * (src/pages/api/[...path].ts) alike. Every dependency comes in through `deps`.
 */
export function createApp(input: AppDeps) {
  const deps = withDefaults(input);
  // Not strict: /pengadaan and /pengadaan/ are the same page.
  const app = new OpenAPIHono({ strict: false, defaultHook: validationHook });

  app.use('*', withApiSecurityHeaders);
  const writes = rateLimit(deps.writeLimiter);
  app.use('/api/*', writes);
  // Every API body within MAX_BODY_KB, but a photo upload: its route reads up to its own limit (readPhotoForm).
  const apiBodies = bodyLimit(deps.config.MAX_BODY_KB);
  app.use('/api/*', (c, next) => (c.req.method === 'POST' && PHOTO_UPLOAD_PATH.test(c.req.path) ? next() : apiBodies(c, next)));

  app.route('/api/health', healthRoutes(deps));
  app.route('/api/msmes', msmeRoutes(deps));
  app.route('/api/registrations', registrationRoutes(deps));
  app.route('/api/suppliers', supplierRoutes(deps));
  app.route('/api/reports', reportRoutes(deps));
  // The OpenAPI 3.1 document of every route above, from the same definitions that check the requests.
  app.get('/api/openapi.json', (c) => {
    c.header('cache-control', 'public, max-age=60, stale-while-revalidate=600');
    return c.json(openApiDocument(app, deps.config.SITE_URL));
  });

  app.notFound((c) => {
    // A known path asked with a method it does not answer: 405 with the methods it does.
    const allow = allowedMethods(app.routes, new URL(c.req.url).pathname);
    if (allow.length > 0) return problemResponse(c, new AppError('METHOD_NOT_ALLOWED', messages.methodNotAllowed, { headers: { allow: allow.join(', ') } }));
    return problemResponse(c, new AppError('NOT_FOUND', messages.notFound));
  });
  app.onError(async (error, c) => {
    error = busyAsUnavailable(error, c.req.raw, deps.log);
    if (error instanceof AppError) return problemResponse(c, error);
    if (error instanceof HTTPException && error.status === 405) {
      return problemResponse(c, new AppError('METHOD_NOT_ALLOWED', messages.methodNotAllowed));
    }
    deps.log(`Unhandled error on ${c.req.method} ${new URL(c.req.url).pathname}`, error);
    return problemResponse(c, internalError());
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
