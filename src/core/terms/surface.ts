/**
 * The most frequent surface form in a count map (ties: the first seen): how a term or topic match is
 * shown when the text spells it several ways.
 *
 * @example
 * commonestSurface(new Map([['Rates', 1], ['rates', 3]])); // 'rates'
 */
export function commonestSurface(surfaces: ReadonlyMap<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [surface, count] of surfaces) {
    if (count > bestCount) {
      best = surface;
      bestCount = count;
    }
  }
  return best;
}
