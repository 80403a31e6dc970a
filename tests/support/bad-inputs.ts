/**
 * The bad-input battery (issue 7 §1) as data: one list of cases, each with the bytes of a file, how it
 * is declared (file name, format, content type) and what lede must do with it. The same list runs
 * through every surface: `analyzeArticle`, the CLI, the S3 upload handler and the HTTP API.
 *
 * Inputs are generated in code (large ones once per test file, through {@link caseBytes}), never
 * stored as fixtures. The prose is written for these tests.
 */
import type { ErrorCode } from '../../src/errors.js';
import {
  docxInflationBomb,
  htmlCommentsAndEntities,
  htmlManyAttributes,
  markdownNestedList,
  markdownNestedQuote,
  pdfEmptyPages,
  pdfFlateBomb,
  pdfManyLines,
  plainTextOfSize,
} from './make-bombs.js';

/** The formats a case can be declared as (by extension, or by Content-Type at the API). */
export type DeclaredFormat = 'txt' | 'md' | 'html' | 'json';

/** Every surface the battery runs through. */
export type Surface = 'core' | 'cli' | 's3' | 'api';

/** An answer: the analysis must exist, be schema-valid and non-empty, and pass these checks. */
export interface OkExpectation {
  readonly ok: true;
  readonly format?: DeclaredFormat;
  readonly encoding?: string;
  readonly title?: string | null;
  /** Each of these must appear in the summary text. */
  readonly summaryIncludes?: readonly string[];
  /** None of these may appear anywhere in the summary text (mojibake, invisible characters). */
  readonly summaryExcludes?: readonly string[];
  /** Bounds on `stats.sentences`. */
  readonly minSentences?: number;
  readonly maxSentences?: number;
}

/**
 * No summary may be longer than this, whatever the input: a summary as large as a megabyte-long
 * article would also push the API's response past Lambda's 6 MB payload limit.
 */
export const MAX_SUMMARY_CHARS = 50_000;

/** A refusal: a `LedeError` with this code (and, at the API, its status). */
export interface ErrorExpectation {
  readonly error: ErrorCode;
}

export type Expectation = OkExpectation | ErrorExpectation;

export interface BadInputCase {
  /** Unique, readable; used in test names. */
  readonly name: string;
  /** File name used by the CLI and as the last part of the S3 key; its extension declares the format. */
  readonly filename: string;
  /** The format the API declares through its Content-Type (the API has no file names). */
  readonly format: DeclaredFormat;
  /** Content-Type of the S3 upload. */
  readonly contentType: string;
  readonly bytes: () => Uint8Array;
  readonly expect: Expectation;
  /** Where a surface must answer differently, and why (see the case's comment). */
  readonly surfaces?: Partial<Record<Surface, Expectation>>;
  /** Large input: gets a longer per-test timeout. */
  readonly large?: boolean;
}

/** The size limit every surface runs the battery with (LEDE_MAX_BYTES, --max-bytes, maxBytes). */
export const BATTERY_MAX_BYTES = 3 * 1024 * 1024;

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A short news story with a headline, written for these tests. */
export const STORY_TITLE = 'Night ferry returns to the outer islands';
export const STORY = `${STORY_TITLE}

The night ferry to the outer islands sailed again on Friday, three years after the service was cut to save money.

Islanders had campaigned for its return since the last crossing, saying the day boats left no way to reach the mainland hospital for early appointments.

The ferry company said the new timetable would run all year, with an extra sailing on Sundays during the summer months.

The harbour master said the first crossing carried forty-two passengers, eleven cars and a lorry of fresh fish.
`;

/** The story in UTF-16 with a byte-order mark. */
function utf16(text: string, order: 'le' | 'be', bom = true): Uint8Array {
  const start = bom ? 2 : 0;
  const out = new Uint8Array(start + text.length * 2);
  const view = new DataView(out.buffer);
  if (bom) view.setUint16(0, 0xfeff, order === 'le');
  for (let i = 0; i < text.length; i += 1) view.setUint16(start + i * 2, text.charCodeAt(i), order === 'le');
  return out;
}

