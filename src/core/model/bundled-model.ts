import { MODEL_JSON } from './compiled/model-data.js';
import { type Model, type ModelData, modelFrom } from './model.js';

let data: ModelData | undefined;
let loaded: Model | undefined;

/**
 * The data compiled at build time, parsed on first use (a cold start that never analyses, such as a
 * `GET /summaries/...`, does not pay for it) and then shared.
 */
export function bundledModelData(): ModelData {
  data ??= JSON.parse(MODEL_JSON) as ModelData;
  return data;
}

/**
 * The model compiled from the bundled data files at build time (`npm run build:model`), loaded on
 * first use and then shared: the default of every `analyze*` call that is not given a `model`. Load
 * your own with `modelFrom(bundledModelData())` to hold it yourself.
 * @example analyzeDocument(doc, { model: bundledModel() })
 */
export function bundledModel(): Model {
  loaded ??= modelFrom(bundledModelData());
  return loaded;
}
