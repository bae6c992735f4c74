/**
 * The optional map link of a shop: a Google Maps or OpenStreetMap link the owner copied, or a
 * point they set ("-6.9175, 107.6191", as Google Maps shows it when you hold a spot), which
 * becomes an OpenStreetMap link. Only plain links: the profile loads no map script.
 */
export type MapLinkResult = { ok: true; url: string } | { ok: false; reason: 'not-map' | 'outside' };

const MAP_HOSTS = new Set(['maps.google.com', 'www.google.com', 'google.com', 'maps.app.goo.gl', 'goo.gl', 'www.google.co.id', 'google.co.id', 'www.openstreetmap.org', 'openstreetmap.org', 'osm.org']);

/** West Java with a margin: a point outside it is a typo (swapped or unsigned numbers). */
const WEST_JAVA = { south: -8.0, north: -5.8, west: 106.3, east: 108.9 };

export function normaliseMapLink(raw: string): MapLinkResult {
  const text = raw.trim();
  const point = pointOf(text);
  if (point) {
    const [lat, lng] = point;
    if (!(lat >= WEST_JAVA.south && lat <= WEST_JAVA.north && lng >= WEST_JAVA.west && lng <= WEST_JAVA.east)) return { ok: false, reason: 'outside' };
    const la = lat.toFixed(5);
    const lo = lng.toFixed(5);
    return { ok: true, url: `https://www.openstreetmap.org/?mlat=${la}&mlon=${lo}#map=17/${la}/${lo}` };
  }
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return { ok: false, reason: 'not-map' };
  }
  if (url.username || url.password || url.port) return { ok: false, reason: 'not-map' };
  const host = url.hostname.toLowerCase();
  if (!MAP_HOSTS.has(host)) return { ok: false, reason: 'not-map' };
  // On google.com only the maps paths; goo.gl only its maps short links.
  if (/^(www\.)?google\.(com|co\.id)$/.test(host) && !url.pathname.startsWith('/maps')) return { ok: false, reason: 'not-map' };
  if (host === 'goo.gl' && !url.pathname.startsWith('/maps')) return { ok: false, reason: 'not-map' };
  url.protocol = 'https:';
  url.hash = host.includes('openstreetmap') || host === 'osm.org' ? url.hash : '';
  return { ok: true, url: url.toString() };
}

/** "-6.9175, 107.6191", "-6.9175 107.6191" or, with decimal commas, "-6,9175; 107,6191": the two numbers, or null. */
function pointOf(text: string): [number, number] | null {
  const parts = text.includes(';') ? text.split(';').map((p) => p.trim().replace(',', '.')) : (/^(-?\d+(?:\.\d+)?)\s*[,\s]\s*(-?\d+(?:\.\d+)?)$/.exec(text)?.slice(1) ?? []);
  if (parts.length !== 2 || !parts.every((p) => /^-?\d{1,3}(\.\d+)?$/.test(p))) return null;
  return [Number(parts[0]), Number(parts[1])];
}
