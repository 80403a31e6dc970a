/**
 * Elided articles, pronouns and prepositions that French and Italian write joined to the next word
 * with an apostrophe ("l'état", "qu'il", "dell'edificio"). lede's tokenizer keeps such a token whole,
 * and natural's stemmers leave the prefix on, so "l'état" and "état" would count as different terms.
 * Each pattern matches the prefix, apostrophe included, only when a letter follows.
 */
export const ELISIONS: Readonly<Record<string, RegExp>> = {
  fr: /^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)['’](?=\p{L})/u,
  it: /^(?:[cdlmnstv]|un|dell|nell|all|dall|sull|coll|quest|quell|bell|sant|tutt)['’](?=\p{L})/u,
};
