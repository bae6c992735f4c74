import { AppError } from '../src/core/errors.ts';
import { messages } from '../src/core/messages.ts';
import { formToObject } from '../src/core/validation.ts';
import { PHOTO_MAX_BYTES } from '../src/core/photo-rules.ts';

/** How much of a refused body is still read, so the connection stays usable; past this it is cut. */
const DRAIN_LIMIT = 1024 * 1024;

/**
 * A request's body, refused with a 413 in Indonesian when over `maxKb`. A refused body is
 * read to its end (up to 1 MB): a body left unread on a kept-alive connection broke the
 * next request under workerd. Bodies without a declared length are counted as they come.
 */
export async function readLimited(request: Request, maxKb: number): Promise<Uint8Array<ArrayBuffer>> {
  const max = maxKb * 1024;
  const refuse = () => new AppError('PAYLOAD_TOO_LARGE', messages.payloadTooLarge(maxKb));
  const body = request.body;
  if (!body) return new Uint8Array(new ArrayBuffer(0));
  const declared = request.headers.get('content-length');
  if (declared !== null && !request.headers.has('transfer-encoding') && Number(declared) > max) {
    if (Number(declared) <= DRAIN_LIMIT) await request.arrayBuffer().catch(() => undefined);
    else await body.cancel().catch(() => undefined);
    throw refuse();
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size <= max) chunks.push(value);
    else if (size > DRAIN_LIMIT) {
      await reader.cancel().catch(() => undefined);
      break;
    }
  }
  if (size > max) throw refuse();
  const buffer = new Uint8Array(new ArrayBuffer(size));
  let offset = 0;
  for (const chunk of chunks) {
    buffer.set(chunk, offset);
    offset += chunk.length;
  }
  return buffer;
}

/**
 * An HTML form post as the nested object the schemas expect ("products.0.name" becomes
 * products[0].name), within `maxKb`. Anything but a well-formed form of text fields is a
 * 400, 413 or 415 in Indonesian naming what is wrong.
 */
export async function readFormPost(request: Request, maxKb: number): Promise<Record<string, unknown>> {
  const header = request.headers.get('content-type') ?? '';
  const type = formType(header);
  const body = await readLimited(request, maxKb);
  return formObject(type, () => new Response(body, { headers: { 'content-type': header } }).formData());
}

/** The media type of a `content-type` header: lower case, without its parameters. */
export const mediaType = (header: string) => header.split(';')[0]?.trim().toLowerCase() ?? '';

/** A form's media type, checked before its body is read: anything else is a 415, a multipart form without its boundary a 400. */
export function formType(header: string): 'application/x-www-form-urlencoded' | 'multipart/form-data' {
  const type = mediaType(header);
  if (type !== 'application/x-www-form-urlencoded' && type !== 'multipart/form-data') throw new AppError('UNSUPPORTED_MEDIA_TYPE', messages.unsupportedMediaType);
  if (type === 'multipart/form-data' && !/;\s*boundary=("[^"]+"|[^;\s]+)/i.test(header)) {
    throw new AppError('BAD_REQUEST', messages.body.noBoundary, { fields: [{ path: 'content-type', message: messages.body.noBoundary }] });
  }
  return type;
}

/** The parsed form; a body the parser refuses is a 400 naming what is wrong (never its 500). */
async function parsedForm(type: ReturnType<typeof formType>, parse: () => Promise<FormData>): Promise<FormData> {
  try {
    return await parse();
  } catch (cause) {
    const message = type === 'multipart/form-data' ? messages.body.badMultipart : messages.body.badForm;
    throw new AppError('BAD_REQUEST', message, { cause, fields: [{ path: 'body', message }] });
  }
}

/** The parsed form's text fields as the nested object; a body the parser refuses is a 400 (never its 500), a file a 415. */
export async function formObject(type: ReturnType<typeof formType>, parse: () => Promise<FormData>): Promise<Record<string, unknown>> {
  const form = await parsedForm(type, parse);
  const entries: [string, unknown][] = [];
  for (const [name, value] of form) {
    if (typeof value !== 'string') throw new AppError('UNSUPPORTED_MEDIA_TYPE', messages.unsupportedMediaType);
    entries.push([name, value]);
  }
  return formToObject(entries);
}

/** The most a photo upload may carry: the largest photo plus the form around it. */
export const PHOTO_UPLOAD_KB = Math.ceil(PHOTO_MAX_BYTES / 1024) + 64;

/**
 * A photo form (multipart/form-data), or one photo as the whole body (image/jpeg, image/png,
 * image/webp; kind and caption in the query): the files in `photo` (the page's field takes several),
 * the kind and caption. Over the size limit is a 413 while it arrives; another media type a
 * 415; a text where a file should be counts as no file (the service names the field).
 */
export async function readPhotoForm(request: Request): Promise<{ files: Uint8Array[]; fields: Record<string, string> }> {
  const header = request.headers.get('content-type') ?? '';
  // From outside a browser (no form, no Origin for the page's origin check): the file as the body, the words in the query.
  if (/^image\//.test(mediaType(header))) {
    const body = await readLimited(request, PHOTO_UPLOAD_KB);
    return { files: body.length > 0 ? [body] : [], fields: Object.fromEntries(new URL(request.url).searchParams) };
  }
  if (mediaType(header) !== 'multipart/form-data') throw new AppError('UNSUPPORTED_MEDIA_TYPE', messages.photo.multipart);
  const type = formType(header);
  const body = await readLimited(request, PHOTO_UPLOAD_KB);
  const form = await parsedForm(type, () => new Response(body, { headers: { 'content-type': header } }).formData());
  const fields: Record<string, string> = {};
  const files: Uint8Array[] = [];
  for (const [name, value] of form) {
    if (typeof value === 'string') fields[name] = value;
    else if (name === 'photo' && value.size > 0) files.push(new Uint8Array(await value.arrayBuffer()));
  }
  return { files, fields };
}
