import type { AstroIntegration } from 'astro';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { baseSecurityHeaders, contentSecurityPolicyWithTurnstile, documentSecurityHeaders, htmlCacheControl } from '../core/security-headers.ts';
import { parseEnv } from '../../functions/config.ts';

/**
 * Adds the security headers of static assets (pages drawn from the database get theirs
 * from src/middleware.ts) to Cloudflare's `_headers` file, after
 * the adapter has written its own rules (immutable caching of /_astro/*).
 */
export function securityHeadersFile(): AstroIntegration {
  let clientDir = '';
  return {
    name: 'etalase-security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        clientDir = fileURLToPath(config.build.client);
      },
      'astro:build:done': () => {
        const block = (path: string, headers: Record<string, string>) =>
          `\n${path}\n${Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`).join('\n')}\n`;
        // Every asset gets the base set; pages (folders ending in "/" and the 404 page) the document set too,
        // and a Cache-Control that makes browsers ask again after a deploy.
        const pageHeaders = { ...documentSecurityHeaders, 'Cache-Control': htmlCacheControl };
        appendFileSync(
          join(clientDir, '_headers'),
          block('/*', baseSecurityHeaders) +
            block('/*/', pageHeaders) +
            block('/', pageHeaders) +
            block('/404.html', pageHeaders) +
            // With Turnstile on, only the registration page may load its script and frame ("! " detaches the strict policy).
            (parseEnv(process.env).TURNSTILE_SITE_KEY ? `\n/daftar/\n  ! Content-Security-Policy\n  Content-Security-Policy: ${contentSecurityPolicyWithTurnstile}\n` : ''),
        );
      },
    },
  };
}
