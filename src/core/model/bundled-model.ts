import { MODEL_DATA } from './compiled/model-data.js';
import { type Model, modelFrom } from './model.js';

let loaded: Model | undefined;

/**
 * The model compiled from the bundled data files at build time (`npm run build:model`), loaded on
 * first use and then shared: the default of every `analyze*` call that is not given a `model`. Load
 * your own with `modelFrom(MODEL_DATA)` to hold it yourself.
 * @example analyzeDocument(doc, { model: bundledModel() })
 */
export function bundledModel(): Model {
  loaded ??= modelFrom(MODEL_DATA);
  return loaded;
}
