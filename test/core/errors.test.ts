import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/errors.ts';

describe('AppError', () => {
  it('is recognised across copies of its module (the server build bundles its own)', async () => {
    // A second, separate instance of the module, as dist/server holds beside the server process's.
    // @ts-expect-error: the query string makes vitest load the module a second time, as its own copy.
    const copy = (await import('../../src/core/errors.ts?copy')) as typeof import('../../src/core/errors.ts');
    expect(copy.AppError).not.toBe(AppError);
    const fromCopy = new copy.AppError('RATE_LIMITED', 'Terlalu banyak.', { headers: { 'retry-after': '60' } });
    expect(fromCopy instanceof AppError).toBe(true);
    expect(new AppError('NOT_FOUND', 'Tidak ada.') instanceof copy.AppError).toBe(true);
    expect(new Error('lain') instanceof AppError).toBe(false);
    expect(Object.assign(new Error('mirip'), { code: 'NOT_FOUND' }) instanceof AppError).toBe(false);
  });
});