const CP1252: Readonly<Record<string, number>> = {
  '“': 0x93,
  '”': 0x94,
  '’': 0x92,
  '—': 0x97,
  '€': 0x80,
  é: 0xe9,
  ü: 0xfc,
};

function windows1252(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => {
    const code = CP1252[ch] ?? ch.charCodeAt(0);
    if (code > 0xff) throw new Error(`no Windows-1252 byte for ${ch}`);
    return code;
  });
}

const CAFE_STORY = `Café owners fear the new harbour levy

“We will lose the winter trade,” said the owner of the café on the quay in Zürich’s old port.

The levy of €2 a visitor starts in March — a month earlier than the council first said.
`;

/** `count` copies of `unit` as bytes, built without one giant intermediate string per copy. */
function repeatText(unit: string, count: number): Uint8Array {
  return utf8(unit.repeat(count));
}

/** Plain words with spaces and nothing else: no full stops, commas or line breaks. */
function unpunctuated(bytes: number): Uint8Array {
  const words = ['harbour', 'ferry', 'island', 'council', 'timetable', 'crossing', 'passengers', 'winter'];
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < bytes; i += 1) {
    const word = words[(i * 7 + (i >> 3)) % words.length] ?? 'word';
    parts.push(word);
    length += word.length + 1;
  }
  return utf8(parts.join(' ').slice(0, bytes));
}

/** One word of `bytes` letters, drawn from a cycle so it is not one repeated character. */
function longWord(bytes: number): Uint8Array {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const out = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i += 1) out[i] = letters.charCodeAt((i * 11) % letters.length);
  return out;
}

