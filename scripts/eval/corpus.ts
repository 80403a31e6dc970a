import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Topic names a reference may use: the bundled taxonomy's 28 topics. */
export const TOPIC_NAMES = [
  'geopolitics',
  'politics',
  'conflict',
  'business',
  'economy',
  'technology',
  'science',
  'health',
  'environment',
  'energy',
  'sport',
  'entertainment',
  'crime',
  'religion',
  'education',
  'human rights',
  'disaster',
  'transport',
  'agriculture',
  'media',
  'labour',
  'lifestyle',
  'weather',
  'finance and markets',
  'trade',
  'commodities',
  'shipping',
  'video games',
] as const;

/** UN M49 continents, sub-regions and intermediate regions a reference may use. */
export const REGION_NAMES = [
  'Africa',
  'Americas',
  'Asia',
  'Europe',
  'Oceania',
  'Northern Africa',
  'Sub-Saharan Africa',
  'Eastern Africa',
  'Middle Africa',
  'Southern Africa',
  'Western Africa',
  'Latin America and the Caribbean',
  'Caribbean',
  'Central America',
  'South America',
  'Northern America',
  'Central Asia',
  'Eastern Asia',
  'South-eastern Asia',
  'Southern Asia',
  'Western Asia',
  'Eastern Europe',
  'Northern Europe',
  'Southern Europe',
  'Western Europe',
  'Australia and New Zealand',
  'Melanesia',
  'Micronesia',
  'Polynesia',
] as const;

const topic = z.enum(TOPIC_NAMES);

const referenceSchema = z.strictObject({
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug must be kebab-case'),
  summary: z.string().min(1),
  summaryExtractive: z.array(z.string().min(1)).min(1),
  topics: z.array(topic).min(1),
  countries: z.array(z.string().min(1)),
  regions: z.array(z.enum(REGION_NAMES)),
  mustNotTopics: z.array(topic),
});

const referencesSchema = z.strictObject({ articles: z.array(referenceSchema).min(1) });

/** What an editor expects for one article: reference summaries and tags. */
export type Reference = z.infer<typeof referenceSchema>;
export type TopicName = z.infer<typeof topic>;

/** One article of the evaluation corpus with its references. */
export interface CorpusArticle {
  readonly slug: string;
  /** File name as lede would see it, e.g. `shipping-merger.txt`. */
  readonly filename: string;
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly text: string;
  readonly reference: Reference;
}

/** The bundled corpus: `tests/fixtures/articles/`. */
export const DEFAULT_CORPUS_DIR = fileURLToPath(new URL('../../tests/fixtures/articles/', import.meta.url));

/**
 * Parses and validates the content of `references.json`; throws a `ZodError` naming the bad field.
 * @example parseReferences(JSON.parse(readFileSync('references.json', 'utf8'))).length
 */
export function parseReferences(json: unknown): Reference[] {
  const { articles } = referencesSchema.parse(json);
  const seen = new Set<string>();
  for (const { slug } of articles) {
    if (seen.has(slug)) throw new Error(`references.json: duplicate slug "${slug}"`);
    seen.add(slug);
  }
  return articles;
}

/**
 * Reads `references.json` and each `<slug>.txt` it names from a corpus directory.
 * @example loadCorpus().map((a) => a.slug)
 */
export function loadCorpus(dir: string = DEFAULT_CORPUS_DIR): CorpusArticle[] {
  const references = parseReferences(JSON.parse(readFileSync(join(dir, 'references.json'), 'utf8')));
  return references.map((reference) => {
    const filename = `${reference.slug}.txt`;
    const path = join(dir, filename);
    const bytes = new Uint8Array(readFileSync(path));
    return {
      slug: reference.slug,
      filename,
      path,
      bytes,
      text: new TextDecoder().decode(bytes),
      reference,
    };
  });
}

/** Article files in a corpus directory, whether or not references.json names them. */
export function listArticleFiles(dir: string = DEFAULT_CORPUS_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort();
}
