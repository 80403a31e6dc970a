import { describe, expect, it } from 'vitest';
import {
  isFurnitureLine,
  isFurnitureSentence,
  removeFurnitureLines,
  stripIconNames,
  stripLeadingLabels,
} from '../../../src/core/read/furniture.js';
import { readText } from '../../../src/core/read/read-document.js';

describe('isFurnitureLine', () => {
  it.each([
    'Listen 5 min Comment on this story Comment Gift Article Share',
    'GiftOutline Gift Article',
    'GiftOutline Gift Article2',
    'Share this article',
    'Share on Facebook',
    'Advertisement',
    'Story continues below advertisement',
    'Sign up for the Morning Brief newsletter',
    'Read more',
    'Read more: How tidal power works',
    'Related: Council approves budget',
    'Photo: Tor Eriksen/Kelvale Kommune',
    'Rescue teams search the valley on Sunday. (AP Photo/Jane Roe)',
    'Getty Images',
    'Image caption, Crowds gathered outside the hall',
    'Skip to main content',
    'We use cookies to personalise content and ads. Accept all cookies',
    'Erik Dahl in Bergen and Lina Park in Oslo contributed to this report.',
    'Reporting by Ana Costa; Editing by Lee Park',
    '© 2031 The Coastal Ledger. All rights reserved.',
    'Follow us on Instagram',
    '5 min read',
    '* * *',
  ])('recognises furniture: %s', (line) => {
    expect(isFurnitureLine(line)).toBe(true);
  });

  it.each([
    'Share prices fell sharply on Monday.',
    'The advertisement ran in three newspapers before it was withdrawn by the company.',
    'She said she would read more of his letters before deciding.',
    'Related parties must disclose their holdings, the regulator said.',
    'More to come',
    'The photo agency Getty Images said it had withdrawn the picture after questions about its editing.',
    'Comments made by the minister on Tuesday drew criticism from both sides of the chamber.',
  ])('keeps prose: %s', (line) => {
    expect(isFurnitureLine(line)).toBe(false);
  });
});

describe('isFurnitureSentence', () => {
  it.each([
    'Get the Post Elizabeth newsletter for updates.',
    'Sign up for our morning briefing.',
    'Subscribe to keep reading.',
    'Click here to see the full list.',
    'Read our full coverage of the election.',
    'We’re following changes at the palace after the passing of the queen.',
    'We are tracking the storm as it moves north.',
    'Download our app for breaking news alerts.',
  ])('recognises a promo or teaser: %s', (sentence) => {
    expect(isFurnitureSentence(sentence)).toBe(true);
  });

  it.each([
    'Get ready for a long winter, the forecaster said.',
    '“We are tracking the storm closely,” the mayor said.',
    'Follow-up talks are planned for next month.',
    'Subscribers to the service received a refund in March, according to the filing.',
    'We are confident the plan will work, the minister told reporters on Tuesday.',
  ])('keeps prose: %s', (sentence) => {
    expect(isFurnitureSentence(sentence)).toBe(false);
  });
});

describe('stripIconNames', () => {
  it('removes CamelCase icon names that start or end a sentence', () => {
    expect(stripIconNames('ArrowRight The leader landed in the capital.')).toBe(
      'The leader landed in the capital.',
    );
    expect(stripIconNames('ChevronDown ArrowRight Talks resumed.')).toBe('Talks resumed.');
    expect(stripIconNames('Talks resumed. ShareIcon')).toBe('Talks resumed.');
  });

  it('leaves real CamelCase words alone', () => {
    expect(stripIconNames('PlayStation sales rose.')).toBe('PlayStation sales rose.');
    expect(stripIconNames('LinkedIn said it would appeal.')).toBe('LinkedIn said it would appeal.');
    expect(stripIconNames('McDonald spoke first.')).toBe('McDonald spoke first.');
  });
});

describe('removeFurnitureLines', () => {
  it('replaces furniture lines with blank lines so paragraphs stay apart', () => {
    expect(removeFurnitureLines('Body one.\nAdvertisement\nBody two.')).toBe('Body one.\n\nBody two.');
  });
});

describe('stripLeadingLabels', () => {
  it.each([
    ['Scroll down for video The ferry left port at dawn.', 'The ferry left port at dawn.'],
    ['SCROLL DOWN FOR VIDEO The ferry left port at dawn.', 'The ferry left port at dawn.'],
    ['EXPERT VERDICT: The coating wears off within a week.', 'The coating wears off within a week.'],
    ["CLAIMS: 'It lasts all day,' the maker says.", "'It lasts all day,' the maker says."],
    [
      'Scroll down for video RESCUED: A fisherman was lifted from the sea.',
      'A fisherman was lifted from the sea.',
    ],
    [
      'Charged: A 40-year-old man appeared in court on Monday.',
      'A 40-year-old man appeared in court on Monday.',
    ],
    ['Click here to see the gallery: The floods reached the square.', 'The floods reached the square.'],
  ])('takes the prompt or label off %j', (input, expected) => {
    expect(stripLeadingLabels(input)).toBe(expected);
  });

  it.each([
    "He said: 'We will rebuild the pier.'",
    'The minister told reporters: the pier will reopen.',
    'UK: the pier will reopen.',
    'The ferry left port at dawn.',
    'Scroll down for video',
  ])('leaves %j as it is', (sentence) => {
    expect(stripLeadingLabels(sentence)).toBe(sentence);
  });
});

describe('caption run-ons in a read document', () => {
  it('keeps the text after a caption label and drops a read-more prompt', async () => {
    const doc = await readText(
      [
        'Pier reopens',
        '',
        'Scroll down for video REOPENED: The old pier welcomed visitors again on Saturday after a two-year repair.',
        'READ MORE: Ten piers worth a visit this summer',
        'The council paid for most of the work.',
      ].join('\n\n'),
    );
    expect(doc.sentences.map((s) => s.text)).toEqual([
      'The old pier welcomed visitors again on Saturday after a two-year repair.',
      'The council paid for most of the work.',
    ]);
  });
});
