/** The closed list of error codes the API and the site can answer with. */
export const errorCodes = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  VALIDATION_FAILED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorCodes;

/** One bad input field: its path (`storeLinks.1`, `products.0.priceMin`) and why. */
export interface FieldError {
  path: string;
  message: string;
}

/** Marks an AppError whichever copy of this module made it (see Symbol.hasInstance below). */
const APP_ERROR = Symbol.for('etalase.AppError');

/**
 * The one error type the core, the queries and the routes throw on purpose. On Node the
 * server build (dist/server) bundles its own copy of this module beside the one the server
 * process loads for the API and its write limit, so `instanceof` looks for the mark, not
 * the class: an AppError from either copy is an AppError to both.
 */
export class AppError extends Error {
  readonly [APP_ERROR] = true;
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as { [APP_ERROR]?: boolean })[APP_ERROR] === true;
  }

  readonly code: ErrorCode;
  readonly fields: FieldError[];
  /** Extra response headers, such as Retry-After with RATE_LIMITED. */
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, message: string, options: { fields?: FieldError[]; cause?: unknown; headers?: Record<string, string> } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields ?? [];
    this.headers = options.headers ?? {};
  }

  get status(): number {
    return errorCodes[this.code];
  }
}

/**
 * True when a database failure only means "busy right now" (another writer held the lock
 * past the wait): the request may simply be sent again. Read from the error chain by its
 * code, so the core needs no database driver.
 */
export function isBusyError(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code)) return true;
    const extended = (e as { extendedCode?: unknown }).extendedCode;
    if (typeof extended === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(extended)) return true;
  }
  return false;
}
