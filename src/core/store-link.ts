import { platforms, type Platform } from './platforms.ts';

/**
 * A store link pasted by an owner, checked and made canonical: https only, the platform
 * recognised from the exact host (never "contains"), tracking parameters dropped.
 * Short links (tokopedia.link, shp.ee, ...) are kept as given: their host names the platform.
 */
export type StoreLinkResult =
  | { ok: true; platform: string; platformName: string; url: string; short: boolean }
  | { ok: false; reason: StoreLinkReason };

export type StoreLinkReason =
  | 'empty'
  | 'not_url'
  | 'not_https'
  | 'credentials'
  | 'port'
  | 'unknown_host'
  | 'not_shop_page'
  | 'too_long';

/** Query parameters that carry meaning on some shop pages; all others (utm_*, spm, igsh, ...) go. */
const KEPT_PARAMS: Record<string, string[]> = { facebook: ['id'] };
const MAX_LENGTH = 500;

const compiled = platforms.map((p) => ({ platform: p, shopPath: new RegExp(p.shopPath) }));

/** A pasted link read as https (the scheme added when it was left out), or why it is refused before its host is looked at. */
function readPastedLink(input: string): { ok: true; url: URL; host: string; path: string } | { ok: false; reason: 'empty' | 'too_long' | 'not_https' | 'not_url' | 'credentials' | 'port' } {
  let text = input.trim();
  if (text === '') return { ok: false, reason: 'empty' };
  if (text.length > MAX_LENGTH) return { ok: false, reason: 'too_long' };
  const scheme = /^([a-z][a-z0-9+\-]*):/i.exec(text)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    // "tokopedia.com/toko" pasted without a scheme: read it as https.
    text = `https://${text.replace(/^\/+/, '')}`;
  } else if (scheme !== 'https') {
    return { ok: false, reason: 'not_https' };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: 'not_url' };
  }
  if (url.protocol !== 'https:') return { ok: false, reason: 'not_https' };
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'credentials' };
  if (url.port !== '') return { ok: false, reason: 'port' };
  return { ok: true, url, host: url.hostname.toLowerCase().replace(/\.$/, ''), path: url.pathname.replace(/\/{2,}/g, '/') };
}

export function normaliseStoreLink(input: string): StoreLinkResult {
  const read = readPastedLink(input);
  if (!read.ok) return read;
  const { url, host, path } = read;

  const short = platforms.find((p) => p.shortHosts.includes(host));
  if (short) {
    if (path === '/' || path === '') return { ok: false, reason: 'not_shop_page' };
    return ok(short, `https://${host}${path.replace(/\/$/, '')}`, true);
  }
  const candidates = compiled.filter((c) => c.platform.hosts.includes(host));
  if (candidates.length === 0) return { ok: false, reason: 'unknown_host' };
  for (const { platform, shopPath } of candidates) {
    const first = path.split('/')[1] ?? '';
    if (platform.reservedFirstSegments.includes(first.toLowerCase())) continue;
    if (!shopPath.test(path)) continue;
    return ok(platform, `https://${canonicalHost(platform, host)}${path.replace(/\/$/, '')}${keptQuery(platform, url)}`, false);
  }
  return { ok: false, reason: 'not_shop_page' };
}

/** The query parameters that mean something on the platform's pages ("?id=" on Facebook), the rest (tracking) dropped. */
function keptQuery(platform: Platform, url: URL): string {
  const kept = new URLSearchParams();
  for (const name of KEPT_PARAMS[platform.id] ?? []) {
    const value = url.searchParams.get(name);
    if (value !== null) kept.set(name, value);
  }
  return kept.size > 0 ? `?${kept.toString()}` : '';
}

function ok(platform: Platform, url: string, short: boolean): StoreLinkResult {
  return { ok: true, platform: platform.id, platformName: platform.name, url, short };
}

/** One spelling per shop: the platform's first host (m.facebook.com -> www.facebook.com); shop.tiktok.com stays. */
function canonicalHost(platform: Platform, host: string): string {
  if (host.startsWith('shop.')) return host;
  return platform.hosts[0] ?? host;
}

export type ProductLinkResult = { ok: true; platform: string; url: string } | { ok: false; reason: Exclude<StoreLinkReason, 'not_shop_page'> | 'not_product_page' };

/**
 * A direct link to one product on a marketplace the portal knows, checked like a store link
 * (https, no credentials or port, the platform from the exact host) but any page of the
 * platform but its front page; tracking parameters dropped.
 */
export function normaliseProductLink(input: string): ProductLinkResult {
  const read = readPastedLink(input);
  if (!read.ok) return read;
  const { url, host } = read;
  const platform = platforms.find((p) => p.hosts.includes(host) || p.shortHosts.includes(host));
  if (!platform) return { ok: false, reason: 'unknown_host' };
  const path = read.path.replace(/\/$/, '');
  if (path === '') return { ok: false, reason: 'not_product_page' };
  const shortHost = platform.shortHosts.includes(host);
  return { ok: true, platform: platform.id, url: `https://${shortHost ? host : canonicalHost(platform, host)}${path}${keptQuery(platform, url)}` };
}
