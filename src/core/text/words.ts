import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { RegexpTokenizer } from 'natural/lib/natural/tokenizers/regexp_tokenizer.js';
import { words as naturalStopWords } from 'natural/lib/natural/util/stopwords.js';

// natural's WordTokenizer splits on anything outside [A-Za-z0-9], which cuts "Zürich" and "Türkiye" in
// two; the same tokenizer class with a Unicode-aware gap pattern keeps letters of every script together.
const tokenizer = new RegexpTokenizer({ pattern: /[^\p{L}\p{M}\p{N}'’-]+/u });

const EDGE_PUNCTUATION = /^['’-]+|['’-]+$/g;
const POSSESSIVE = /['’]s$/i;
const HAS_JOINER = /['’-]/;

/**
 * Splits text into word tokens in their surface form, possessives dropped.
 * @example tokenize("Kazakhstan’s capital, Astana") // ['Kazakhstan', 'capital', 'Astana']
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const raw of tokenizer.tokenize(text)) {
    // Most tokens hold no apostrophe or hyphen: skip the two regex passes for them (a hot loop).
    const token = HAS_JOINER.test(raw) ? raw.replace(POSSESSIVE, '').replace(EDGE_PUNCTUATION, '') : raw;
    if (token !== '') out.push(token);
  }
  return out;
}

// English function words from natural, plus the reporting verbs and fillers of news prose that carry
// no topic ("said", "according"): without them every quote-heavy sentence would look central.
const EXTRA_STOP_WORDS = [
  'said',
  'says',
  'say',
  'told',
  'according',
  'also',
  'would',
  'could',
  'should',
  'may',
  'might',
  'must',
  'will',
  'shall',
  'can',
  'one',
  'two',
  'new',
  'year',
  'years',
  'last',
  'first',
  'like',
  'just',
  'even',
  'still',
  'yet',
  'many',
  'much',
  'more',
  'most',
  'less',
  'well',
  'however',
  'since',
  'while',
  'though',
  'although',
  'among',
  'amid',
  'per',
  'including',
  'us',
  'mr',
  'mrs',
  'ms',
  'dr',
  'it’s',
  "it's",
  'don’t',
  "don't",
  'week',
  'month',
  'day',
  'time',
  'percent',
  'people',
  'way',
  'get',
  'got',
  'make',
  'made',
  'take',
  'took',
  'week',
  'thursday',
  'wednesday',
  'tuesday',
  'monday',
  'friday',
  'saturday',
  'sunday',
] as const;

const STOP_WORDS: ReadonlySet<string> = new Set([...naturalStopWords, ...EXTRA_STOP_WORDS]);

/** True for function words and news fillers; expects a lower-case token. */
export function isStopWord(lower: string): boolean {
  return STOP_WORDS.has(lower);
}

// Stemming dominates the cost of term statistics; news vocabulary is small, so a bounded memo pays.
const STEM_CACHE_LIMIT = 50_000;
const stemCache = new Map<string, string>();

/**
 * Porter stem of a token, lower-cased, memoised.
 * @example stem('Organizations') // 'organ'
 */
export function stem(token: string): string {
  const lower = token.toLowerCase();
  const cached = stemCache.get(lower);
  if (cached !== undefined) return cached;
  const stemmed = PorterStemmer.stem(lower);
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(lower, stemmed);
  return stemmed;
}
