import { NAME_PARTICLES } from '../data/name-particles.js';
import type { OrganizationEntry } from '../data/organizations.js';
import type { EntityLexicon } from './lexicon.js';
import type { Cue, Mention } from './mentions.js';

/** All the names one document uses for one person or organisation. */
export interface EntityCluster {
  /** Surface key -> how many times it was used. */
  readonly surfaces: Map<string, number>;
  readonly mentions: Mention[];
  readonly cues: Cue[];
  /** The organisation gazetteer's entry, when one of its names or acronyms was used. */
  gazetteer: OrganizationEntry | undefined;
  /** A title kept with a single name ("Pope"). */
  style: string | undefined;
}

class UnionFind {
  private readonly parent = new Map<string, string>();

  find(key: string): string {
    let root = key;
    for (let up = this.parent.get(root); up !== undefined && up !== root; up = this.parent.get(root))
      root = up;
    // Path compression keeps later finds constant-time.
    let at = key;
    while (at !== root) {
      const up = this.parent.get(at) ?? root;
      this.parent.set(at, root);
      at = up;
    }
    return root;
  }

  add(key: string): void {
    if (!this.parent.has(key)) this.parent.set(key, key);
  }

  union(a: string, b: string): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA !== rootB) this.parent.set(rootA, rootB);
  }
}

function isAcronym(word: string): boolean {
  return (
    word.length >= 2 &&
    word.length <= 8 &&
    /^[\p{Lu}\d&.]+$/u.test(word) &&
    /\p{Lu}.*\p{Lu}|\p{Lu}\./u.test(word)
  );
}

// Words an acronym leaves out: "Organization of the Petroleum Exporting Countries" is OPEC.
const CONNECTOR_WORDS: ReadonlySet<string> = new Set(['of', 'for', 'the', 'and', ...NAME_PARTICLES]);

/** "North Atlantic Treaty Organization" -> "NATO"; "Bank of England" -> "BOE" and "BE". */
function initialsOf(words: readonly string[]): string[] {
  const all = words.map((word) => word.charAt(0).toUpperCase()).join('');
  const content = words
    .filter((word) => !CONNECTOR_WORDS.has(word))
    .map((word) => word.charAt(0).toUpperCase())
    .join('');
  return all === content ? [all] : [all, content];
}

/** Whether the acronym's letters appear in order among the name's initials, first and last included. */
function abbreviates(acronym: string, initials: string): boolean {
  if (acronym.length < 3 || acronym[0] !== initials[0] || acronym.at(-1) !== initials.at(-1)) return false;
  let at = 0;
  for (const letter of acronym) {
    at = initials.indexOf(letter, at);
    if (at < 0) return false;
    at += 1;
  }
  return true;
}

/** The one multi-word name of the document that `acronym` abbreviates, if exactly one does. */
function abbreviatedName(acronym: string, words: ReadonlyMap<string, readonly string[]>): string | undefined {
  const letters = acronym.replaceAll('.', '');
  let found: string | undefined;
  for (const [key, nameWords] of words) {
    if (nameWords.length < 2 || !initialsOf(nameWords).some((initials) => abbreviates(letters, initials)))
      continue;
    if (found !== undefined) return undefined;
    found = key;
  }
  return found;
}

/**
 * Groups a document's mentions into one cluster per person or organisation: the same surface, an
 * acronym defined in brackets or matching a name's initials, names the organisation gazetteer files
 * together, and short forms that begin or end a longer name ("Putin" -> "Vladimir Putin", "Toyota"
 * -> "Toyota Motor Corp"; to the longer name used most when several fit). Linear in the mentions,
 * times the (small, bounded) number of words in a name.
 */
