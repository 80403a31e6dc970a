import { readFile } from 'node:fs/promises';
import { bundledTaxonomy } from '../core/tags/data/taxonomy.js';
import { compileTaxonomy, mergeTaxonomy, parseTaxonomy, type Taxonomy } from '../core/tags/taxonomy.js';
import { InvalidTaxonomyError } from '../errors.js';

/**
 * Loads a user's taxonomy file (same shape as the bundled one) and combines it with the bundled
 * taxonomy: `extend` adds to it, `replace` uses the file alone.
 */
export async function loadTaxonomyFile(path: string, mode: 'extend' | 'replace'): Promise<Taxonomy> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const reason = error instanceof SyntaxError ? 'is not valid JSON' : 'cannot be read';
    throw new InvalidTaxonomyError(`the taxonomy file ${reason}`, { cause: error });
  }
  return compileTaxonomy(mergeTaxonomy(bundledTaxonomy, parseTaxonomy(json), mode));
}
