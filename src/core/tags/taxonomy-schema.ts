import { z } from 'zod';
import { InvalidTaxonomyError } from '../../errors.js';
import { compileValidTaxonomy, type Taxonomy, type TaxonomyData, toUnits } from './taxonomy.js';

// Validation of a user's taxonomy file, kept apart from taxonomy.ts so that analysing with the bundled
// taxonomy never loads zod: this module is imported only when a user gives a taxonomy.

const MAX_PHRASE_WORDS = 6;
const MAX_WEIGHT = 10;

const termSchema = z.strictObject({
  term: z.string().trim().min(1, 'must be a non-empty string'),
  weight: z
    .number({ error: 'must be a number' })
    .min(0, 'must be 0 or more')
    .max(MAX_WEIGHT, `must be at most ${MAX_WEIGHT}`),
});

const topicSchema = z.strictObject({
  name: z.string({ error: 'must be a string' }).trim().min(1, 'must be a non-empty string'),
  description: z.string().optional(),
  code: z
    .string()
    .regex(/^medtop:\d{8}$/, 'must be an IPTC Media Topics code such as "medtop:15000000"')
    .optional(),
  parent: z.string().trim().min(1, 'must be a non-empty string').optional(),
  terms: z.array(termSchema),
  phrases: z.array(termSchema).optional(),
});

const taxonomySchema = z
  .strictObject({
    $schema: z.string().optional(),
    description: z.string().optional(),
    minScore: z.number({ error: 'must be a number' }).min(0).max(1).optional(),
    topics: z.array(topicSchema).min(1, 'must list at least one topic'),
  })
  .superRefine((data, ctx) => {
    const seen = new Map<string, number>();
    data.topics.forEach((topic, t) => {
      const key = topic.name.toLowerCase();
      const first = seen.get(key);
      if (first === undefined) seen.set(key, t);
      else
        ctx.addIssue({
          code: 'custom',
          path: ['topics', t, 'name'],
          message: `duplicate topic name "${topic.name}" (also at topics[${first}])`,
        });
      if (topic.terms.length === 0 && (topic.phrases ?? []).length === 0)
        ctx.addIssue({ code: 'custom', path: ['topics', t], message: 'has no terms and no phrases' });
      topic.terms.forEach((entry, i) => {
        if (toUnits(entry.term).length !== 1)
          ctx.addIssue({
            code: 'custom',
            path: ['topics', t, 'terms', i, 'term'],
            message: `"${entry.term}" is not a single word: list it under phrases`,
          });
      });
      (topic.phrases ?? []).forEach((entry, i) => {
        const words = toUnits(entry.term).length;
        if (words < 2 || words > MAX_PHRASE_WORDS)
          ctx.addIssue({
            code: 'custom',
            path: ['topics', t, 'phrases', i, 'term'],
            message: `"${entry.term}" must have 2 to ${MAX_PHRASE_WORDS} words (single words go under terms)`,
          });
      });
    });
  });

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path)
    out += typeof key === 'number' ? `[${key}]` : `${out === '' ? '' : '.'}${String(key)}`;
  return out === '' ? '(root)' : out;
}

/**
 * Validates a taxonomy read from JSON. Throws `InvalidTaxonomyError` naming each bad path.
 * @example parseTaxonomy(JSON.parse(file)) // { topics: [...] }
 * @example parseTaxonomy({ topics: [] }) // throws: Invalid taxonomy: topics: must list at least one topic
 */
export function parseTaxonomy(json: unknown): TaxonomyData {
  const result = taxonomySchema.safeParse(json);
  if (result.success) return result.data;
  const shown = result.error.issues.slice(0, 5).map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  const more = result.error.issues.length - shown.length;
  throw new InvalidTaxonomyError(
    `Invalid taxonomy: ${shown.join('; ')}${more > 0 ? ` (and ${more} more)` : ''}`,
    { cause: result.error },
  );
}

/**
 * Validates a taxonomy and compiles it for matching. Throws `InvalidTaxonomyError` naming each bad path.
 * @example tagTopics(text, compileTaxonomy(mergeTaxonomy(bundledTaxonomy, user, 'extend')))
 */
export function compileTaxonomy(data: unknown): Taxonomy {
  return compileValidTaxonomy(parseTaxonomy(data));
}
