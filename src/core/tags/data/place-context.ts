import { MONTH_NAMES, WEEKDAY_NAMES } from '../../text/calendar.js';

/**
 * The words around a place name that change what a mention says about where the story is: a meeting
 * venue ("talks in Geneva"), a currency ("50 mln Australian dlr bond"), a company or club whose name
 * holds a place word ("Hanover Insurance", "Paris Saint-Germain"), and the state and province
 * abbreviations wire datelines use ("GREENWICH, Conn."). Read by `../places.ts`; nothing here runs.
 */

/**
 * Lower-case nouns for gatherings. A place after "in" or "at" within a few words of one ("the summit
 * in Venice", "a meeting of ministers in Vienna"), or just before one ("the Venice summit"), is where
 * people met, not what the story is about.
 */
export const VENUE_NOUNS: readonly string[] = [
  'summit',
  'summits',
  'meeting',
  'meetings',
  'conference',
  'conferences',
  'talks',
  'session',
  'sessions',
  'forum',
  'congress',
  'convention',
  'gathering',
  'ministerial',
  'negotiations',
  'symposium',
  'assembly',
  'parley',
  'round',
];

/** Verbs of meeting: a place after "in" or "at" a few words after one ("ministers met on Monday in Vienna") is a venue. */
export const VENUE_VERBS: readonly string[] = [
  'meet',
  'meets',
  'met',
  'meeting',
  'convened',
  'convene',
  'hosted',
];

/** How many words before "in"/"at" a venue noun may stand. */
export const VENUE_WINDOW = 5;

/** Prepositions that introduce a venue. */
export const VENUE_PREPOSITIONS: readonly string[] = ['in', 'at'];

/**
 * Lower-case currency words and wire abbreviations. A country or demonym just before one ("U.S. dlrs",
 * "Australian dlr", "Swiss francs") names money, not a place the story is about.
 */
export const CURRENCY_WORDS: readonly string[] = [
  'dlr',
  'dlrs',
  'dollar',
  'dollars',
  'franc',
  'francs',
  'pound',
  'pounds',
  'stg',
  'sterling',
  'yen',
  'peso',
  'pesos',
  'lira',
  'lire',
  'krona',
  'kronor',
  'krone',
  'kroner',
  'rupee',
  'rupees',
  'rand',
  'yuan',
  'ringgit',
  'baht',
  'guilder',
  'guilders',
  'schilling',
  'schillings',
  'drachma',
  'drachmas',
  'escudo',
  'escudos',
  'peseta',
  'pesetas',
  'shekel',
  'shekels',
  'rouble',
  'roubles',
  'ruble',
  'rubles',
  'dinar',
  'dinars',
  'riyal',
  'riyals',
  'currency',
  'eurobond',
  'eurobonds',
];

/**
 * Capitalised words that make a city or province before them part of a company's or club's name
 * ("Hanover Insurance", "Shanghai Banking", "Paris Saint-Germain"). Words naming the place's own
 * institutions ("Tokyo Stock Exchange", "Paris Club") are not here: those names are the place's.
 */
export const NAME_DESIGNATORS: readonly string[] = [
  'Insurance',
  'Assurance',
  'Corp',
  'Corporation',
  'Inc',
  'Co',
  'Cos',
  'Company',
  'Companies',
  'Group',
  'Holdings',
  'Holding',
  'Bancorp',
  'Bancshares',
  'Banking',
  'Trust',
  'Securities',
  'Capital',
  'Partners',
  'Industries',
  'Financial',
  'Savings',
  'Life',
  'Mutual',
  'Electric',
  'Steel',
  'Motors',
  'Brewing',
  'Chemical',
  'Chemicals',
  'Petroleum',
  'Resources',
  'Mining',
  'Investments',
  'Investors',
  'Ventures',
  'Ltd',
  'Plc',
  'PLC',
  'LLC',
  'AG',
  'NV',
  'Saint',
  'St',
  'FC',
  'Dynamo',
];

/**
 * Capitalised words that may stand just before a city without making it part of another name:
 * days and months ("On Monday Tokyo said").
 */
export const CALENDAR_WORDS: readonly string[] = [
  ...WEEKDAY_NAMES,
  ...MONTH_NAMES,
  'Today',
  'Yesterday',
  'Meanwhile',
  'Earlier',
  'Later',
];

/** A state or province abbreviation as a dateline writes it after the city, and its country. */
export interface DatelineQualifier {
  readonly surfaces: readonly string[];
  readonly code: string;
}

// Only read in a dateline's qualifier: in running text "Miss", "Mass" and "Ill" are ordinary words.
export const DATELINE_QUALIFIERS: readonly DatelineQualifier[] = [
  {
    code: 'US',
    surfaces: [
      'Ala.',
      'Ariz.',
      'Ark.',
      'Calif.',
      'Cal.',
      'Colo.',
      'Conn.',
      'Del.',
      'Fla.',
      'Ga.',
      'Ill.',
      'Ind.',
      'Kan.',
      'Kans.',
      'Ky.',
      'La.',
      'Md.',
      'Mass.',
      'Mich.',
      'Minn.',
      'Miss.',
      'Mo.',
      'Mont.',
      'Neb.',
      'Nebr.',
      'Nev.',
      'N.H.',
      'N.J.',
      'N.M.',
      'N.Mex.',
      'N.Y.',
      'N.C.',
      'N.D.',
      'Okla.',
      'Ore.',
      'Pa.',
      'Penn.',
      'R.I.',
      'S.C.',
      'S.D.',
      'Tenn.',
      'Tex.',
      'Vt.',
      'Va.',
      'Wash.',
      'W.Va.',
      'W. Va.',
      'Wis.',
      'Wisc.',
      'Wyo.',
    ],
  },
  {
    code: 'CA',
    surfaces: ['Ont.', 'Que.', 'B.C.', 'Alta.', 'Man.', 'Sask.', 'N.S.', 'N.B.', 'Nfld.', 'P.E.I.'],
  },
  { code: 'AU', surfaces: ['N.S.W.', 'NSW', 'Qld.', 'Vic.', 'W.A.', 'Tas.'] },
];

/**
 * Cities that stand alone in a wire dateline ("PHOENIX, March 3 -") but are too often something else
 * in running text (a surname, a given name, a namesake elsewhere) to be counted there.
 */
export const DATELINE_CITIES: readonly DatelineQualifier[] = [
  {
    code: 'US',
    surfaces: [
      'Phoenix',
      'Columbus',
      'Charlotte',
      'Portland',
      'Richmond',
      'Rochester',
      'Lincoln',
      'Buffalo',
      'Memphis',
      'Toledo',
      'Austin',
      'Orlando',
      'Stamford',
      'Greenwich',
      'Princeton',
    ],
  },
  { code: 'GY', surfaces: ['Georgetown'] },
];

/** Lower-case words inside place names ("Rio de Janeiro", "Port of Spain", "Dar es Salaam"). */
export const NAME_JOINERS: readonly string[] = [
  'de',
  'da',
  'do',
  'dos',
  'das',
  'del',
  'des',
  'du',
  'es',
  'of',
  'the',
  'au',
  'al',
  'la',
  'le',
  'on',
  'upon',
];
