import { isStopWord } from '../../text/words.js';
import { NAME_PARTICLES } from '../data/name-particles.js';
import { CALENDAR_WORDS } from '../data/not-name-words.js';
import type { EntityLexicon } from './lexicon.js';
import type { NameToken } from './tokens.js';

export type EntityKind = 'person' | 'organization';

/** One piece of evidence for a kind, with how much it counts and what to show for it. */
export interface Cue {
  readonly kind: EntityKind | 'said';
  readonly weight: number;
  /** Shown in the tag's evidence: "title:President", "ticker:7203.T". */
  readonly label: string;
}

/** A name as one sentence uses it, with the cues around it. */
export interface Mention {
  /** The name's words, titles and sentence openers taken off. */
  readonly words: readonly string[];
  readonly key: string;
  /** Index of the body sentence it is in. */
  readonly sentence: number;
  /** First word of its sentence (or of a quote), where capitals say nothing. */
  readonly initial: boolean;
  /** A title that stays with a single name ("Pope" of "Pope Francis"). */
  readonly style: string | undefined;
  /** An acronym defined in brackets straight after ("(SCO)"). */
  readonly acronym: string | undefined;
  readonly cues: readonly Cue[];
}

// Lower-case words that may sit inside a name: "Bank of England", "Charles de Gaulle".
const CONNECTORS: ReadonlySet<string> = new Set(['of', 'for', ...NAME_PARTICLES]);
const ARTICLES = new Set(['a', 'an', 'the']);
const LISTENER_VERBS = new Set(['told', 'asked']);
// "Rosneft-owned", "London-based": a name turned adjective, not part of the name after it.
const NAME_ADJECTIVE = /-\p{Ll}+$/u;
const MEMBER_LINKS = new Set(['of', 'for', 'at', 'with', 'from']);
const QUOTE_OR_BREAK = /["“”‘:—–]/;
const SPACE_GAP = /^[ \t\u00a0]+$/;
const AMPERSAND_GAP = /^ ?& ?$/;
const DOT_GAP = /^\. ?$/;
const AGE = /^\d{1,3}$/;

/** Lower-case words of the whole document, to tell a sentence-opening common word from a name. */
export type LowerWords = ReadonlySet<string>;

function isNameish(token: NameToken): boolean {
  return token.shape === 'capitalised' || token.shape === 'upper';
}

/** A gap that keeps a name going: spaces, " & ", or the dot after an initial or abbreviated title. */
function continuesName(lexicon: EntityLexicon, previous: NameToken, gap: string): boolean {
  if (SPACE_GAP.test(gap) || AMPERSAND_GAP.test(gap)) return true;
  if (!DOT_GAP.test(gap)) return false;
  const text = previous.text;
  return (
    (text.length === 1 && previous.shape !== 'lower') ||
    lexicon.honorifics.has(text) ||
    lexicon.titles.has(text)
  );
}

/** True when most words are in capitals, as in a shouted headline: capitals say nothing there. */
export function isShouted(tokens: readonly NameToken[]): boolean {
  let words = 0;
  let upper = 0;
  for (const token of tokens) {
    if (token.shape === 'digits' || token.shape === 'other') continue;
    words += 1;
    if (token.shape === 'upper' && token.text.length > 1) upper += 1;
  }
  return words >= 3 && upper / words >= 0.7;
}

function isOrgSuffix(lexicon: EntityLexicon, word: string): boolean {
  return lexicon.orgSuffixes.has(word) || (word.endsWith('s') && lexicon.orgSuffixes.has(word.slice(0, -1)));
}

/** Index after the capitalised words from `from` on (space-separated), or `from` when there are none. */
function nameishUntil(tokens: readonly NameToken[], from: number): number {
  let k = from;
  while (k < tokens.length) {
    const token = tokens[k];
    if (token === undefined || !isNameish(token) || (k > from && !SPACE_GAP.test(token.gap))) break;
    k += 1;
    if (token.possessive) break;
  }
  return k;
}

/** The end (exclusive) of the capitalised run starting at `start`. */
function runEnd(lexicon: EntityLexicon, tokens: readonly NameToken[], start: number): number {
  let end = start + 1;
  let j = start + 1;
  while (j < tokens.length) {
    const previous = tokens[j - 1];
    const token = tokens[j];
    if (token === undefined || previous === undefined) break;
    // A possessive ends a name ("China’s ruling party"), except inside one ("Women’s Tennis Association").
    if (previous.possessive && !(lexicon.possessivesInNames.has(previous.text) && j - 1 > start)) break;
    if (!continuesName(lexicon, previous, token.gap)) break;
    if (token.text === 'The') break; // "... Flinck The FBI": a new name starts
    if (isNameish(token)) {
      end = j + 1;
      j += 1;
      continue;
    }
    // "Securities and Exchange Commission", "Avon and Somerset Police": "and" after one word, inside
    // an organisation's name; elsewhere it joins two names ("Putin and Xi").
    // Leading "The" or a place ("US Food and Drug Administration") does not count as the one word.
    const first = tokens[start]?.text ?? '';
    const leading = first === 'The' || (j - start === 2 && isPlaceWord(lexicon, first)) ? 1 : 0;
    if (token.text === 'and' && j - start - leading === 1) {
      const after = nameishUntil(tokens, j + 1);
      if (
        after > j + 1 &&
        SPACE_GAP.test(tokens[j + 1]?.gap ?? '') &&
        isOrgSuffix(lexicon, tokens[after - 1]?.text ?? '')
      ) {
        end = after;
        j = after;
        continue;
      }
      break;
    }
    // Connectors, then maybe "the", then a capitalised word: "Bank of England", "Ursula von der Leyen".
    let k = j;
    while (k < tokens.length && CONNECTORS.has(tokens[k]?.text ?? '') && SPACE_GAP.test(tokens[k]?.gap ?? ''))
      k += 1;
    if (k === j) break;
    if (tokens[k - 1]?.text === 'of' && tokens[k]?.text === 'the' && SPACE_GAP.test(tokens[k]?.gap ?? ''))
      k += 1;
    const after = tokens[k];
    if (after === undefined || !isNameish(after) || !SPACE_GAP.test(after.gap)) break;
    j = k;
  }
  return end;
}

function lowerAt(tokens: readonly NameToken[], index: number): string | undefined {
  const token = tokens[index];
  return token === undefined ? undefined : token.text.toLowerCase();
}

/** Cues from the words around the run `[start, end)`: roles, "said", tickers, ages, appositions. */
function contextCues(
  lexicon: EntityLexicon,
  tokens: readonly NameToken[],
  start: number,
  end: number,
  cues: Cue[],
): { acronym: string | undefined } {
  const first = tokens[start];
  const before = tokens[start - 1];
  // "Its director, Paul Johnson, said": a role, then the name in apposition.
  if (before !== undefined && first !== undefined && first.gap === ', ' && lexicon.roles.has(before.text)) {
    cues.push({ kind: 'person', weight: 2, label: `role:${before.text}` });
  }
  if (before !== undefined && first !== undefined && SPACE_GAP.test(first.gap) && before.shape === 'lower') {
    if (lexicon.roles.has(before.text))
      cues.push({ kind: 'person', weight: 2, label: `role:${before.text}` });
    else if (lexicon.orgNouns.has(before.text))
      cues.push({ kind: 'organization', weight: 2, label: `noun:${before.text}` });
    // "said Jane Roe" quotes a person; "told BBC Radio" names the listener, often a newsroom.
    else if (lexicon.speechVerbs.has(before.text) && !LISTENER_VERBS.has(before.text))
      cues.push({ kind: 'said', weight: 1, label: 'said' });
    let k = start - 1;
    if (before.text === 'the') {
      // "the Holburne Museum", "at the Santiago Bernabeu": people are not "the" anyone.
      cues.push({ kind: 'organization', weight: 1, label: 'the' });
      cues.push({ kind: 'person', weight: -3, label: 'after the' });
      k -= 1;
    }
    const link = lowerAt(tokens, k);
    const role = lowerAt(tokens, k - 1);
    if (link !== undefined && MEMBER_LINKS.has(link) && role !== undefined && lexicon.memberRoles.has(role)) {
      cues.push({ kind: 'organization', weight: 2, label: `affiliation:${role} ${link}` });
    }
  }
  // "... School of International Studies at Nanyang Technological University": one body within another.
  const link = tokens[start - 1];
  const owner = tokens[start - 2];
  if (link?.text === 'at' && owner !== undefined && isNameish(owner) && SPACE_GAP.test(link.gap)) {
    cues.push({ kind: 'organization', weight: 1, label: 'affiliation:at' });
  }

  let acronym: string | undefined;
  const last = tokens[end - 1];
  const next = tokens[end];
  const afterNext = tokens[end + 1];
  if (next === undefined || last === undefined) return { acronym };
  const gap = next.gap;
  const closes = afterNext === undefined ? '' : afterNext.gap;
  if (gap.trimEnd().endsWith('<') && closes.startsWith('>') && next.shape !== 'lower') {
    cues.push({ kind: 'organization', weight: 5, label: `ticker:${next.text}` });
  } else if (
    gap.trimEnd().endsWith('(') &&
    (closes.startsWith(')') || afterNext === undefined) &&
    next.shape === 'upper'
  ) {
    acronym = next.text;
    cues.push({ kind: 'organization', weight: 1, label: `acronym:${next.text}` });
  } else if (
    gap.startsWith(',') &&
    AGE.test(next.text) &&
    (afterNext === undefined || afterNext.gap.startsWith(','))
  ) {
    cues.push({ kind: 'person', weight: 3, label: `age:${next.text}` });
  } else if (gap.startsWith(',')) {
    const word = next.text;
    if (lexicon.personFollowers.has(word)) cues.push({ kind: 'person', weight: 2, label: word });
    else if (lexicon.orgCommaFollowers.has(word)) cues.push({ kind: 'organization', weight: 1, label: word });
    else {
      // "Smith, a spokesman for ...", "Smith, chief executive of ...": a role in apposition.
      const from = ARTICLES.has(word) ? end + 1 : end;
      for (let k = from; k < Math.min(tokens.length, from + 4); k += 1) {
        const token = tokens[k];
        if (token === undefined || token.shape !== 'lower' || (k > from && !SPACE_GAP.test(token.gap))) break;
        if (lexicon.roles.has(token.text)) {
          cues.push({ kind: 'person', weight: 2, label: `role:${token.text}` });
          break;
        }
      }
    }
  } else if (SPACE_GAP.test(gap) || last.possessive) {
    if (lexicon.speechVerbs.has(next.text)) cues.push({ kind: 'said', weight: 1, label: 'said' });
    else if (lexicon.orgFollowers.has(next.text))
      cues.push({ kind: 'organization', weight: 1, label: next.text });
  }
  return { acronym };
}

function isTitle(lexicon: EntityLexicon, word: string): boolean {
  return lexicon.honorifics.has(word) || lexicon.titles.has(word);
}

/** "ArrowRight" -> ["Arrow", "Right"]; names like "McDonald" or "OpenAI" split too, harmlessly. */
function camelParts(word: string): string[] {
  return word.split(/(?<=\p{Ll})(?=\p{Lu})/u);
}

/** Page furniture and calendar words only: not a name. */
export function isFurniture(lexicon: EntityLexicon, words: readonly string[]): boolean {
  return words.every((word) => camelParts(word).every((part) => lexicon.notNameWords.has(part)));
}

function isPlaceWord(lexicon: EntityLexicon, word: string): boolean {
  if (lexicon.places.has(word) || word.split('-').every((part) => lexicon.places.has(part))) return true;
  // "TOKYO" in a dateline.
  return (
    word.length > 2 &&
    !word.includes('.') &&
    lexicon.places.has(word.charAt(0) + word.slice(1).toLowerCase()) &&
    word === word.toUpperCase()
  );
}

const CALENDAR: ReadonlySet<string> = new Set(CALENDAR_WORDS);

/**
 * Where a person's name starts inside a longer run: at a known given name followed by one or two
 * capitalised words, after a nationality, a place, an office or a sentence opener. 0 when the run
 * reads as one name (it starts with the given name, or ends like an organisation).
 */
function givenNameStart(lexicon: EntityLexicon, words: readonly string[]): number {
  if (words.length < 3 || isOrgSuffix(lexicon, words[words.length - 1] ?? '')) return 0;
  for (let i = 1; i <= words.length - 2; i += 1) {
    const word = words[i] ?? '';
    if (!lexicon.firstNames.has(word) || words.length - i > 3) continue;
    const before = words[i - 1] ?? '';
    if (lexicon.firstNames.has(before) || CONNECTORS.has(before) || before === '&') return 0;
    return words.slice(i).every((rest) => /^\p{Lu}\p{Ll}/u.test(rest)) ? i : 0;
  }
  return 0;
}

function titleCaseWord(word: string): string {
  return word.charAt(0) + word.slice(1).toLowerCase();
}

/** A capitalised word the document also uses in lower case ("Rival", "Shares"): a sentence opener. */
function isCommonWord(lowerWords: LowerWords, word: string): boolean {
  const lower = word.toLowerCase();
  if (lowerWords.has(lower)) return true;
  return lower.endsWith('s') ? lowerWords.has(lower.slice(0, -1)) : lowerWords.has(`${lower}s`);
}

/**
 * The names one body sentence uses: runs of capitalised words, with titles and sentence openers
 * taken off and the cues around each kept. Places, page furniture, buildings and events are left
 * out. Shouted sentences give none (their capitals say nothing). Linear in the number of words.
 * @example findMentions(lexicon, tokenizeNames('Russian President Vladimir Putin said'), 0, new Set())[0].key // 'Vladimir Putin'
 */
export function findMentions(
  lexicon: EntityLexicon,
  tokens: readonly NameToken[],
  sentence: number,
  lowerWords: LowerWords,
): Mention[] {
  const found: Mention[] = [];
  if (isShouted(tokens)) return found;
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i];
    if (token === undefined || !isNameish(token)) {
      i += 1;
      continue;
    }
    const end = runEnd(lexicon, tokens, i);
    const run: Run = { tokens, start: i, end, sentence, lowerWords };
    const split = officeHolderSplit(lexicon, tokens, i, end);
    let mention: Mention | undefined;
    if (split === undefined) {
      mention = readRun(lexicon, run, i, []);
    } else {
      // "Bank of England Governor Andrew Bailey": the body, then its office-holder.
      if (split.bodyEnd > i) {
        const body = readRun(lexicon, { ...run, end: split.bodyEnd }, i, [], false);
        if (body !== undefined) found.push({ ...body, cues: [...body.cues, EMPLOYER_CUE] });
      }
      const titles: Cue[] = [];
      for (let k = split.bodyEnd; k < split.nameStart; k += 1) {
        const word = tokens[k]?.text ?? '';
        if (isTitle(lexicon, word)) titles.push(titleCue(lexicon, word));
      }
      mention = readRun(lexicon, run, split.nameStart, titles);
    }
    if (mention !== undefined) found.push(mention);
    // The acronym a name defines is the same mention, not a second one.
    i = mention?.acronym === undefined ? end : end + 1;
  }
  return found;
}

