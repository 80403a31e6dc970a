import { InvalidOptionsError } from '../../../errors.js';
import type { Model } from '../../model/model.js';
import { round } from '../../score.js';
import { sentenceAtomText, titleAtomText } from '../../text/words.js';
import { type Tag, type TaggableText, taggableTokens } from '../tag.js';
import { fullestWords, type Typing, typeCluster } from './classify.js';
import type { EntityLexicon } from './lexicon.js';
import { findMentions, isShouted, type Mention } from './mentions.js';
import { type EntityCluster, mergeMentions } from './merge.js';
import { addLowerCaseWords, type NameToken, nameTokens, surfaceKey } from './tokens.js';

export interface EntityOptions {
  /** How much a title mention counts against a body mention. */
  readonly titleWeight?: number;
  /** How much a mention in the first body sentence (the lead) counts. */
  readonly leadWeight?: number;
  /** At most this many people and this many organisations, most salient first. */
  readonly maxPerKind?: number;
}

const DEFAULTS = Object.freeze({ titleWeight: 3, leadWeight: 2, maxPerKind: 10 });
const MAX_ALIASES = 5;
const MAX_SURFACES_SHOWN = 3;

function validate(options: EntityOptions): Required<EntityOptions> {
  const merged = { ...DEFAULTS, ...options };
  for (const name of ['titleWeight', 'leadWeight'] as const) {
    if (!(merged[name] >= 0 && Number.isFinite(merged[name]))) {
      throw new InvalidOptionsError(`${name} must be a finite number of at least 0`);
    }
  }
  if (!Number.isInteger(merged.maxPerKind) || merged.maxPerKind < 1) {
    throw new InvalidOptionsError('maxPerKind must be a positive integer');
  }
  return merged;
}

interface Entity {
  readonly cluster: EntityCluster;
  readonly typing: Typing;
  readonly name: string;
  readonly aliases: readonly string[];
  titleMentions: number;
  extraMentions: number;
}

const SPELLING = [
  [/isation/g, 'ization'],
  [/ise\b/g, 'ize'],
  [/our\b/g, 'or'],
  [/tre\b/g, 'ter'],
  [/ence\b/g, 'ense'],
  [/mme\b/g, 'm'],
] as const;

function spellingKey(name: string): string {
  let out = name.toLowerCase();
  for (const [pattern, replacement] of SPELLING) out = out.replace(pattern, replacement);
  return out;
}

/**
 * The name to tag: the fullest form the story uses; for a gazetteer organisation its usual name,
 * in the story's spelling when the story spells it out ("Shanghai Cooperation Organization"); for
 * a person known by one name under a style, the style with it ("Pope Francis").
 */
function canonicalName(cluster: EntityCluster, typing: Typing): string {
  const entry = cluster.gazetteer;
  if (entry !== undefined) {
    const wanted = spellingKey(entry.name);
    for (const key of cluster.surfaces.keys()) if (spellingKey(key) === wanted) return key;
    return entry.name;
  }
  const words = fullestWords(cluster);
  if (typing.kind === 'person' && words.length === 1 && cluster.style !== undefined) {
    return `${cluster.style} ${words[0] ?? ''}`;
  }
  return words.join(' ');
}

function aliasesOf(cluster: EntityCluster, name: string): string[] {
  const nameKey = surfaceKey(name);
  return [...cluster.surfaces]
    .filter(([key]) => key !== nameKey && `${cluster.style ?? ''} ${key}` !== name)
    .sort(([a, ca], [b, cb]) => cb - ca || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, MAX_ALIASES)
    .map(([key]) => key);
}

/**
 * "Fiat and General Motors" is two companies when the story names either alone: a mention joined by
 * "and" is split in place when its head or its tail is a name of its own elsewhere.
 */
