import type { Keyword } from './analysis.js';
import { round } from './score.js';
import { commonestSurface } from './terms/surface.js';
import type { TermStats } from './terms/term-stats.js';

export interface KeywordOptions {
  readonly limit?: number;
}

const DEFAULTS = Object.freeze({ limit: 10 });

// A name phrase that recurs is worth more than its words apart: "Shanghai Cooperation Organization"
// tells a reader more than "shanghai" and "organization" do.
const PHRASE_BONUS = 1.5;
const TITLE_BONUS = 1.5;

/**
 * The article's top terms and names in their surface form, with a score in [0, 1] and their count.
 * A single word that mostly occurs inside a chosen name is left out in favour of the name.
 * @example extractKeywords(stats)[0] // { term: 'Xi', score: 1, count: 9 }
 */
export function extractKeywords(stats: TermStats, options: KeywordOptions = {}): Keyword[] {
  const { limit } = { ...DEFAULTS, ...options };
  const candidates: { term: string; raw: number; count: number; termIds: readonly number[] }[] = [];

  for (const phrase of stats.phrases.values()) {
    if (phrase.count < 2) continue;
    const mean = phrase.termIds.reduce((sum, id) => sum + stats.weight(id), 0) / phrase.termIds.length;
    const inTitle = phrase.termIds.every((id) => stats.titleTermIds.has(id));
    candidates.push({
      term: commonestSurface(phrase.surfaces),
      raw: PHRASE_BONUS * (1 + Math.log(phrase.count)) * mean * (inTitle ? TITLE_BONUS : 1),
      count: phrase.count,
      termIds: phrase.termIds,
    });
  }
  for (const term of stats.terms) {
    if (term.count < 2) continue;
    candidates.push({
      term: commonestSurface(term.surfaces),
      raw: stats.weight(term.id) * (stats.titleTermIds.has(term.id) ? TITLE_BONUS : 1),
      count: term.count,
      termIds: [term.id],
    });
  }
  candidates.sort((a, b) => b.raw - a.raw || a.term.localeCompare(b.term));

  const chosen: typeof candidates = [];
  const countInChosenPhrases = new Map<number, number>();
  for (const candidate of candidates) {
    if (chosen.length >= limit) break;
    const [only] = candidate.termIds;
    if (candidate.termIds.length === 1 && only !== undefined) {
      // Skip a word whose occurrences are mostly inside names already chosen.
      const inside = countInChosenPhrases.get(only) ?? 0;
      if (inside * 2 >= candidate.count) continue;
    } else {
      for (const id of candidate.termIds)
        countInChosenPhrases.set(id, (countInChosenPhrases.get(id) ?? 0) + candidate.count);
    }
    chosen.push(candidate);
  }
  const top = chosen[0]?.raw ?? 1;
  return chosen.map((c) => ({ term: c.term, score: round(c.raw / top), count: c.count }));
}
