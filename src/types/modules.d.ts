// Declarations for the single-file deep imports lede uses from packages that ship no types for them.
// natural ships no declarations for its single-file modules, and importing the package root loads
// every submodule (storage plugins, ~1 s of start-up). These shims type only the deep imports we use.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}
declare module 'natural/lib/natural/util/stopwords.js' {
  export const words: string[];
  const moduleExports: { words: string[] };
  export default moduleExports;
}
declare module 'natural/lib/natural/util/abbreviations_en.js' {
  export const knownAbbreviations: string[];
}
declare module 'natural/lib/natural/tokenizers/regexp_tokenizer.js' {
  interface TokenizerOptions {
    pattern?: RegExp;
    discardEmpty?: boolean;
    gaps?: boolean;
  }
  export class RegexpTokenizer {
    constructor(options?: TokenizerOptions);
    tokenize(text: string): string[];
  }
  export class WordTokenizer extends RegexpTokenizer {}
  export class WordPunctTokenizer extends RegexpTokenizer {}
  export class OrthographyTokenizer extends RegexpTokenizer {}
}
declare module 'natural/lib/natural/tokenizers/sentence_tokenizer.js' {
  export default class SentenceTokenizer {
    constructor(abbreviations?: string[], trimSentences?: boolean);
    tokenize(text: string): string[];
  }
}

// Per-language stemmers and stop lists, loaded lazily by src/core/language/tools.ts. Each stemmer
// module exports an object whose `stem` expects a lower-case token (some use `this`: call it as a method).
// Stop lists also have `default` (module.exports): an esbuild code-split chunk of a CommonJS file
// exports only that, so a dynamic import must read `.default.words`.
declare module 'natural/lib/natural/stemmers/porter_stemmer_de.js' {
  const stemmer: { stem(token: string): string };
  export default stemmer;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer_es.js' {
  const stemmer: { stem(token: string): string };
  export default stemmer;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer_fr.js' {
  const stemmer: { stem(token: string): string };
  export default stemmer;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer_it.js' {
  const stemmer: { stem(token: string): string };
  export default stemmer;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer_nl.js' {
  const stemmer: { stem(token: string): string };
  export default stemmer;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer_no.js' {
  const stemmer: { stem(token: string): string };
  export default stemmer;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer_pt.js' {
  const stemmer: { stem(token: string): string };
  export default stemmer;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer_ru.js' {
  const stemmer: { stem(token: string): string };
  export default stemmer;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer_sv.js' {
  const stemmer: { stem(token: string): string };
  export default stemmer;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer_uk.js' {
  const stemmer: { stem(token: string): string };
  export default stemmer;
}
declare module 'natural/lib/natural/util/stopwords_es.js' {
  export const words: string[];
  const moduleExports: { words: string[] };
  export default moduleExports;
}
declare module 'natural/lib/natural/util/stopwords_fr.js' {
  export const words: string[];
  const moduleExports: { words: string[] };
  export default moduleExports;
}
declare module 'natural/lib/natural/util/stopwords_it.js' {
  export const words: string[];
  const moduleExports: { words: string[] };
  export default moduleExports;
}
declare module 'natural/lib/natural/util/stopwords_nl.js' {
  export const words: string[];
  const moduleExports: { words: string[] };
  export default moduleExports;
}
declare module 'natural/lib/natural/util/stopwords_no.js' {
  export const words: string[];
  const moduleExports: { words: string[] };
  export default moduleExports;
}
declare module 'natural/lib/natural/util/stopwords_pt.js' {
  export const words: string[];
  const moduleExports: { words: string[] };
  export default moduleExports;
}
declare module 'natural/lib/natural/util/stopwords_ru.js' {
  export const words: string[];
  const moduleExports: { words: string[] };
  export default moduleExports;
}
declare module 'natural/lib/natural/util/stopwords_sv.js' {
  export const words: string[];
  const moduleExports: { words: string[] };
  export default moduleExports;
}
declare module 'natural/lib/natural/util/stopwords_uk.js' {
  export const words: string[];
  const moduleExports: { words: string[] };
  export default moduleExports;
}