function splitLists(mentions: Mention[]): void {
  const keys = new Set(mentions.map((mention) => mention.key));
  for (let i = 0; i < mentions.length; i += 1) {
    const mention = mentions[i];
    if (mention === undefined || mention.words[1] !== 'and' || mention.words.length < 3) continue;
    const head = mention.words.slice(0, 1);
    const tail = mention.words.slice(2);
    if (!keys.has(head.join(' ')) && !keys.has(tail.join(' '))) continue;
    mentions.splice(
      i,
      1,
      { ...mention, words: head, key: head.join(' '), cues: [], acronym: undefined },
      { ...mention, words: tail, key: tail.join(' '), initial: false },
    );
    i += 1;
  }
}

function parentOf(lexicon: EntityLexicon, cluster: EntityCluster): { parent?: string } {
  const parent = cluster.gazetteer === undefined ? undefined : lexicon.parents.get(cluster.gazetteer.id);
  return parent === undefined ? {} : { parent };
}

/** Whether a cluster is trusted at all: a lone capitalised word that only ever opens a sentence is not. */
function trusted(lexicon: EntityLexicon, cluster: EntityCluster, typing: Typing): boolean {
  const words = fullestWords(cluster);
  const key = words.join(' ');
  if (lexicon.places.has(key) || (words.length === 1 && lexicon.ambiguousPlaces.has(key))) return false;
  if (words.length > 1 || cluster.gazetteer !== undefined) return true;
  if (cluster.mentions.some((mention) => !mention.initial)) return true;
  return typing.cues.some((cue) => cue.startsWith('title:') || cue.startsWith('ticker:'));
}

const PERSON_STANDING = /^(?:title:|role:|age:|said$)/;
const ORGANIZATION_STANDING = /^(?:gazetteer$|suffix:|prefix:|ticker:|acronym:)/;

/**
 * Whether one mention is enough: a person quoted or named with a title ("said Jane Roe", "Pope
 * Francis"), or an organisation the gazetteer, a suffix or a ticker vouches for, unless it is named
 * only as where someone works ("a fellow at the Example Institute").
 */
function standsAlone(typing: Typing): boolean {
  const labels = [...typing.labels];
  if (typing.kind === 'person') return labels.some((label) => PERSON_STANDING.test(label));
  if (labels.some((label) => label.startsWith('affiliation:'))) return false;
  // "the FBI": an acronym with the article is a body, even named once.
  if (typing.labels.has('acronym') && typing.labels.has('the')) return true;
  return labels.some((label) => ORGANIZATION_STANDING.test(label));
}

/** Counts names of known entities in a unit read without trusting its capitals (a title, a shouted line). */
function matchKnownNames(
  tokens: readonly NameToken[],
  index: ReadonlyMap<string, Entity>,
  longest: number,
): Entity[] {
  const found: Entity[] = [];
  let i = 0;
  while (i < tokens.length) {
    let matched = 0;
    const first = tokens[i];
    if (first !== undefined && (first.shape === 'capitalised' || first.shape === 'upper')) {
      for (let n = Math.min(longest, tokens.length - i); n >= 1 && matched === 0; n -= 1) {
        const key = tokens
          .slice(i, i + n)
          .map((token) => token.text.toLowerCase())
          .join(' ');
        const entity = index.get(key);
        if (entity !== undefined) {
          found.push(entity);
          matched = n;
        }
      }
    }
    i += matched > 0 ? matched : 1;
  }
  return found;
}

/**
 * People and organisations the story is about, one tag each under its fullest name, with the other
 * names used (`aliases`), how often it is named (`mentions`), a salience `score` relative to the top
 * tag of its kind, and `evidence` (names used, then the cues that typed it). Only salient entities
 * are kept: named more than once, or in the title or the lead. English text only. Linear in the
 * length of the text.
 * @example tagEntities({ title: null, sentences: ['Vladimir Putin met Xi Jinping.', 'Putin said...'] }, model)
 * // [{ name: 'Vladimir Putin', kind: 'person', aliases: ['Putin'], mentions: 2, ... }, ...]
 */
