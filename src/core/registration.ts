import { z } from 'zod';
import { categorySlugs, findDistrict, findRegency } from './reference.ts';
import { messages, phoneMessages, storeLinkMessages } from './messages.ts';
import { normalisePhone } from './phone.ts';
import { normaliseProductLink, normaliseStoreLink } from './store-link.ts';
import { normaliseHalal, normaliseKbli, normaliseNib, normalisePirt, type IdResult } from './identifiers.ts';
import { parseRupiah } from './rupiah.ts';
import { freeText } from './free-text.ts';
import { normaliseMapLink } from './map-link.ts';
import { cleanText, looksLikeMarkup } from './text.ts';

export const LIMITS = {
  name: [3, 100],
  description: [20, 1000],
  address: 200,
  productName: [2, 80],
  productUnit: 30,
  storeLinks: 10,
  products: 24,
  kbliCodes: 10,
  maxPrice: 10_000_000_000,
  openingHours: 100,
  deliveryArea: 150,
  minOrder: 60,
} as const;

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const identifier = (normalise: (s: string) => IdResult, message: string) =>
  z.string({ error: message }).transform((value, ctx) => {
    const result = normalise(value);
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return result.value;
  });

const phone = z.string({ error: phoneMessages.empty }).transform((value, ctx) => {
  const result = normalisePhone(value);
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', message: phoneMessages[result.reason] });
    return z.NEVER;
  }
  return result.e164;
});

/** A price in whole Rupiah, from a number or from text such as "15.000" or "15rb". */
const rupiah = z.union([z.number(), z.string()], { error: messages.price }).transform((value, ctx) => {
  const amount = typeof value === 'number' ? value : parseRupiah(value);
  if (amount === null || !Number.isSafeInteger(amount) || amount < 0) {
    ctx.addIssue({ code: 'custom', message: messages.price });
    return z.NEVER;
  }
  if (amount > LIMITS.maxPrice) {
    ctx.addIssue({ code: 'custom', message: messages.priceMax });
    return z.NEVER;
  }
  return amount;
});

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** Store links keep their positions (so an error stands next to the right box); blank boxes are skipped. */
const storeLinks = z
  .array(z.string({ error: messages.invalidType }), { error: messages.storeLinksMin })
  .max(LIMITS.storeLinks, messages.storeLinksMax(LIMITS.storeLinks))
  .transform((links, ctx) => {
    const out: { platform: string; url: string }[] = [];
    const seen = new Set<string>();
    links.forEach((raw, i) => {
      if (isBlank(raw)) return;
      const result = normaliseStoreLink(raw ?? "");
      if (!result.ok) {
        ctx.addIssue({ code: 'custom', path: [i], message: storeLinkMessages[result.reason] });
      } else if (seen.has(result.url)) {
        ctx.addIssue({ code: 'custom', path: [i], message: messages.storeLinkDuplicate });
      } else {
        seen.add(result.url);
        out.push({ platform: result.platform, url: result.url });
      }
    });
    if (out.length === 0 && !links.some((l) => !isBlank(l))) {
      ctx.addIssue({ code: 'custom', path: [0], message: messages.storeLinksMin });
    }
    return out;
  });

const product = z.strictObject({
  name: freeText(LIMITS.productName[0], LIMITS.productName[1], 'nama produk'),
  priceMin: rupiah,
  priceMax: optional(rupiah),
  /** The unit or pack the price is for ("250 g", "isi 10", "per kg"). */
  unit: optional(freeText(1, LIMITS.productUnit, 'ukuran atau isi')),
  /** A direct link to the product on a marketplace. */
  url: optional(
    z.string({ error: messages.productLink.not_url }).transform((value, ctx) => {
      const result = normaliseProductLink(value);
      if (!result.ok) {
        ctx.addIssue({ code: 'custom', message: messages.productLink[result.reason] });
        return z.NEVER;
      }
      return result.url;
    }),
  ),
});

