import { z } from 'zod';
import { messages } from './messages.ts';
import { cleanText, looksLikeMarkup } from './text.ts';

/** Free text from a form: cleaned, bounded, and never markup. With `label` every message names its field ("Isi nama usaha, minimal 3 huruf."). */
export const freeText = (min: number, max: number, label?: string) => {
  const named = label ? messages.named(label) : undefined;
  const short = named ? named.short(min) : min <= 1 ? messages.required : messages.tooShort(min);
  return z
    .string({ error: named ? named.short(min) : messages.required })
    .transform(cleanText)
    .pipe(
      z
        .string()
        .min(min, short)
        .max(max, named ? named.long(max) : messages.tooLong(max))
        .refine((t) => !looksLikeMarkup(t), named ? named.markup : messages.noMarkup),
    );
};
