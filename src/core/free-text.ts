import { z } from 'zod';
import { messages } from './messages.ts';
import { cleanText, looksLikeMarkup } from './text.ts';

/** Free text from a form: cleaned, bounded, and never markup. */
export const freeText = (min: number, max: number) =>
  z
    .string({ error: messages.required })
    .transform(cleanText)
    .pipe(
      z
        .string()
        .min(min, min <= 1 ? messages.required : messages.tooShort(min))
        .max(max, messages.tooLong(max))
        .refine((t) => !looksLikeMarkup(t), messages.noMarkup),
    );
