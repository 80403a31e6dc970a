import type { EntityLexicon } from './lexicon.js';
import type { Cue, EntityKind } from './mentions.js';
import type { EntityCluster } from './merge.js';

/** What the evidence says a cluster is, and the cues that said it. */
export interface Typing {
  readonly kind: EntityKind;
  readonly cues: readonly string[];
  /** Every cue label that counted toward the kind, shown or not. */
  readonly labels: ReadonlySet<string>;
}

// A cue repeated in every sentence is still one kind of evidence: count each label at most twice.
const MAX_REPEATS = 2;
// Below this much evidence a capitalised name is neither (an event, a product, a slogan).
const MIN_EVIDENCE = 2;
const MAX_CUES_SHOWN = 4;

const fullest = new WeakMap<EntityCluster, readonly string[]>();

/** The words of a cluster's fullest surface (computed once per cluster). */
export function fullestWords(cluster: EntityCluster): readonly string[] {
  const known = fullest.get(cluster);
  if (known !== undefined) return known;
  let best: string[] = [];
  let bestCount = -1;
  for (const [key, count] of cluster.surfaces) {
    const words = key.split(' ');
    if (words.length > best.length || (words.length === best.length && count > bestCount)) {
      best = words;
      bestCount = count;
    }
  }
  fullest.set(cluster, best);
  return best;
}

function nameCues(lexicon: EntityLexicon, cluster: EntityCluster, words: readonly string[]): Cue[] {
  const cues: Cue[] = [];
  const first = words[0] ?? '';
  const last = words[words.length - 1] ?? '';
  if (cluster.gazetteer !== undefined) cues.push({ kind: 'organization', weight: 6, label: 'gazetteer' });
  if (words.length >= 2) {
    if (lexicon.firstNames.has(first) && words.length <= 4) {
      cues.push({ kind: 'person', weight: 3, label: `first name:${first}` });
    } else if (lexicon.familyNamesFirst.has(first) && words.length <= 3) {
      cues.push({ kind: 'person', weight: 2, label: `family name:${first}` });
    }
    if (lexicon.orgSuffixes.has(last)) {
      cues.push({ kind: 'organization', weight: 4, label: `suffix:${last}` });
    } else {
      // "Davis High School English": an organisation word inside a longer run.
      const inner = words.slice(1, -1).find((word) => lexicon.orgSuffixes.has(word));
      if (inner !== undefined) cues.push({ kind: 'organization', weight: 2, label: `inner:${inner}` });
    }
    // "Confederation of British Industry", "Institute for Fiscal Studies".
    if (lexicon.orgSuffixes.has(first) && (words[1] === 'of' || words[1] === 'for')) {
      cues.push({ kind: 'organization', weight: 3, label: `prefix:${first}` });
    } else if (lexicon.orgPrefixes.has(first))
      cues.push({ kind: 'organization', weight: 3, label: `prefix:${first}` });
    if (words.includes('of') || words.includes('for'))
      cues.push({ kind: 'organization', weight: 1, label: 'of' });
    if (words.length > 4) cues.push({ kind: 'organization', weight: 1, label: 'long name' });
    // "BBC Radio Scotland", "LG Electronics": people's names do not open with an acronym.
    if (/^\p{Lu}[\p{Lu}\d&]+$/u.test(first))
      cues.push({ kind: 'organization', weight: 2, label: 'acronym first' });
    // "Diageo North America": a place named inside is an organisation's branch, not a person's name.
    if (containsPlacePhrase(lexicon, words)) cues.push({ kind: 'person', weight: -3, label: 'place inside' });
  } else if (/^\p{Lu}[\p{Lu}\d&.]+$/u.test(first)) {
    // An acronym named again and again is nearly always a body ("UEFA", "FBI").
    cues.push({ kind: 'organization', weight: cluster.mentions.length >= 2 ? 2 : 1, label: 'acronym' });
  }
  for (const [key] of cluster.surfaces) {
    if (key !== words.join(' ') && /^\p{Lu}[\p{Lu}\d&.]+$/u.test(key) && !key.includes(' ')) {
      cues.push({ kind: 'organization', weight: 1, label: `acronym:${key}` });
      break;
    }
  }
  return cues;
}

function containsPlacePhrase(lexicon: EntityLexicon, words: readonly string[]): boolean {
  for (let i = 1; i < words.length - 1; i += 1) {
    for (let j = i + 2; j <= words.length; j += 1) {
      if (lexicon.places.has(words.slice(i, j).join(' '))) return true;
    }
  }
  return false;
}

/**
 * Types a cluster as a person or an organisation by the evidence a reader would use: titles and
 * honorifics, roles, ages, a first-name list, organisation suffixes and prefixes, tickers, the
 * gazetteer, defined acronyms and the words around each mention. "Said" after a full name is a
 * person's; after a lone word, with no full name to join, an organisation's. Undefined when the
 * evidence is too thin or tied.
 */
export function typeCluster(lexicon: EntityLexicon, cluster: EntityCluster): Typing | undefined {
  const words = fullestWords(cluster);
  const totals: Record<EntityKind, number> = { person: 0, organization: 0 };
  const shown: Record<EntityKind, Map<string, number>> = { person: new Map(), organization: new Map() };
  const seen = new Map<string, number>();
  for (const cue of [...nameCues(lexicon, cluster, words), ...cluster.cues]) {
    const repeats = seen.get(cue.label) ?? 0;
    if (repeats >= MAX_REPEATS) continue;
    seen.set(cue.label, repeats + 1);
    // A full name quoted is a person's; a lone word that says things, with no full name to join, is
    // more often a company or a body ("Toyota said").
    const quotedPerson = cue.kind === 'said' && words.length >= 2;
    const kind: EntityKind = cue.kind === 'said' ? (quotedPerson ? 'person' : 'organization') : cue.kind;
    const weight = quotedPerson ? 2 : cue.weight;
    totals[kind] += weight;
    shown[kind].set(cue.label, (shown[kind].get(cue.label) ?? 0) + weight);
  }
  let kind: EntityKind | undefined;
  if (totals.person > totals.organization && totals.person >= MIN_EVIDENCE) kind = 'person';
  else if (totals.organization > totals.person && totals.organization >= MIN_EVIDENCE) kind = 'organization';
  if (kind === undefined) return undefined;
  // A person's name is a few words with no digits; anything else with only person cues is doubtful.
  if (kind === 'person' && (words.length > 4 || words.some((word) => /\d/.test(word)))) return undefined;
  const cues = [...shown[kind]]
    .filter(([, weight]) => weight > 0)
    .sort(([a, wa], [b, wb]) => wb - wa || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, MAX_CUES_SHOWN)
    .map(([label]) => label);
  const labels = new Set([...shown[kind]].filter(([, weight]) => weight > 0).map(([label]) => label));
  return { kind, cues, labels };
}
