import { z } from 'zod';
import { messages } from './messages.ts';
import { cleanText, looksLikeMarkup } from './text.ts';

/** How an owner may give consent to a mentor who registers for them, as the form names them. */
export const consentMethodLabels = {
  'tatap-muka': 'Langsung, bertatap muka',
  whatsapp: 'Lewat pesan WhatsApp',
  telepon: 'Lewat telepon',
  'formulir-kertas': 'Menandatangani formulir kertas',
} as const;

export type ConsentMethod = keyof typeof consentMethodLabels;

/** The owner's consent to publication, recorded by the mentor who registered for them. */
export interface ConsentRecord {
  ownerName: string;
  method: ConsentMethod;
  /** ISO time the mentor recorded it. */
  at: string;
  /** The mentor's username. */
  mentor: string;
}

/** The consent part of a mentor's form; the rest is an ordinary registration. */
export const mentorConsentSchema = z.object({
  ownerName: z
    .string({ error: messages.staff.consentOwner })
    .transform(cleanText)
    .pipe(z.string().min(2, messages.staff.consentOwner).max(80, messages.tooLong(80)).refine((t) => !looksLikeMarkup(t), messages.noMarkup)),
  consentMethod: z.enum(Object.keys(consentMethodLabels) as [ConsentMethod, ...ConsentMethod[]], { error: messages.staff.consentMethod }),
});