export function tagEntities(
  text: TaggableText,
  model: Pick<Model, 'entities'>,
  options: EntityOptions = {},
): Tag[] {
  const settings = validate(options);
  const lexicon = model.entities;
  const mentions: Mention[] = [];
  const shouted: NameToken[][] = [];
  // Two passes over the sentences, making each sentence's tokens in the second rather than holding every
  // sentence's tokens (an object a word) from the first: on a 5 MB document the held tokens were ~70 MB
  // of peak memory and a fifth of the stage's time went to garbage collection (measured 2026-12-04). The
  // first pass only collects the words written in lower case, and makes no tokens.
  const document = taggableTokens(text);
  const wordsOf = (sentence: string, index: number): NameToken[] =>
    nameTokens(sentenceAtomText(document, index, sentence));
  const lowerWords = new Set<string>();
  text.sentences.forEach((sentence, index) => {
    addLowerCaseWords(sentenceAtomText(document, index, sentence), lowerWords);
  });
  text.sentences.forEach((sentence, index) => {
    const tokens = wordsOf(sentence, index);
    if (isShouted(tokens)) shouted.push(tokens);
    else for (const mention of findMentions(lexicon, tokens, index, lowerWords)) mentions.push(mention);
  });
  splitLists(mentions);

  const entities: Entity[] = [];
  for (const cluster of mergeMentions(lexicon, mentions)) {
    const typing = typeCluster(lexicon, cluster);
    if (typing === undefined || !trusted(lexicon, cluster, typing)) continue;
    const name = canonicalName(cluster, typing);
    entities.push({
      cluster,
      typing,
      name,
      aliases: aliasesOf(cluster, name),
      titleMentions: 0,
      extraMentions: 0,
    });
  }

  // Titles and shouted lines are matched against the names the body established.
  const index = new Map<string, Entity>();
  let longest = 1;
  for (const entity of entities) {
    for (const key of [surfaceKey(entity.name), ...entity.cluster.surfaces.keys()]) {
      const lower = key.toLowerCase();
      if (!index.has(lower)) index.set(lower, entity);
      longest = Math.max(longest, key.split(' ').length);
    }
  }
  if (text.title !== null) {
    for (const entity of matchKnownNames(nameTokens(titleAtomText(document, text.title)), index, longest))
      entity.titleMentions += 1;
  }
  for (const tokens of shouted) {
    for (const entity of matchKnownNames(tokens, index, longest)) entity.extraMentions += 1;
  }

  const scored = entities.flatMap((entity) => {
    const body = entity.cluster.mentions.length + entity.extraMentions;
    const inLead = entity.cluster.mentions.some((mention) => mention.sentence === 0);
    const total = body + entity.titleMentions;
    if (total < 2 && entity.titleMentions === 0 && !inLead && !standsAlone(entity.typing)) return [];
    const weight =
      entity.titleMentions * settings.titleWeight +
      entity.cluster.mentions.reduce((sum, m) => sum + (m.sentence === 0 ? settings.leadWeight : 1), 0) +
      entity.extraMentions;
    return [{ entity, weight, total }];
  });

  const tags: Tag[] = [];
  for (const kind of ['person', 'organization'] as const) {
    const ofKind = scored
      .filter(({ entity }) => entity.typing.kind === kind)
      .sort(
        (a, b) =>
          b.weight - a.weight || (a.entity.name < b.entity.name ? -1 : a.entity.name > b.entity.name ? 1 : 0),
      )
      .slice(0, settings.maxPerKind);
    const top = ofKind[0]?.weight ?? 1;
    for (const { entity, weight, total } of ofKind) {
      tags.push({
        name: entity.name,
        kind,
        score: round(weight / top),
        evidence: [entity.name, ...entity.aliases].slice(0, MAX_SURFACES_SHOWN).concat(entity.typing.cues),
        aliases: entity.aliases,
        mentions: total,
        ...parentOf(lexicon, entity.cluster),
      });
    }
  }
  return tags;
}