const EMPLOYER_CUE: Cue = { kind: 'organization', weight: 1, label: 'employer' };

function titleCue(lexicon: EntityLexicon, word: string): Cue {
  return { kind: 'person', weight: lexicon.honorifics.has(word) ? 3 : 2, label: `title:${word}` };
}

interface Run {
  readonly tokens: readonly NameToken[];
  readonly start: number;
  readonly end: number;
  readonly sentence: number;
  readonly lowerWords: LowerWords;
}

/**
 * Where a title block inside a run starts and ends, when a name follows it: "Federal Reserve Chair
 * Jerome Powell" has the body "Federal Reserve", "Chief Financial Officer Yoichi Miyazaki" none.
 * Undefined when the run does not read that way (no title inside, or the run is an organisation's
 * name such as "Crown Prosecution Service").
 */
function officeHolderSplit(
  lexicon: EntityLexicon,
  tokens: readonly NameToken[],
  start: number,
  end: number,
): { bodyEnd: number; nameStart: number } | undefined {
  let last = -1;
  for (let k = end - 2; k > start; k -= 1) {
    if (isTitle(lexicon, tokens[k]?.text ?? '')) {
      last = k;
      break;
    }
  }
  if (last < 0) return undefined;
  for (let k = last + 1; k < end; k += 1) {
    const token = tokens[k];
    if (token !== undefined && k > last + 1 && CONNECTORS.has(token.text)) continue; // "von der Leyen"
    if (token === undefined || token.shape !== 'capitalised' || isOrgSuffix(lexicon, token.text))
      return undefined;
    if (isTitle(lexicon, token.text) || lexicon.notNameWords.has(token.text)) return undefined;
  }
  if (end - last - 1 > 4) return undefined;
  let first = last;
  while (first - 1 >= start && isTitle(lexicon, tokens[first - 1]?.text ?? '')) first -= 1;
  // "of State" in "Secretary of State": part of the office.
  if (
    tokens[first - 1]?.text === 'of' &&
    first - 2 >= start &&
    isTitle(lexicon, tokens[first - 2]?.text ?? '')
  ) {
    first -= 2;
    while (first - 1 >= start && isTitle(lexicon, tokens[first - 1]?.text ?? '')) first -= 1;
  }
  // A run that opens with a title is all office up to the name: "Chief Financial Officer ...".
  const opensWithTitle = isTitle(lexicon, tokens[start]?.text ?? '');
  return { bodyEnd: opensWithTitle ? start : first, nameStart: last + 1 };
}

