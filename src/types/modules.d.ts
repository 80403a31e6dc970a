// Declarations for the single-file deep imports lede uses from packages that ship no types for them.
// natural ships no declarations for its single-file modules, and importing the package root loads
// every submodule (storage plugins, ~1 s of start-up). These shims type only the deep imports we use.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}
declare module 'natural/lib/natural/util/stopwords.js' {
  export const words: string[];
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

// iconv-lite's generated single-byte tables: 128 characters for bytes 0x80-0xFF per code page.
declare module 'iconv-lite/encodings/sbcs-data-generated.js' {
  const tables: { readonly windows1252: { readonly type: '_sbcs'; readonly chars: string } };
  export default tables;
}
