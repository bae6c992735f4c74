import { photoKindLabels, type PhotoKind } from './photo-rules.ts';

/**
 * Where a photo's files are: the file key (`foto/<listing>/<random>`) is also the path the
 * portal serves them under (src/pages/foto/[...path].ts), with the stored size after it.
 */
interface StoredPhoto {
  fileKey: string;
  /** The stored WebP widths, "400,800,1600". */
  widths: string;
}

/** The stored file names of a photo: its WebP widths, the card thumbnail and the link-preview JPEG. */
export const photoSuffixes = (photo: Pick<StoredPhoto, 'widths'>) => [...photo.widths.split(',').map((w) => `${w}.webp`), 'thumb.webp', 'og.jpg'];

/** The address of one of a photo's files. */
export const photoSrc = (photo: Pick<StoredPhoto, 'fileKey'>, suffix: string) => `/${photo.fileKey}-${suffix}`;

/** The `srcset` of a photo: each stored WebP width. */
export const photoSrcset = (photo: StoredPhoto) =>
  photo.widths
    .split(',')
    .map((w) => `${photoSrc(photo, `${w}.webp`)} ${w}w`)
    .join(', ');

/** The stored width closest above `wanted` (or the largest): the `src` for browsers without srcset, and previews. */
export function photoWidthFor(photo: Pick<StoredPhoto, 'widths'>, wanted: number): number {
  const widths = photo.widths.split(',').map(Number);
  return widths.find((w) => w >= wanted) ?? widths[widths.length - 1] ?? wanted;
}

/** A photo's alternative text: its caption, or what it shows and whose ("Produk Keripik Bu Enok"). */
export const photoAlt = (photo: { caption: string | null; kind: PhotoKind }, shop: string) => photo.caption ?? `${photoKindLabels[photo.kind]} ${shop}`;
