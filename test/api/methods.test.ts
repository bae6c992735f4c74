import { describe, expect, it } from 'vitest';
import { freshApp } from '../helpers.ts';
import { allowedMethods } from '../../functions/allowed-methods.ts';

const { app } = await freshApp();

describe('a known path with a method it does not answer', () => {
  it.each([
    ['DELETE', '/api/msmes', 'GET, HEAD'],
    ['POST', '/api/msmes/keripik-tempe', 'GET, HEAD'],
    ['PATCH', '/api/registrations', 'POST'],
    ['GET', '/api/reports', 'POST'],
    ['PUT', '/api/suppliers', 'GET, HEAD'],
    ['POST', '/api/health', 'GET, HEAD'],
  ])('%s %s is 405 problem+json with Allow: %s', async (method, path, allow) => {
    const res = await app.request(path, { method });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe(allow);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(((await res.json()) as { detail: string }).detail).toBe('Metode permintaan ini tidak didukung.');
  });

  it.each([
    ['PUT', '/status/abc', 'GET, HEAD'],
    ['DELETE', '/umkm/keripik-tempe/', 'GET, HEAD'],
    ['POST', '/kategori/kuliner/', 'GET, HEAD'],
    ['PUT', '/daftar/kirim/', 'GET, HEAD, POST'],
  ])('a page: %s %s is 405 with Allow: %s, said in Indonesian', async (method, path, allow) => {
    const res = await app.request(path, { method, headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe(allow);
    expect(await res.text()).toContain('Metode permintaan ini tidak didukung.');
  });

  it('keeps 404 for a path no route knows', async () => {
    const res = await app.request('/api/tidak-ada', { method: 'DELETE' });
    expect(res.status).toBe(404);
    expect(res.headers.get('allow')).toBeNull();
  });
});

describe('allowedMethods', () => {
  const routes = [
    { method: 'ALL', path: '/api/*' },
    { method: 'GET', path: '/api/msmes/:slug' },
    { method: 'PUT', path: '/api/registrations/:token' },
    { method: 'DELETE', path: '/api/registrations/:token' },
    { method: 'POST', path: '/admin/umkm/:id{[0-9]+}/setujui' },
  ];
  it.each([
    ['/api/msmes/abc', ['GET', 'HEAD']],
    ['/api/msmes/abc/', ['GET', 'HEAD']],
    ['/api/msmes', []],
    ['/api/registrations/t', ['DELETE', 'PUT']],
    ['/admin/umkm/12/setujui', ['POST']],
    ['/admin/umkm/x/setujui', []],
  ])('%s answers %j (middleware under ALL does not count)', (path, methods) => {
    expect(allowedMethods(routes, path)).toEqual(methods);
  });
});