function concat(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

const DEEP_HTML_SENTENCE = 'The lighthouse keeper logged the storm at midnight.';

export const BAD_INPUTS: readonly BadInputCase[] = [
  // Nothing to read.
  {
    name: 'empty file',
    filename: 'empty.txt',
    format: 'txt',
    contentType: 'text/plain',
    bytes: () => new Uint8Array(0),
    expect: { error: 'EMPTY_DOCUMENT' },
  },
  {
    name: 'whitespace only (spaces, tabs, CRLF, no-break spaces)',
    filename: 'blank.txt',
    format: 'txt',
    contentType: 'text/plain',
    bytes: () => utf8(' \t\r\n\r\n\u00a0\u2003 \n\n'),
    expect: { error: 'EMPTY_DOCUMENT' },
  },
  {
    name: 'zero-width characters only',
    filename: 'invisible.txt',
    format: 'txt',
    contentType: 'text/plain',
    bytes: () => utf8('\u200b\u200c\u200d\u2060\ufeff\u200b\n\u00ad'),
    expect: { error: 'EMPTY_DOCUMENT' },
  },

  // Binary files uploaded by mistake: a .txt name must not get them decoded as text.
  {
    name: 'PNG image named .txt',
    filename: 'photo.txt',
    format: 'txt',
    contentType: 'application/octet-stream',
    bytes: () =>
      Uint8Array.from([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0,
      ]),
    expect: { error: 'UNSUPPORTED_MEDIA' },
  },
  {
    // lede reads PDFs by their content, whatever the name; this one is only a header.
    name: 'damaged PDF (a header and nothing else) named .txt',
    filename: 'report.txt',
    format: 'txt',
    contentType: 'application/octet-stream',
    bytes: () => concat(utf8('%PDF-1.7\n%'), Uint8Array.from([0xe2, 0xe3, 0xcf, 0xd3]), utf8('\n1 0 obj\n')),
    expect: { error: 'MALFORMED_INPUT' },
  },
  {
    name: 'ZIP container (a .docx)',
    filename: 'story.docx',
    format: 'txt',
    contentType: 'application/octet-stream',
    bytes: () => concat(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0]), utf8('[Content_Types].xml')),
    expect: { error: 'UNSUPPORTED_MEDIA' },
  },
  {
    name: 'RTF document',
    filename: 'letter.rtf',
    format: 'txt',
    contentType: 'application/octet-stream',
    bytes: () => utf8(`{\\rtf1\\ansi{\\fonttbl\\f0\\fswiss Helvetica;}\\f0\\pard ${STORY}\\par}`),
    expect: { error: 'UNSUPPORTED_MEDIA' },
  },
  {
    name: 'SVG image with a generic content type',
    filename: 'logo.svg',
    format: 'txt',
    contentType: 'application/octet-stream',
    bytes: () =>
      utf8(
        '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><text x="4" y="24">The ferry returns tonight.</text></svg>\n',
      ),
    expect: { error: 'UNSUPPORTED_FORMAT' },
    // Posted as text/plain the caller has said it is text, and it is read as such.
    surfaces: { api: { ok: true } },
  },
  {
    name: 'NUL bytes inside otherwise readable text',
    filename: 'nul.txt',
    format: 'txt',
    contentType: 'text/plain',
    bytes: () => utf8(STORY.replace('three years', 'three\u0000years')),
    expect: { error: 'UNSUPPORTED_MEDIA' },
  },

  // Encodings.
  {
    name: 'invalid UTF-8 (stray Latin-1 bytes in ASCII text)',
    filename: 'latin1.txt',
    format: 'txt',
    contentType: 'text/plain',
    bytes: () =>
      concat(
        utf8('Museum reopens\n\nThe museum in Mal'),
        Uint8Array.from([0xe9]),
        utf8(' reopened on Monday after a long repair. Visitors queued in the rain.\n'),
      ),
    expect: { ok: true, encoding: 'windows-1252', summaryIncludes: ['Malé'], minSentences: 2 },
  },
  {
    name: 'UTF-8 with one corrupt byte among accented words',
    filename: 'corrupt.txt',
    format: 'txt',
    contentType: 'text/plain',
    bytes: () => {
      const [head = '', tail = ''] = CAFE_STORY.split('council');
      return concat(utf8(head), Uint8Array.from([0xff]), utf8(`council${tail}`));
    },
    expect: { ok: true, summaryIncludes: ['café', 'Zürich'], summaryExcludes: ['Ã'] },
  },
  {
    name: 'UTF-16LE with a byte-order mark',
    filename: 'utf16le.txt',
    format: 'txt',
    contentType: 'text/plain',
    bytes: () => utf16(CAFE_STORY, 'le'),
    expect: { ok: true, encoding: 'utf-16le', summaryIncludes: ['café'] },
  },
  {
    name: 'UTF-16BE with a byte-order mark',
    filename: 'utf16be.txt',
    format: 'txt',
    contentType: 'text/plain',
    bytes: () => utf16(CAFE_STORY, 'be'),
    expect: { ok: true, encoding: 'utf-16be', summaryIncludes: ['café'] },
  },
  {
    name: 'UTF-16LE without a byte-order mark',
    filename: 'utf16le-nobom.txt',
    format: 'txt',
    contentType: 'text/plain',
    bytes: () => utf16(CAFE_STORY, 'le', false),
    expect: { ok: true, encoding: 'utf-16le', summaryIncludes: ['café'] },
  },
  {
    name: 'Windows-1252 with curly quotes, dashes and the euro sign',
    filename: 'cp1252.txt',
    format: 'txt',
    contentType: 'text/plain',
    bytes: () => windows1252(CAFE_STORY),
    expect: {
      ok: true,
      encoding: 'windows-1252',
      title: 'Café owners fear the new harbour levy',
      summaryIncludes: ['“We will lose the winter trade,”'],
    },
  },

  // Size.
  {
    name: 'over the size limit',
    filename: 'huge.txt',
    format: 'txt',
    contentType: 'text/plain',
    bytes: () => {
      const unit = `${STORY}\n`;
      return utf8(unit.repeat(Math.ceil((BATTERY_MAX_BYTES + 1) / unit.length)));
    },
    expect: { error: 'INPUT_TOO_LARGE' },
    large: true,
  },
  {
    name: 'a 1 MB "word" with no spaces',
    filename: 'one-word.txt',
    format: 'txt',
    contentType: 'text/plain',
    bytes: () => longWord(1024 * 1024),
    expect: { ok: true, minSentences: 1 },
    large: true,
  },
  {
    name: '2 MB of words with no punctuation or line breaks',
    filename: 'no-punctuation.txt',
    format: 'txt',
    contentType: 'text/plain',
    bytes: () => unpunctuated(2 * 1024 * 1024),
    expect: { ok: true, minSentences: 1 },
    large: true,
  },
  {
    name: '200,000 one-word sentences',
    filename: 'one-word-sentences.txt',
    format: 'txt',
    contentType: 'text/plain',
    bytes: () => repeatText('Yes. ', 200_000),
    expect: { ok: true, minSentences: 1 },
    large: true,
  },

  // HTML.
  {
    name: 'HTML nested 50,000 levels deep',
    filename: 'deep.html',
    format: 'html',
    contentType: 'text/html',
    bytes: () =>
      utf8(
        `<html><body>${'<div>'.repeat(50_000)}<p>${DEEP_HTML_SENTENCE}</p>${'</div>'.repeat(50_000)}</body></html>`,
      ),
    expect: { ok: true, format: 'html', summaryIncludes: [DEEP_HTML_SENTENCE] },
    large: true,
  },
  {
    name: 'HTML that is only scripts and styles',
    filename: 'scripts.html',
    format: 'html',
    contentType: 'text/html',
    bytes: () =>
      utf8(
        '<!doctype html><html><head><style>p { color: red }</style><script>var story = "The ferry sailed.";</script></head><body><script src="app.js"></script><noscript>Turn on JavaScript.</noscript><script>document.write("Hello.")</script></body></html>',
      ),
    expect: { error: 'EMPTY_DOCUMENT' },
  },
  {
    name: 'unclosed HTML cut off mid-element',
    filename: 'unclosed.html',
    format: 'html',
    contentType: 'text/html',
    bytes: () =>
      utf8(
        '<html><body><article><h1>Pier reopens after storm repairs</h1><p>The pier reopened on Monday after a winter of repairs. <p>Visitors queued at the gates before dawn, and the café at the end sold out of tea by nine. <div><span class="x">The council paid for the work from its flood',
      ),
    expect: {
      ok: true,
      format: 'html',
      title: 'Pier reopens after storm repairs',
      summaryIncludes: ['The pier reopened on Monday'],
    },
  },

  // Markdown.
  {
    // marked alone takes minutes on this (its emphasis matching is quadratic); 256 KB is plenty to show it.
    name: 'Markdown paragraph of 256 KB of unmatched emphasis delimiters',
    filename: 'emphasis.md',
    format: 'md',
    contentType: 'text/markdown',
    bytes: () =>
      utf8(
        `# Stars and underscores\n\n${'*a_b'.repeat(64 * 1024)}\n\n${STORY.slice(STORY.indexOf('\n\n') + 2)}`,
      ),
    expect: { ok: true, format: 'md', title: 'Stars and underscores', minSentences: 4 },
    large: true,
  },

  // JSON.
  {
    name: 'invalid JSON',
    filename: 'broken.json',
    format: 'json',
    contentType: 'application/json',
    bytes: () => utf8('{"title": "Clock restored", "text": "The town clock runs again.",'),
    expect: { error: 'MALFORMED_INPUT' },
  },
  {
    name: 'JSON without a text field',
    filename: 'no-text.json',
    format: 'json',
    contentType: 'application/json',
    bytes: () => utf8('{"title": "Clock restored", "tags": ["town", "clock"]}'),
    expect: { error: 'MALFORMED_INPUT' },
  },
  {
    name: 'JSON nested 100,000 levels',
    filename: 'deep.json',
    format: 'json',
    contentType: 'application/json',
    bytes: () => utf8(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`),
    expect: { error: 'MALFORMED_INPUT' },
    large: true,
  },
  {
    name: 'JSON article with an array nested 100,000 levels in an extra field',
    filename: 'deep-extra.json',
    format: 'json',
    contentType: 'application/json',
    bytes: () =>
      utf8(
        `{"title": ${JSON.stringify(STORY_TITLE)}, "text": ${JSON.stringify(STORY.slice(STORY.indexOf('\n\n') + 2))}, "extra": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
      ),
    expect: { ok: true, format: 'json', title: STORY_TITLE, summaryIncludes: ['ferry'] },
    // The API's JSON body is strict: fields other than text/html/markdown/title/sentences are refused.
    surfaces: { api: { error: 'MALFORMED_INPUT' } },
    large: true,
  },

  // Complexity bombs (issue 18): inside the size limit, but each cost minutes or gigabytes before the
  // work budget (src/core/limits.ts). Scaled to fit BATTERY_MAX_BYTES; each is over its cap at this
  // scale (the 1 GB inflation bombs are built from one repeated compressed block, so they never exist
  // inflated in the test process), and scripts/bench/bombs.ts measures the full-size ones.
  {
    name: 'HTML with 400,000 attributes on one element',
    filename: 'attributes.html',
    format: 'html',
    contentType: 'text/html',
    bytes: () => htmlManyAttributes(400_000),
    expect: { error: 'INPUT_TOO_COMPLEX' },
    large: true,
  },
  {
    name: 'HTML with 100,000 comments and entity references',
    filename: 'comments.html',
    format: 'html',
    contentType: 'text/html',
    bytes: () => htmlCommentsAndEntities(100_000),
    expect: { error: 'INPUT_TOO_COMPLEX' },
    large: true,
  },
  {
    name: 'Markdown list nested 1,000 levels deep',
    filename: 'nested-list.md',
    format: 'md',
    contentType: 'text/markdown',
    bytes: () => markdownNestedList(1_000),
    expect: { error: 'INPUT_TOO_COMPLEX' },
    large: true,
  },
  {
    name: 'Markdown block quote nested 5,000 levels deep',
    filename: 'nested-quote.md',
    format: 'md',
    contentType: 'text/markdown',
    bytes: () => markdownNestedQuote(5_000),
    expect: { error: 'INPUT_TOO_COMPLEX' },
  },
  {
    // Read by its content whatever it is declared as: the API posts it as text/plain.
    name: 'PDF whose Flate stream inflates to 1 GB',
    filename: 'flate-bomb.pdf',
    format: 'txt',
    contentType: 'application/pdf',
    bytes: () => pdfFlateBomb(1024 * 1024 * 1024),
    expect: { error: 'INPUT_TOO_COMPLEX' },
    large: true,
  },
  {
    name: 'PDF with a 300,000-line text stream',
    filename: 'many-lines.pdf',
    format: 'txt',
    contentType: 'application/pdf',
    bytes: () => pdfManyLines(300_000),
    expect: { error: 'INPUT_TOO_COMPLEX' },
    large: true,
  },
  {
    name: 'PDF with 10,000 empty pages',
    filename: 'empty-pages.pdf',
    format: 'txt',
    contentType: 'application/pdf',
    bytes: () => pdfEmptyPages(10_000),
    expect: { error: 'INPUT_TOO_COMPLEX' },
    large: true,
  },
  {
    name: 'Word file whose document part inflates to 1 GB',
    filename: 'inflation-bomb.docx',
    format: 'txt',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    bytes: () => docxInflationBomb(1024 * 1024 * 1024),
    expect: { error: 'INPUT_TOO_COMPLEX' },
    large: true,
  },
  {
    name: 'plain text just under the size limit',
    filename: 'at-limit.txt',
    format: 'txt',
    contentType: 'text/plain',
    bytes: () => plainTextOfSize(BATTERY_MAX_BYTES - 64),
    expect: { ok: true, minSentences: 1000 },
    large: true,
  },

  // Scripts and symbols.
  // lede summarises the languages it has a stemmer and stop words for (issue 8 §4): Chinese and
  // Arabic are refused by name. Their sentence splitting is tested in split-sentences.test.ts.
  {
    name: 'CJK text (Chinese, full-width punctuation)',
    filename: 'chinese.txt',
    format: 'txt',
    contentType: 'text/plain',
    bytes: () =>
      utf8(
        '夜间渡轮恢复航行\n\n停航三年的夜间渡轮周五恢复航行。岛上居民多年来一直要求恢复这条航线！渡轮公司表示，新时刻表全年运行。港务长说，首航载有四十二名乘客。\n',
      ),
    expect: { error: 'UNSUPPORTED_LANGUAGE' },
  },
  {
    name: 'right-to-left text (Arabic, with a Hebrew line and bidi marks)',
    filename: 'rtl.txt',
    format: 'txt',
    contentType: 'text/plain',
    bytes: () =>
      utf8(
        'عودة العبارة الليلية\n\nعادت العبارة الليلية إلى الجزر يوم الجمعة بعد ثلاث سنوات من التوقف. قال مدير الميناء إن الرحلة الأولى حملت اثنين وأربعين راكبا.\n\n\u200fהמעבורת חזרה לשוט ביום שישי.\u200f הנוסעים חיכו בנמל מאז הבוקר.\n',
      ),
    expect: { error: 'UNSUPPORTED_LANGUAGE' },
  },
  {
    name: 'English with Arabic, Hebrew and Japanese names and bidi marks',
    filename: 'mixed-scripts.txt',
    format: 'txt',
    contentType: 'text/plain',
    bytes: () =>
      utf8(
        'Night ferry welcomes visitors from three continents\n\nThe first night ferry carried a tour group from Dubai led by \u200fخالد المنصوري\u200f, who said the crossing was calmer than he had feared.\n\nA family from Haifa, the \u202bכהן\u202c family, booked the last cabin, and two students from Osaka (大阪) filmed the harbour lights for their classmates.\n',
      ),
    expect: {
      ok: true,
      summaryIncludes: ['ferry'],
      summaryExcludes: ['\u200f', '\u202b', '\u202c'],
      minSentences: 2,
    },
  },
  {
    name: 'emoji only',
    filename: 'emoji.txt',
    format: 'txt',
    contentType: 'text/plain',
    bytes: () => utf8('🚢🌊🌙\n\n👍👍👍 🎉\n\n👨‍👩‍👧 ❤️\n'),
    expect: { error: 'EMPTY_DOCUMENT' },
  },
  {
    name: 'zero-width and combining characters inside words',
    filename: 'combining.txt',
    format: 'txt',
    contentType: 'text/plain',
    bytes: () =>
      utf8(
        'Cafe\u0301 owners welcome the night ferry\n\nThe cafe\u0301 on the quay stayed open un\u200btil mid\u00adnight for the first crossing. Its owner said the fer\u200dry brought more custom in one night than a week of day boats.\n',
      ),
    expect: {
      ok: true,
      title: 'Café owners welcome the night ferry',
      summaryIncludes: ['café', 'until midnight'],
      summaryExcludes: ['\u0301', '\u200b', '\u200d', '\u00ad'],
    },
  },
  {
    name: 'CRLF line ends',
    filename: 'crlf.txt',
    format: 'txt',
    contentType: 'text/plain',
    bytes: () => utf8(STORY.replaceAll('\n', '\r\n')),
    expect: { ok: true, title: STORY_TITLE, summaryExcludes: ['\r'], minSentences: 4, maxSentences: 4 },
  },
  {
    name: 'classic Mac CR line ends',
    filename: 'cr.txt',
    format: 'txt',
    contentType: 'text/plain',
    bytes: () => utf8(STORY.replaceAll('\n', '\r')),
    expect: { ok: true, title: STORY_TITLE, summaryExcludes: ['\r'], minSentences: 4, maxSentences: 4 },
  },
];

const cache = new Map<string, Uint8Array>();

/** The bytes of a case, generated once per test file (module instance) and shared by its tests. */
export function caseBytes(testCase: BadInputCase): Uint8Array {
  let bytes = cache.get(testCase.name);
  if (bytes === undefined) {
    bytes = testCase.bytes();
    cache.set(testCase.name, bytes);
  }
  return bytes;
}

/** What `surface` must do with the case: its own expectation where it differs, else the shared one. */
export function expectationFor(testCase: BadInputCase, surface: Surface): Expectation {
  return testCase.surfaces?.[surface] ?? testCase.expect;
}

export function isOk(expectation: Expectation): expectation is OkExpectation {
  return 'ok' in expectation;
}
