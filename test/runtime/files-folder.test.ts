import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { folderFileStore } from '../../src/runtime/files-folder.ts';

/** The Node file store (a folder beside the database) on a real temporary folder. */
const dir = mkdtempSync(join(tmpdir(), 'etalase-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const files = folderFileStore(dir);
const text = async (key: string) => {
  const f = await files.get(key);
  return f ? new Response(f.body).text() : null;
};

describe('the folder file store', () => {
  it('keeps what was put, with its type, size and a content ETag, and lists and deletes it', async () => {
    const put = await files.put('a/b.txt', 'halo', { contentType: 'text/plain' });
    expect(put).toEqual(expect.objectContaining({ key: 'a/b.txt', size: 4, contentType: 'text/plain', etag: expect.stringMatching(/^"[0-9a-f]{32}"$/) }));
    expect(await text('a/b.txt')).toBe('halo');
    expect((await files.head('a/b.txt'))?.etag).toBe(put.etag);
    await files.put('a/c.txt', new TextEncoder().encode('dua'), { contentType: 'text/plain' });
    expect((await files.list('a/')).map((f) => f.key)).toEqual(['a/b.txt', 'a/c.txt']);
    expect((await files.list('a/c')).map((f) => f.key)).toEqual(['a/c.txt']);
    await files.delete('a/b.txt');
    expect(await files.get('a/b.txt')).toBeNull();
    expect(await files.list('tidak-ada/')).toEqual([]);
  });

  it('keeps the old file whole when writing a new one fails midway, and leaves no temporary file', async () => {
    await files.put('x.csv', 'lama', { contentType: 'text/csv' });
    let sent = 0;
    const failing = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 3) controller.enqueue(new TextEncoder().encode('baru '));
        else controller.error(new Error('basis data terputus'));
      },
    });
    await expect(files.put('x.csv', failing, { contentType: 'text/csv' })).rejects.toThrow('basis data terputus');
    expect(await text('x.csv')).toBe('lama');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp') || n.includes('.tmp.'))).toEqual([]);
  });

  it.each(['../luar.txt', '/etc/passwd', 'a/../../b', 'A.txt', '', 'a//b'])('refuses the key %j before touching the disk', async (key) => {
    await expect(files.put(key, 'x', { contentType: 'text/plain' })).rejects.toThrow('kunci berkas tidak sah');
    await expect(files.get(key)).rejects.toThrow('kunci berkas tidak sah');
  });
});
