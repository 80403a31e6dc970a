import { compileLanguageModel, type LanguageModel } from '../language/detect.js';
import { type EntityLexicon, type EntityLexiconData, entityLexiconFrom } from '../tags/entities/lexicon.js';
import { type Gazetteer, type GazetteerData, gazetteerFrom } from '../tags/gazetteer.js';
import { type Taxonomy, type TaxonomyIndexData, taxonomyFrom } from '../tags/taxonomy.js';
import { ENGLISH, type Lexicon } from '../text/words.js';

/**
 * Everything the analysis knows about language and the world, built once and passed to every stage:
 * the lexicon (stemmer and stop words), the topic taxonomy, the place gazetteer and the entity
 * lexicon. Nothing in the core keeps its own copy, so a caller decides what is loaded and when, and a
 * custom taxonomy is a different model ({@link withTaxonomy}), not a global.
 */
export interface Model {
  /** The language the text is stemmed and filtered in (English unless detection says otherwise). */
  readonly lexicon: Lexicon;
  readonly taxonomy: Taxonomy;
  readonly gazetteer: Gazetteer;
  readonly entities: EntityLexicon;
  /** Stems of the words never reported as keywords. */
  readonly keywordStopStems: ReadonlySet<string>;
  /** Function words and letters of the languages detection tells apart (cheap to build: not compiled). */
  readonly languages: LanguageModel;
}

/**
 * The model's lookup structures as plain JSON data: what `npm run build:model` writes to
 * `compiled/model-data.ts`, so that a cold start loads them instead of stemming and tokenising
 * thousands of terms and names (about 90 ms of a cold start, measured 2026-12-04).
 */
export interface ModelData {
  readonly taxonomy: TaxonomyIndexData;
  readonly gazetteer: GazetteerData;
  readonly entities: EntityLexiconData;
  readonly keywordStopStems: readonly string[];
}

/**
 * Loads compiled model data: maps and tries built from token lists, no stemming or tokenising.
 * @example const model = modelFrom(bundledModelData());
 */
export function modelFrom(data: ModelData, lexicon: Lexicon = ENGLISH): Model {
  return Object.freeze({
    lexicon,
    taxonomy: taxonomyFrom(data.taxonomy),
    gazetteer: gazetteerFrom(data.gazetteer),
    entities: entityLexiconFrom(data.entities),
    keywordStopStems: new Set(data.keywordStopStems),
    languages: compileLanguageModel(),
  });
}

/** The same model with another taxonomy (a user's, compiled at run time once per ETag). */
export function withTaxonomy(model: Model, taxonomy: Taxonomy): Model {
  return taxonomy === model.taxonomy ? model : Object.freeze({ ...model, taxonomy });
}

/** The same model reading another language (detected per document). */
export function withLexicon(model: Model, lexicon: Lexicon): Model {
  return lexicon === model.lexicon ? model : Object.freeze({ ...model, lexicon });
}
