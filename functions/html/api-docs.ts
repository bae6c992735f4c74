import { escapeHtml as e } from '../../src/core/text.ts';
import type { openApiDocument } from '../openapi.ts';

type Doc = ReturnType<typeof openApiDocument>;
interface Param {
  name: string;
  required: boolean;
  description?: unknown;
  schema: Record<string, unknown>;
}

const type = (schema: Record<string, unknown>) =>
  Array.isArray(schema['enum']) ? `salah satu: ${(schema['enum'] as string[]).join(', ')}` : String(schema['type'] ?? 'teks');

/** The OpenAPI document as a page a person can read: each operation, its parameters, its answers. */
export function renderApiDocs(doc: Doc): string {
  const operations = Object.entries(doc.paths).map(([path, item]) => {
    const op = item.get;
    const params = op.parameters as Param[];
    return `<section class="api-op"><h2><code>GET ${e(path)}</code></h2><p>${e(op.summary)}</p>
<table class="compare"><thead><tr><th scope="col">Parameter</th><th scope="col">Keterangan</th><th scope="col">Nilai</th></tr></thead><tbody>
${params.map((p) => `<tr><td><code>${e(p.name)}</code>${p.required ? ' (wajib)' : ''}</td><td>${e(String(p.description ?? ''))}</td><td>${e(type(p.schema))}</td></tr>`).join('')}
</tbody></table>
<p>Jawaban: ${Object.entries(op.responses).map(([code, r]) => `<strong>${code}</strong> ${e((r as { description: string }).description)}`).join('; ')}.</p></section>`;
  });
  return `<article class="prose"><h1>${e(doc.info.title)}</h1><p>${e(doc.info.description)}</p>
<p>Dokumen mesin (OpenAPI 3.1): <a href="/api/openapi.json">/api/openapi.json</a>. Contoh: <a href="/api/suppliers?q=kopi&amp;regency=32.73&amp;verified=1"><code>/api/suppliers?q=kopi&amp;regency=32.73&amp;verified=1</code></a></p>
<p>Kesalahan dijawab sebagai <code>application/problem+json</code> dengan daftar <code>errors</code> yang menyebut parameter.</p>
${operations.join('')}</article>`;
}
