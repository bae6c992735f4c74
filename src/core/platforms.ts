import platformsJson from '../../content/platforms.json' with { type: 'json' };

/** A marketplace, food-delivery or social platform whose store links we recognise. Apart from regions so the browser bundle stays small. */
export interface Platform {
  id: string;
  name: string;
  kind: string;
  /** Still accepted, but no longer sells physical goods (Bukalapak since Feb 2025). */
  legacy?: boolean;
  /** Exact hosts of shop pages; the first is the canonical spelling. */
  hosts: string[];
  shortHosts: string[];
  shopPath: string;
  reservedFirstSegments: string[];
  example: string;
}

export const platforms: readonly Platform[] = platformsJson;
const platformById = new Map(platforms.map((p) => [p.id, p]));
export const platformIds = platforms.map((p) => p.id) as [string, ...string[]];
export const findPlatform = (id: string): Platform | undefined => platformById.get(id);
