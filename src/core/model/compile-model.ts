import { KEYWORD_STOP_WORDS } from '../language/data/keyword-stop-words.js';
import { bundledTaxonomy } from '../tags/data/taxonomy.js';
import { compileEntityLexicon } from '../tags/entities/lexicon.js';
import { compileGazetteer } from '../tags/gazetteer.js';
import { compileTaxonomyData } from '../tags/taxonomy.js';
import { stem } from '../text/words.js';
import type { ModelData } from './model.js';

/**
 * Compiles the bundled data files into {@link ModelData}: the build's job (`npm run build:model`) and
 * the drift test's. Kept out of model.ts so that a cold start, which loads the compiled data, does not
 * also load the taxonomy's source.
 */
export function compileModelData(): ModelData {
  return {
    taxonomy: compileTaxonomyData(bundledTaxonomy),
    gazetteer: compileGazetteer(),
    entities: compileEntityLexicon(),
    keywordStopStems: [...new Set(KEYWORD_STOP_WORDS.map((word) => stem(word)))],
  };
}
