import { InvalidTaxonomyError } from '../../errors.js';
import { bundledTaxonomy } from './data/taxonomy.js';
import { mergeTaxonomy, type Taxonomy } from './taxonomy.js';
import { compileTaxonomy, parseTaxonomy } from './taxonomy-schema.js';

/** `extend` adds a user's topics and terms to the bundled taxonomy; `replace` uses the user's alone. */
export type TaxonomyMode = 'extend' | 'replace';
export const TAXONOMY_MODES: readonly TaxonomyMode[] = ['extend', 'replace'];

/**
 * A user's taxonomy file (JSON text, same shape as the bundled one), validated and combined with the
 * bundled taxonomy. Throws `InvalidTaxonomyError` naming what is wrong.
 * @example userTaxonomy('{"topics":[{"name":"shipping","terms":[{"term":"port","weight":2}]}]}', 'extend')
 */
export function userTaxonomy(json: string, mode: TaxonomyMode): Taxonomy {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new InvalidTaxonomyError('the taxonomy file is not valid JSON', { cause: error });
  }
  return compileTaxonomy(mergeTaxonomy(bundledTaxonomy, parseTaxonomy(parsed), mode));
}
