import { readFile } from 'node:fs/promises';
import type { Taxonomy } from '../core/tags/taxonomy.js';
import type { TaxonomyMode } from '../core/tags/user-taxonomy.js';
import { InvalidTaxonomyError } from '../errors.js';

/**
 * Loads a user's taxonomy file (same shape as the bundled one) and combines it with the bundled
 * taxonomy: `extend` adds to it, `replace` uses the file alone.
 */
export async function loadTaxonomyFile(path: string, mode: TaxonomyMode): Promise<Taxonomy> {
  let json: string;
  try {
    json = await readFile(path, 'utf8');
  } catch (error) {
    throw new InvalidTaxonomyError('the taxonomy file cannot be read', { cause: error });
  }
  // Imported here rather than at the top: validating the file loads zod, which a run without
  // --taxonomy never needs.
  const { userTaxonomy } = await import('../core/tags/user-taxonomy.js');
  return userTaxonomy(json, mode);
}
