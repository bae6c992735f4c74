/** After this many days without the owner saying a price holds, buyers see it marked as old. */
export const PRICE_STALE_DAYS = 180;

const DAY = 86_400_000;

/** How old a product's price is: days since its owner last confirmed it, and whether that is too long. */
export function priceAge(confirmedAt: Date | string | null, now: Date): { days: number; stale: boolean } | undefined {
  if (!confirmedAt) return undefined;
  const days = Math.max(0, Math.floor((now.getTime() - new Date(confirmedAt).getTime()) / DAY));
  return { days, stale: days > PRICE_STALE_DAYS };
}
