import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ARTICLES_DIR = fileURLToPath(new URL('../../tests/fixtures/articles/', import.meta.url));

/** A fixture article split into its headline and paragraphs of sentences. */
export interface SourceArticle {
  readonly name: string;
  readonly title: string;
  readonly paragraphs: readonly (readonly string[])[];
}

/** One generated input: the text the systems see, and its size in UTF-8 bytes. */
export interface BenchArticle {
  readonly name: string;
  readonly title: string;
  readonly body: string;
  /** Headline, blank line, body: the file a user would drop in the bucket. */
  readonly text: string;
  readonly bytes: Uint8Array;
}

/**
 * mulberry32: a tiny seeded PRNG, so every run (and every machine) benchmarks the same inputs.
 * @example const random = seededRandom(42); random() // 0.6011...
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = out[i];
    const b = out[j];
    if (a === undefined || b === undefined) continue;
    out[i] = b;
    out[j] = a;
  }
  return out;
}

// A rough splitter is enough here: it only decides which pieces get shuffled, and a piece that holds
// two sentences (after "Mr.") still reads as prose. lede's own splitter does the real work later.
const SENTENCE_END = /(?<=[.!?]["”’)]?)\s+(?=["“‘(]?[A-Z0-9])/u;

/** Reads the 16 fixture articles, in file-name order. */
export function loadSourceArticles(dir: string = ARTICLES_DIR): SourceArticle[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => {
      const [title = '', ...blocks] = readFileSync(join(dir, file), 'utf8')
        .trim()
        .split(/\n\s*\n/u);
      const paragraphs = blocks.map((block) => block.trim().split(SENTENCE_END)).filter((p) => p.length > 0);
      return { name: file.replace(/\.txt$/u, ''), title: title.trim(), paragraphs };
    });
}

function toBenchArticle(
  name: string,
  title: string,
  paragraphs: readonly (readonly string[])[],
): BenchArticle {
  const body = paragraphs.map((sentences) => sentences.join(' ')).join('\n\n');
  const text = `${title}\n\n${body}\n`;
  return { name, title, body, text, bytes: new TextEncoder().encode(text) };
}

/**
 * A variant of a fixture article: the lead paragraph stays first (news puts the point first), the other
 * paragraphs and the sentences inside each are shuffled, so no two variants are the same text.
 */
function perturb(source: SourceArticle, variant: number, random: () => number): BenchArticle {
  const [lead, ...rest] = source.paragraphs;
  const paragraphs = [...(lead === undefined ? [] : [lead]), ...shuffled(rest, random)].map((p, i) =>
    i === 0 ? p : shuffled(p, random),
  );
  return toBenchArticle(`${source.name}#${variant}`, source.title, paragraphs);
}

/**
 * News-length articles, at least `minBytes` in all, made by cycling through the fixtures and perturbing
 * each pass deterministically.
 * @example buildCorpus(loadSourceArticles(), 1_000_000, 1).length // ~370 articles of ~2.7 KB
 */
export function buildCorpus(
  sources: readonly SourceArticle[],
  minBytes: number,
  seed: number,
): BenchArticle[] {
  const random = seededRandom(seed);
  const corpus: BenchArticle[] = [];
  let total = 0;
  for (let variant = 0; total < minBytes; variant++) {
    for (const source of sources) {
      const article = perturb(source, variant, random);
      corpus.push(article);
      total += article.bytes.length;
      if (total >= minBytes) break;
    }
  }
  return corpus;
}

/**
 * One long article of at least `minBytes`: a single headline, then paragraphs drawn from all fixtures
 * in seeded order, with their sentences shuffled, until the size is reached.
 * @example buildLongDocument(loadSourceArticles(), 1_000_000, 7).bytes.length >= 1_000_000 // true
 */
export function buildLongDocument(
  sources: readonly SourceArticle[],
  minBytes: number,
  seed: number,
): BenchArticle {
  const random = seededRandom(seed);
  const pool = sources.flatMap((source) => source.paragraphs);
  const paragraphs: (readonly string[])[] = [];
  let total = 0;
  while (total < minBytes) {
    for (const paragraph of shuffled(pool, random)) {
      const sentences = shuffled(paragraph, random);
      paragraphs.push(sentences);
      total += Buffer.byteLength(sentences.join(' ')) + 2;
      if (total >= minBytes) break;
    }
  }
  return toBenchArticle(`long-${minBytes}`, 'A long report assembled from the fixture articles', paragraphs);
}

/** Total size in bytes. */
export function corpusBytes(corpus: readonly BenchArticle[]): number {
  return corpus.reduce((sum, article) => sum + article.bytes.length, 0);
}