function readRun(
  lexicon: EntityLexicon,
  run: Run,
  nameFrom: number,
  given: readonly Cue[],
  withContext = true,
): Mention | undefined {
  const { tokens, end, sentence, lowerWords } = run;
  const cues: Cue[] = [...given];
  let style: string | undefined;
  for (const cue of given)
    if (lexicon.styles.has(cue.label.slice('title:'.length))) style = cue.label.slice(6);
  let from = nameFrom;
  let strippedTitle = given.length > 0;
  // An organisation's name keeps its title-like words: "Crown Prosecution Service", "Labour Party".
  const organizationName = isOrgSuffix(lexicon, tokens[end - 1]?.text ?? '');
  while (from < end) {
    const word = tokens[from]?.text ?? '';
    const shape = tokens[from]?.shape;
    if (from + 1 < end && NAME_ADJECTIVE.test(word)) {
      from += 1;
      continue;
    }
    // "Director of the Scottish Local Authority Management Centre": an office, then its body.
    if (organizationName && from + 2 < end && isTitle(lexicon, word) && tokens[from + 1]?.text === 'of') {
      from += tokens[from + 2]?.text === 'the' ? 3 : 2;
      cues.push(EMPLOYER_CUE);
      continue;
    }
    const nextWord = tokens[from + 1]?.text ?? '';
    const opensSentence = from === 0 || QUOTE_OR_BREAK.test(tokens[from]?.gap ?? '');
    if (shape === 'lower' || shape === 'digits') {
      from += 1; // a connector left at the front once an opener is gone: "Shares of Microsoft"
      continue;
    }
    if (from + 1 < end && isTitle(lexicon, word) && !organizationName) {
      strippedTitle = true;
      cues.push(titleCue(lexicon, word));
      style = lexicon.styles.has(word) ? word : undefined;
      from += 1;
      // "Secretary of State Antony Blinken": the office's "of" phrase goes with the title.
      // "Ambassador for Tennis" likewise: with nothing after the office, no name at all.
      const link = tokens[from]?.text;
      if ((link === 'of' || link === 'for') && from + 1 < end) from = Math.min(end, from + 2);
      continue;
    }
    // "New York City" at the start of a sentence is a place, not "York City" after an opener.
    const placeAhead = lexicon.places.has(`${word} ${nextWord}`);
    if (shape === 'upper' && from + 1 < end && lexicon.notNameWords.has(word) && !placeAhead) {
      from += 1; // "CEO of ...", "AI ..."
      continue;
    }
    if (shape === 'capitalised' && from + 1 < end && !lexicon.orgPrefixes.has(word) && !placeAhead) {
      const opener =
        isStopWord(word.toLowerCase()) ||
        (opensSentence && (lexicon.notNameWords.has(word) || isCommonWord(lowerWords, word)));
      if (opener) {
        from += 1;
        continue;
      }
    }
    // "Russian President ...", "Kazakh Foreign Minister ...": a nationality before an office.
    if (from + 1 < end && isPlaceWord(lexicon, word) && isTitle(lexicon, nextWord)) {
      from += 1;
      continue;
    }
    // "Ahead of the SCO summit", "Because of Acme": a sentence opener joined to a name by "of".
    if (
      opensSentence &&
      CONNECTORS.has(nextWord) &&
      !lexicon.orgPrefixes.has(word) &&
      !lexicon.orgSuffixes.has(word)
    ) {
      from += 2;
      if (tokens[from]?.text === 'the') from += 1;
      continue;
    }
    break;
  }
  if (from >= end) return undefined;
  let words: string[] = [];
  // A possessive inside a name is written as it stands ("Women’s Tennis Association").
  for (let k = from; k < end; k += 1) {
    // "Procter & Gamble" keeps its ampersand.
    if (k > from && tokens[k]?.gap.includes('&') === true) words.push('&');
    words.push((k < end - 1 ? tokens[k]?.raw : tokens[k]?.text) ?? '');
  }
  words = withoutHomePlace(lexicon, words);
  // "Masters Wednesday", "Harley Levanic Some": a day or a stop word closing a run is not the name's.
  while (words.length > 1) {
    const last = words[words.length - 1] ?? '';
    if (!CALENDAR.has(last) && !isStopWord(last.toLowerCase())) break;
    words.pop();
  }
  // "Australian Marc Leishman", "Director of Public Prosecutions Alison Saunders": a person named
  // from a known given name on, after words that are not part of the name.
  const givenAt = givenNameStart(lexicon, words);
  if (givenAt > 0) words = words.slice(givenAt);
  // "Syria Hanad Mustafe Musse": a place before a name of two or three words that ends like no
  // organisation is where the person is from, not part of the name.
  else if (
    words.length >= 3 &&
    words.length <= 4 &&
    isPlaceWord(lexicon, words[0] ?? '') &&
    !words.some((word) => isOrgSuffix(lexicon, word) || CONNECTORS.has(word)) &&
    words.slice(1).every((word) => /^\p{Lu}\p{Ll}/u.test(word))
  )
    words = words.slice(1);
  // Shouted sub-headings ("CURRENT JOB") say nothing: a run of several all-capital words is no name.
  if (words.length > 1 && words.every((word) => word === word.toUpperCase() && /\p{Lu}{2}/u.test(word)))
    return undefined;
  const key = words.join(' ');
  const lastWord = words[words.length - 1] ?? '';
  if (lexicon.places.has(key) || words.every((word) => isPlaceWord(lexicon, word))) return undefined;
  // "NEW YORK" in a dateline is New York.
  if (key === key.toUpperCase() && lexicon.places.has(words.map(titleCaseWord).join(' '))) return undefined;
  // "Susan Park" after a title is a person, whatever "Park" usually ends.
  if (lexicon.notEntitySuffixes.has(lastWord) && !strippedTitle) return undefined;
  if (words.length > 2 && lexicon.notEntityPrefixes.has(words[0] ?? '') && words[1] === 'of')
    return undefined;
  if (!organizationName && words.every((word) => isTitle(lexicon, word))) return undefined;
  if (isFurniture(lexicon, words)) return undefined;
  const opens = from === 0 || QUOTE_OR_BREAK.test(tokens[from]?.gap ?? '');
  if (words.length === 1 && tokens[from]?.shape === 'capitalised') {
    if (isStopWord(lastWord.toLowerCase()) || (opens && isCommonWord(lowerWords, lastWord))) return undefined;
  }
  if (style !== undefined && words.length > 1) style = undefined;
  // Context is read around the name, or around its titles when it had some ("said President ...").
  const contextStart = strippedTitle ? run.start : from;
  const { acronym } = withContext
    ? contextCues(lexicon, tokens, contextStart, end, cues)
    : { acronym: undefined };
  return { words, key, sentence, initial: opens, style, acronym, cues };
}

/**
 * "James Corwin of Oklahoma" -> "James Corwin": a home place after a person's name is not part of
 * it. Organisations keep theirs ("Bank of England", "University of Oxford", "Church of England").
 */
function withoutHomePlace(lexicon: EntityLexicon, words: string[]): string[] {
  const of = words.indexOf('of');
  if (of < 1 || of === words.length - 1) return words;
  const before = words.slice(0, of);
  const after = words.slice(of + 1);
  if (!after.every((word) => isPlaceWord(lexicon, word))) return words;
  if (lexicon.orgPrefixes.has(before[0] ?? '') || before.some((word) => isOrgSuffix(lexicon, word)))
    return words;
  return before;
}
