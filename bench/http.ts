import autocannon from 'autocannon';

/** One load run: 10 connections for `seconds`, each request's path from `next`. */
async function load(url: string, next: () => string, seconds: number) {
  const result = await autocannon({
    url,
    connections: 10,
    duration: seconds,
    // Accepting gzip as browsers do, so pages are compressed as they would be for a phone.
    requests: [{ headers: { 'accept-encoding': 'gzip' }, setupRequest: (request) => ({ ...request, method: 'GET', path: next() }) }],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    requests: result.requests.total,
  };
}

/** What shoppers type, alone or with a filter, as the search page's query strings. */
const searches = [
  { q: 'keripik' },
  { q: 'batik cirebon' },
  { q: 'kopi garut' },
  { q: 'dodol' },
  { q: 'sambal' },
  { q: 'tas anyaman' },
  { q: 'keripik', wilayah: '32.73' },
  { q: 'kopi', kategori: 'kuliner' },
].map((params) => new URLSearchParams(params).toString());

/**
 * Over HTTP on `npm start`'s own server (scripts/start.ts, WORKERS processes) at `url`: profiles uncached (each request a profile and parameter no one asked before)
 * and cached (the same 20 profiles), mixed searches uncached, and a static file of the same
 * server for the ratio. 10 connections, `seconds` each, after a 5 s warm-up.
 */
export async function benchHttp(url: string, slugs: string[], seconds = 10) {
  let n = 0;
  const unique = () => `bench=${n++}`;
  const profileUncached = () => `/umkm/${slugs[n % slugs.length]}/?${unique()}`;
  const hot = slugs.slice(0, 20);
  const profileCached = () => `/umkm/${hot[n++ % hot.length]}/`;
  const search = () => `/cari/?${searches[n % searches.length]}&${unique()}`;
  const css = /href="(\/_astro\/[^"]+\.css)"/.exec(await (await fetch(`${url}/daftar/`)).text())?.[1] ?? '/favicon.svg';
  await load(url, profileUncached, 5);
  const uncached = await load(url, profileUncached, seconds);
  await load(url, profileCached, 2);
  const cached = await load(url, profileCached, seconds);
  const searched = await load(url, search, seconds);
  const staticFile = await load(url, () => css, seconds);
  return { uncached, cached, searched, staticFile };
}
