import { describe, expect, it } from 'vitest';
import { judge, retryAfterSeconds, samePlatform, type LinkHistory } from '../../src/core/link-health.ts';

const now = new Date('2026-12-01T00:00:00Z');
const DAY = 86_400_000;
const link = (url: string, more: Partial<LinkHistory> = {}): LinkHistory => ({ id: 7, url, checkState: null, failingSince: null, ...more });

describe('samePlatform', () => {
  it.each([
    ['https://tokopedia.link/abc', 'https://www.tokopedia.com/tokoku', true],
    ['https://www.tokopedia.com/tokoku', 'https://tokopedia.com/tokoku', true],
    ['https://shopee.co.id/tokoku', 'https://www.tokopedia.com/tokoku', false],
    ['https://www.instagram.com/tokoku', 'https://www.instagram.com/accounts/login/', true],
    ['http://127.0.0.1:5000/a', 'http://127.0.0.1:6000/b', true],
    ['http://127.0.0.1:5000/a', 'http://127.0.0.2:5000/a', false],
  ])('%s -> %s: %s', (from, to, same) => expect(samePlatform(from, to)).toBe(same));
});

describe('judge', () => {
  it('takes a short link that leads to its shop as moved, with the canonical shop address', () => {
    const v = judge(link('https://tokopedia.link/abc'), { kind: 'status', status: 200, finalUrl: 'https://www.tokopedia.com/tokoku?utm_source=x', hops: 1 }, now);
    expect([v.state, v.movedTo]).toEqual(['moved', 'https://www.tokopedia.com/tokoku']);
  });

  it('never takes a redirect to a login wall or home page as a move', () => {
    const v = judge(link('https://www.instagram.com/tokoku'), { kind: 'status', status: 200, finalUrl: 'https://www.instagram.com/accounts/login/', hops: 1 }, now);
    expect(v.state).toBe('unknown');
    expect(v.detail).toContain('bukan toko');
  });

  it('sees http to https or a trailing slash as the same shop', () => {
    expect(judge(link('https://www.tokopedia.com/tokoku'), { kind: 'status', status: 200, finalUrl: 'https://www.tokopedia.com/tokoku/', hops: 1 }, now).state).toBe('ok');
  });

  it('is gone only after a second 404 or 410 at least 7 days after the first, with an unknown in between', () => {
    const first = judge(link('https://shopee.co.id/tokoku'), { kind: 'status', status: 404, finalUrl: 'https://shopee.co.id/tokoku', hops: 0 }, now);
    expect([first.state, first.nextCheckAt]).toEqual(['suspect', new Date(now.getTime() + 7 * DAY)]);
    const between = judge(link('https://shopee.co.id/tokoku', { checkState: 'suspect', failingSince: now }), { kind: 'timeout' }, new Date(now.getTime() + 3 * DAY));
    expect([between.state, between.failingSince]).toEqual(['unknown', now]);
    const early = judge(link('https://shopee.co.id/tokoku', { checkState: 'unknown', failingSince: now }), { kind: 'status', status: 410, finalUrl: 'x', hops: 0 }, new Date(now.getTime() + 6 * DAY));
    expect(early.state).toBe('suspect');
    const late = judge(link('https://shopee.co.id/tokoku', { checkState: 'suspect', failingSince: now }), { kind: 'status', status: 404, finalUrl: 'x', hops: 0 }, new Date(now.getTime() + 7 * DAY));
    expect(late.state).toBe('gone');
  });

  it('visits a working link again within 90 days, spread by id', () => {
    const days = [1, 2, 3, 50, 99].map((id) => (judge({ ...link('https://shopee.co.id/t'), id }, { kind: 'status', status: 200, finalUrl: 'https://shopee.co.id/t', hops: 0 }, now).nextCheckAt.getTime() - now.getTime()) / DAY);
    for (const d of days) expect(d).toBeGreaterThanOrEqual(60);
    for (const d of days) expect(d).toBeLessThanOrEqual(80);
    expect(new Set(days).size).toBeGreaterThan(1);
  });

  it.each([500, 503, 401, 403, 429])('never counts a %i as dead', (status) => {
    expect(judge(link('https://shopee.co.id/t'), { kind: 'status', status, finalUrl: 'x', hops: 0 }, now).state).toBe('unknown');
  });
});

describe('retryAfterSeconds', () => {
  it.each([
    ['5', 5],
    ['0', undefined],
    ['99999', 3600],
    ['Tue, 01 Dec 2026 00:00:30 GMT', 30],
    ['besok', undefined],
  ])('%s -> %s', (header, seconds) => expect(retryAfterSeconds(header, now)).toBe(seconds));
});
