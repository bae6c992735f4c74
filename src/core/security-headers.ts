/**
 * Security headers for every response: static pages (Cloudflare `_headers`, the Node
 * server) and the API. The Content-Security-Policy is strict: no inline script or style
 * anywhere; 'wasm-unsafe-eval' only because Pagefind's search runs as WebAssembly.
 */
const directives = (turnstile: boolean) => [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval'${turnstile ? ` ${TURNSTILE_ORIGIN}` : ''}`,
  ...(turnstile ? [`frame-src ${TURNSTILE_ORIGIN}`] : []),
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

export const contentSecurityPolicy = directives(false).join('; ');

/** The same policy, opened only for Turnstile: on the registration form, when Turnstile is configured. */
export const contentSecurityPolicyWithTurnstile = directives(true).join('; ');

/** For every response. */
export const baseSecurityHeaders: Record<string, string> = {
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

/** For documents only: they mean nothing on JSON, scripts or the search index, whose bytes a phone pays for. */
export const documentSecurityHeaders: Record<string, string> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export const securityHeaders: Record<string, string> = { ...baseSecurityHeaders, ...documentSecurityHeaders };
