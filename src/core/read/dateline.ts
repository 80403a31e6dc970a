import type { Dateline } from '../document.js';
import { MONTH_NAMES } from '../text/calendar.js';
import { PLACE_JOINERS } from './dateline-words.js';

/**
 * Wire datelines and the page furniture that stands before a lead.
 *
 * A dateline has one shape whatever the place: capitalised place words, an optional ", Qualifier"
 * (state or country), an optional ", date", an optional "(Agency)", then a dash, or the agency's closing
 * bracket running straight into the text ("Kathmandu, Nepal (CNN)Rescuers ..."). No place list is used:
 * the shape, and the dash that ends it, are what tell a dateline from a sentence that opens with a city
 * ("Paris, the capital, said ..." has no dash; "WASHINGTON state officials" has no dash or bracket).
 */

const UPPER_WORD = String.raw`\p{Lu}[\p{L}\p{M}'’.-]*`;
const JOINER = `(?:${PLACE_JOINERS.join('|')})`;
/** One to four capitalised words, with lower-case joiners between them ("Rio de Janeiro"). */
const PLACE = String.raw`${UPPER_WORD}(?:[ ](?:${JOINER}[ ])?${UPPER_WORD}){0,3}`;
/** A month as written in title case or, as some wires print the whole dateline, in capitals ("MARCH 24"). */
const MONTH = `(?:${MONTH_NAMES.flatMap((name) => [name, name.toUpperCase()]).join('|')})\\.?`;
/** "April 16", "Sept. 3, 2031", "16 April", "MARCH 24". */
const DATE = String.raw`(?:${MONTH}[ ]\d{1,2}(?:st|nd|rd|th)?(?:,?[ ]\d{4})?|\d{1,2}[ ]${MONTH}(?:[ ]\d{4})?)`;
/** An agency in brackets: one to four words that open with a capital ("Reuters", "AP", "Wire"). */
const AGENCY = String.raw`\((?<agency>\p{Lu}[\p{L}\p{N}&.'’-]*(?:[ ][\p{L}\p{N}&.'’-]+){0,3})\)`;
const DASH = String.raw`[ ]?(?:--?|—|–)[ ]`;

const DATELINE = new RegExp(
  String.raw`^(?<place>${PLACE})(?:,[ ](?<qualifier>${PLACE}))??(?:,[ ](?<date>${DATE}))?(?:[ ]?${AGENCY})?(?<end>${DASH}|(?<=\))[ ]?)`,
  'u',
);
/** A bare agency credit with no place: "(CNN)The ..." or "(Reuters) - The ...". */
const AGENCY_ONLY = new RegExp(String.raw`^${AGENCY}(?:${DASH}|[ ]?)`, 'u');
const MONTH_ONLY = new RegExp(`^${MONTH}$`, 'iu');
const HAS_LOWER = /\p{Ll}/u;
/** What may follow a dateline: the start of the sentence proper. */
const TEXT_START = /^["“‘'(]?[\p{L}\p{N}]/u;

/** The longest dateline considered, in characters: longer openings are prose. */
const MAX_DATELINE_CHARS = 80;

/** A dateline read off a sentence, and the sentence without it. */
export interface DatelineSplit {
  /** The dateline, or null when the sentence opens with a bare agency credit ("(CNN)") and no place. */
  readonly dateline: Dateline | null;
  /** The sentence with the dateline (or credit) and its dash removed. */
  readonly text: string;
}

/**
 * Reads a wire dateline off the start of a lead sentence. Returns undefined when the sentence does
 * not open with one.
 *
 * @example
 * splitDateline('TOKYO, April 16 (Reuters) - Shares rose.')
 * // { dateline: { text: 'TOKYO, April 16 (Reuters)', place: 'TOKYO', qualifier: null,
 * //   date: 'April 16', agency: 'Reuters' }, text: 'Shares rose.' }
 * splitDateline('WASHINGTON state officials said on Monday.') // undefined
 */
export function splitDateline(sentence: string): DatelineSplit | undefined {
  const credit = AGENCY_ONLY.exec(sentence);
  if (credit !== null) {
    const rest = sentence.slice(credit[0].length);
    return TEXT_START.test(rest) ? { dateline: null, text: rest } : undefined;
  }
  const match = DATELINE.exec(sentence);
  const groups = match?.groups;
  if (match === null || groups === undefined) return undefined;
  const place = groups.place ?? '';
  const qualifier = groups.qualifier ?? null;
  const date = groups.date ?? null;
  const agency = groups.agency ?? null;
  const text = match[0].slice(0, match[0].length - (groups.end ?? '').length).trimEnd();
  const rest = sentence.slice(match[0].length);
  if (text.length > MAX_DATELINE_CHARS || !TEXT_START.test(rest)) return undefined;
  if (MONTH_ONLY.test(place) || (qualifier !== null && MONTH_ONLY.test(qualifier))) return undefined;
  // A mixed-case name before a dash is as likely a person ("Smith - who ...") as a place: it counts as
  // a dateline only with something else a dateline has. An all-capitals place needs nothing more.
  if (qualifier === null && date === null && agency === null && HAS_LOWER.test(place)) return undefined;
  return { dateline: { text, place, qualifier, date, agency }, text: rest };
}

// A byline-and-timestamp block ahead of the lead, as some pages print it run into the text:
// "By . A Reporter . PUBLISHED: . 10:02 EST, 3 March 2031 . | . UPDATED: . 11:40 EST, 3 March 2031 .".
// Its shape is a "By" credit followed by upper-case PUBLISHED/UPDATED labels with times; the names in
// it are never read.
const TIMESTAMP = String.raw`(?:PUBLISHED|UPDATED|Published|Updated|Last updated)[ ]?:?[ .]*[^|]{0,60}?\d{4}[ ]?\.?`;
const BYLINE_TIMESTAMPS = new RegExp(
  String.raw`^By[ .]+[^|]{1,120}?${TIMESTAMP}(?:[ ]*\|?[ .]*${TIMESTAMP})*[ .]*`,
  'u',
);

/**
 * Removes a byline-and-timestamp block that stands before the first sentence of a paragraph.
 *
 * @example
 * stripLeadFurniture('By . Jo Bloggs . PUBLISHED: . 10:02 EST, 3 March 2031 . The dam opened.')
 * // 'The dam opened.'
 */
export function stripLeadFurniture(paragraph: string): string {
  const match = BYLINE_TIMESTAMPS.exec(paragraph);
  return match === null ? paragraph : paragraph.slice(match[0].length).trimStart();
}
