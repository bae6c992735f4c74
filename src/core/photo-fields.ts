import { z } from 'zod';
import { messages } from './messages.ts';
import { photoKinds } from './photo-rules.ts';
import { cleanText, looksLikeMarkup } from './text.ts';

export const CAPTION_MAX = 80;

/** The words sent with a photo: what it shows (a product by default) and an optional caption. */
export const photoFieldsSchema = z.object({
  kind: z.preprocess((v) => (v === undefined || v === '' ? 'produk' : v), z.enum(photoKinds, { error: messages.photo.kind })),
  caption: z.preprocess(
    (v) => (typeof v === 'string' ? cleanText(v) || undefined : v),
    z
      .string({ error: messages.photo.caption(CAPTION_MAX) })
      .max(CAPTION_MAX, messages.photo.caption(CAPTION_MAX))
      .refine((t) => !looksLikeMarkup(t), `Keterangan foto: ${messages.noMarkup}`)
      .optional(),
  ),
});

export type PhotoFields = z.output<typeof photoFieldsSchema>;
