import type { FieldError } from '../src/core/errors.ts';
import { messages } from '../src/core/messages.ts';
import { TURNSTILE_ORIGIN } from '../src/core/security-headers.ts';
import type { AppDeps } from './deps.ts';

/** The form field the Turnstile widget fills with its token. */
export const TURNSTILE_FIELD = 'cf-turnstile-response';

interface SiteverifyAnswer {
  success: boolean;
  'error-codes'?: string[];
}

/**
 * Checks a Turnstile token with Cloudflare's Siteverify API when a secret is configured
 * (tokens are single-use and only the server can check them). Returns the field error to
 * show, or null when the check passed or Turnstile is off. An unreachable Siteverify fails closed.
 */
export async function turnstileError(deps: Required<AppDeps>, token: unknown, clientIp: string | undefined): Promise<FieldError | null> {
  const secret = deps.config.TURNSTILE_SECRET_KEY;
  if (!secret) return null;
  if (typeof token !== 'string' || token === '' || token.length > 2048) return { path: TURNSTILE_FIELD, message: messages.turnstile };
  try {
    const body = new URLSearchParams({ secret, response: token, ...(clientIp ? { remoteip: clientIp } : {}) });
    const res = await deps.fetch(`${TURNSTILE_ORIGIN}/turnstile/v0/siteverify`, { method: 'POST', body, signal: AbortSignal.timeout(5000) });
    const answer = (await res.json()) as SiteverifyAnswer;
    return answer.success ? null : { path: TURNSTILE_FIELD, message: messages.turnstile };
  } catch (error) {
    deps.log('Turnstile Siteverify tidak dapat dihubungi', error);
    return { path: TURNSTILE_FIELD, message: messages.turnstileUnavailable };
  }
}
