import { sampleListing } from '../../db/seed/generator.ts';
import { slugify } from '../../src/core/slug.ts';

/** How many sample listings `npm run test:edge` puts in sqld before it builds the site. */
export const EDGE_SAMPLE = 30;

/** The first of them, whose profile page the built Worker must serve. */
export const firstProfile = () => {
  const { registration } = sampleListing(0);
  return { name: registration.name, path: `/umkm/${slugify(registration.name)}/` };
};
