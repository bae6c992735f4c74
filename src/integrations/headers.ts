import type { AstroIntegration } from 'astro';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { securityHeaders } from '../core/security-headers.ts';

/**
 * Adds the security headers for every static asset to Cloudflare's `_headers` file, after
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
        const lines = Object.entries(securityHeaders).map(([name, value]) => `  ${name}: ${value}`);
        appendFileSync(join(clientDir, '_headers'), `\n/*\n${lines.join('\n')}\n`);
      },
    },
  };
}
