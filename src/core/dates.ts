/** Western Indonesia Time (WIB), UTC+7 all year: Jawa Barat's clock. */
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

/**
 * A moment moved to the WIB clock, for writers that keep no time zone (a spreadsheet's
 * date cell shows its UTC fields; those are then the WIB ones).
 */
export const onWibClock = (at: Date): Date => new Date(at.getTime() + WIB_OFFSET_MS);

/** A moment as ISO 8601 on the WIB clock: "2026-11-01T07:00:00+07:00" (for exports people and machines read). */
export function isoWib(at: Date): string {
  return `${onWibClock(at).toISOString().slice(0, 19)}+07:00`;
}