export function mergeMentions(lexicon: EntityLexicon, mentions: readonly Mention[]): EntityCluster[] {
  const sets = new UnionFind();
  const counts = new Map<string, number>();
  const words = new Map<string, readonly string[]>();
  for (const mention of mentions) {
    sets.add(mention.key);
    counts.set(mention.key, (counts.get(mention.key) ?? 0) + 1);
    words.set(mention.key, mention.words);
  }

  // The gazetteer: every name of one entry is one organisation. A bare acronym whose entry is not
  // otherwise named yields to a name of the story it abbreviates: "ECB" in a cricket story is the
  // England and Wales Cricket Board, not the European Central Bank.
  const entryNamed = new Set<string>();
  for (const key of counts.keys()) {
    const entry = lexicon.organizations.get(key);
    if (entry !== undefined && !entry.acronyms.includes(key)) entryNamed.add(entry.id);
  }
  const byEntry = new Map<string, string>();
  const localAcronyms = new Set<string>();
  for (const key of counts.keys()) {
    const entry = lexicon.organizations.get(key);
    if (entry === undefined) continue;
    if (!entryNamed.has(entry.id) && isAcronym(key)) {
      const local = abbreviatedName(key, words);
      if (local !== undefined) {
        sets.union(key, local);
        localAcronyms.add(key);
        continue;
      }
    }
    const first = byEntry.get(entry.id);
    if (first === undefined) byEntry.set(entry.id, key);
    else sets.union(key, first);
  }

  // Acronyms defined in brackets: "Shanghai Cooperation Organization (SCO)".
  for (const mention of mentions) {
    if (mention.acronym === undefined) continue;
    sets.add(mention.acronym);
    words.set(mention.acronym, words.get(mention.acronym) ?? [mention.acronym]);
    sets.union(mention.acronym, mention.key);
  }

  // Acronyms that spell a longer name's initials, when exactly one name fits.
  const byInitials = new Map<string, string[]>();
  for (const [key, nameWords] of words) {
    if (nameWords.length < 2) continue;
    for (const initials of initialsOf(nameWords)) {
      const list = byInitials.get(initials) ?? [];
      list.push(key);
      byInitials.set(initials, list);
    }
  }
  for (const [key, nameWords] of words) {
    const [only] = nameWords;
    if (nameWords.length !== 1 || only === undefined || !isAcronym(only)) continue;
    const fits = byInitials.get(only.replaceAll('.', ''));
    if (
      fits !== undefined &&
      new Set(fits.map((fit) => sets.find(fit))).size === 1 &&
      fits[0] !== undefined
    ) {
      sets.union(key, fits[0]);
    }
  }

  // Short forms: a name that begins or ends a longer one joins it, longest first.
  const longer = new Map<string, string[]>();
  for (const [key, nameWords] of words) {
    for (let n = 1; n < nameWords.length; n += 1) {
      for (const part of [nameWords.slice(0, n), nameWords.slice(nameWords.length - n)]) {
        const partKey = part.join(' ');
        const list = longer.get(partKey) ?? [];
        list.push(key);
        longer.set(partKey, list);
      }
    }
  }
  const byLengthDown = [...words.keys()].sort(
    (a, b) => (words.get(b)?.length ?? 0) - (words.get(a)?.length ?? 0),
  );
  // "Mr Mittal" is the man, not "Mittal Steel": a short form called by a title joins only a longer
  // name that is not an organisation's.
  const titled = new Set<string>();
  for (const mention of mentions) {
    if (mention.cues.some((cue) => cue.kind === 'person' && cue.weight >= 2)) titled.add(mention.key);
  }
  const isOrganizationName = (key: string): boolean => {
    const nameWords = words.get(key) ?? [];
    return lexicon.orgSuffixes.has(nameWords[nameWords.length - 1] ?? '') || lexicon.organizations.has(key);
  };
  for (const key of byLengthDown) {
    const fits = longer.get(key);
    if (fits === undefined) continue;
    let best: string | undefined;
    let bestCount = -1;
    for (const fit of fits) {
      if (titled.has(key) && isOrganizationName(fit)) continue;
      const count = counts.get(fit) ?? 0;
      if (count > bestCount) {
        best = fit;
        bestCount = count;
      }
    }
    if (best !== undefined) sets.union(key, best);
  }

  const clusters = new Map<string, EntityCluster>();
  for (const mention of mentions) {
    const root = sets.find(mention.key);
    let cluster = clusters.get(root);
    if (cluster === undefined) {
      cluster = { surfaces: new Map(), mentions: [], cues: [], gazetteer: undefined, style: undefined };
      clusters.set(root, cluster);
    }
    cluster.surfaces.set(mention.key, (cluster.surfaces.get(mention.key) ?? 0) + 1);
    cluster.mentions.push(mention);
    cluster.cues.push(...mention.cues);
    if (!localAcronyms.has(mention.key)) cluster.gazetteer ??= lexicon.organizations.get(mention.key);
    cluster.style ??= mention.style;
    if (mention.acronym !== undefined && !cluster.surfaces.has(mention.acronym))
      cluster.surfaces.set(mention.acronym, 0);
  }
  return [...clusters.values()];
}
