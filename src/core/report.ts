import { z } from 'zod';
import { messages } from './messages.ts';
import { cleanText, looksLikeMarkup } from './text.ts';

/** Why someone reports a profile, with the words the form shows. */
export const reportReasonLabels = {
  'data-salah': 'Data usaha salah atau usang',
  tutup: 'Usaha sudah tutup',
  'tautan-mati': 'Tautan toko atau WhatsApp tidak berfungsi',
  'bukan-usaha-saya': 'Ini usaha saya, tetapi bukan saya yang mendaftarkan',
  lainnya: 'Lainnya',
} as const;

export type ReportReason = keyof typeof reportReasonLabels;

const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string({ error: messages.invalidType })
      .transform(cleanText)
      .pipe(z.string().max(max, messages.tooLong(max)).refine((t) => !looksLikeMarkup(t), messages.noMarkup))
      .optional(),
  );

/** A problem report on a public profile. */
export const reportSchema = z.strictObject({
  slug: z.string({ error: messages.msmeNotFound }).regex(/^[a-z0-9-]{1,80}$/, messages.msmeNotFound),
  reason: z.enum(Object.keys(reportReasonLabels) as [ReportReason, ...ReportReason[]], { error: messages.reportReason }),
  message: optionalText(1000),
  contact: optionalText(200),
});

export type Report = z.output<typeof reportSchema>;
