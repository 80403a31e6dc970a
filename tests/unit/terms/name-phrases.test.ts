import { describe, expect, it } from 'vitest';
import { findNamePhrases } from '../../../src/core/terms/name-phrases.js';

describe('findNamePhrases', () => {
  it('finds a run of capitalised words as one name', () => {
    expect(findNamePhrases('Delegates flew to Central Asia for talks.')).toEqual(['Central Asia']);
  });

  it('keeps lower-case connectors inside a name', () => {
    expect(findNamePhrases('Funds from the Belt and Road Initiative went to ports.')).toEqual([
      'Belt and Road Initiative',
    ]);
    expect(findNamePhrases('She spoke at the Bank of England on rates.')).toEqual(['Bank of England']);
  });

  it('splits two names joined by "and"', () => {
    expect(findNamePhrases('Talks between Helena Moreau and Dario Vance stalled.')).toEqual([
      'Helena Moreau',
      'Dario Vance',
    ]);
    expect(findNamePhrases('Envoys from Chile and Peru met.')).toEqual([]);
  });

  it('drops leading titles and sentence openers', () => {
    expect(findNamePhrases('President Amara Okafor arrived late.')).toEqual(['Amara Okafor']);
    expect(findNamePhrases('The Chinese delegation left.')).toEqual([]);
  });

  it('ends a name at punctuation and at a possessive', () => {
    expect(findNamePhrases('Ministers from Kenya, Ghana and Uganda met.')).toEqual([]);
    expect(findNamePhrases('New Zealand’s prime minister spoke.')).toEqual(['New Zealand']);
  });

  it('finds nothing in lower-case text', () => {
    expect(findNamePhrases('nothing here is a name at all')).toEqual([]);
  });
});