const products = z
  .array(z.unknown(), { error: messages.invalidType })
  .max(LIMITS.products, messages.productsMax(LIMITS.products))
  .transform((rows, ctx) => {
    const out: z.infer<typeof product>[] = [];
    rows.forEach((row, i) => {
      if (row && typeof row === 'object' && Object.values(row).every(isBlank)) return;
      const parsed = product.safeParse(row);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: [i, ...issue.path] } as never);
        return;
      }
      const p = parsed.data;
      if (p.priceMax !== undefined && p.priceMax < p.priceMin) {
        ctx.addIssue({ code: 'custom', path: [i, 'priceMax'], message: messages.priceOrder });
        return;
      }
      out.push(p);
    });
    return out;
  });

/** KBLI codes as a list or as one text ("10794, 10710"). */
const kbliCodes = z
  .union([z.array(z.string()), z.string()], { error: messages.kbli })
  .transform((value) => (typeof value === 'string' ? value.split(/[,;\s]+/).filter((s) => s !== '') : value))
  .pipe(z.array(identifier(normaliseKbli, messages.kbli)).max(LIMITS.kbliCodes, messages.kbliMax(LIMITS.kbliCodes)))
  .transform((codes) => [...new Set(codes)]);

/** A bounded free text whose messages name their field. */
const namedText = (max: number, message: string) =>
  optional(
    z
      .string({ error: message })
      .transform(cleanText)
      .pipe(z.string().max(max, message).refine((t) => !looksLikeMarkup(t), message)),
  );

/** A tick box: ticked ("1", "on", true) or not; anything else is named. */
const flag = optional(z.union([z.boolean(), z.enum(['1', 'on', 'true', '0', 'false'])], { error: messages.flagBox })).transform((v) => v === true || v === '1' || v === 'on' || v === 'true');

const mapUrl = optional(
  z.string({ error: messages.mapLink['not-map'] }).transform((value, ctx) => {
    const result = normaliseMapLink(value);
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: messages.mapLink[result.reason] });
      return z.NEVER;
    }
    return result.url;
  }),
);

const consent = z
  .union([z.literal(true), z.literal('true'), z.literal('on'), z.literal('1')], { error: messages.consent })
  .transform(() => true as const);

/**
 * What an owner sends to register a business. The one source of truth for its shape:
 * the API validates with it and the form shows its messages.
 */
export const registrationSchema = z
  .strictObject({
    name: freeText(LIMITS.name[0], LIMITS.name[1], 'nama usaha'),
    description: freeText(LIMITS.description[0], LIMITS.description[1], 'cerita usaha'),
    category: z.enum(categorySlugs, { error: messages.category }),
    kbliCodes: optional(kbliCodes).transform((v) => v ?? []),
    regencyCode: z.string({ error: messages.regency }).refine((c) => findRegency(c) !== undefined, messages.regency),
    districtCode: z.string({ error: messages.district }),
    address: optional(freeText(1, LIMITS.address, 'alamat usaha')),
    whatsapp: phone,
    nib: optional(identifier(normaliseNib, messages.nib)),
    halalNumber: optional(identifier(normaliseHalal, messages.halal)),
    pirtNumber: optional(identifier(normalisePirt, messages.pirt)),
    storeLinks,
    products: optional(products).transform((v) => v ?? []),
    openingHours: namedText(LIMITS.openingHours, messages.openingHours(LIMITS.openingHours)),
    madeToOrder: flag,
    deliveryArea: namedText(LIMITS.deliveryArea, messages.deliveryArea(LIMITS.deliveryArea)),
    minOrder: namedText(LIMITS.minOrder, messages.minOrder(LIMITS.minOrder)),
    bulkOrders: flag,
    mapUrl,
    email: optional(z.string().trim().max(254, messages.email).pipe(z.email({ error: messages.email }))),
    consent,
  })
  // Checked even when other fields are wrong, so the kecamatan's error comes in the first
  // round with the rest (zod skips an object's refinements after any field fails, by default).
  .refine((value) => typeof value.districtCode !== 'string' || findDistrict(value.districtCode)?.regencyCode === value.regencyCode, {
    path: ['districtCode'],
    message: messages.district,
    when: (payload) => typeof payload.value === 'object' && payload.value !== null,
  });

export type RegistrationInput = z.input<typeof registrationSchema>;
export type Registration = z.output<typeof registrationSchema>;
