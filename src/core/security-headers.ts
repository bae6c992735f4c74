/**
 * Security headers for every response: static pages (Cloudflare `_headers`, the Node
 * server) and the API. The Content-Security-Policy is strict: no inline script or style
 * anywhere; 'wasm-unsafe-eval' only on the search page, whose Pagefind runs as WebAssembly.
 */
const directives = (options: { turnstile?: boolean; wasm?: boolean } = {}) => [
  "default-src 'self'",
  `script-src 'self'${options.wasm ? " 'wasm-unsafe-eval'" : ''}${options.turnstile ? ` ${TURNSTILE_ORIGIN}` : ''}`,
  ...(options.turnstile ? [`frame-src ${TURNSTILE_ORIGIN}`] : []),
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/** Where Cloudflare Turnstile's script and challenge frame come from. */
export const TURNSTILE_ORIGIN = 'https://challenges.cloudflare.com';

export const contentSecurityPolicy = directives().join('; ');

/** The same policy, opened only for Turnstile: on the registration form, when Turnstile is configured. */
export const contentSecurityPolicyWithTurnstile = directives({ turnstile: true }).join('; ');

/** The pages that run Pagefind's WebAssembly, and their policy; every other page may compile none. */
export const SEARCH_PAGE = '/cari/';
export const contentSecurityPolicyForSearch = directives({ wasm: true }).join('; ');

/** Prerendered pages change when the site is rebuilt: browsers ask again each time (a cheap 304 when unchanged). */
export const htmlCacheControl = 'public, max-age=0, must-revalidate';

/** For every response. */
export const baseSecurityHeaders: Record<string, string> = {
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  // No other site may embed our responses (JSON, pages, scripts) as its own resources.
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** For API answers (JSON, CSV, problem+json): nothing in them may load or run, nor be framed. */
export const apiSecurityHeaders: Record<string, string> = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
};

/** For documents only: they mean nothing on JSON, scripts or the search index, whose bytes a phone pays for. */
export const documentSecurityHeaders: Record<string, string> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export const securityHeaders: Record<string, string> = { ...baseSecurityHeaders, ...documentSecurityHeaders };
