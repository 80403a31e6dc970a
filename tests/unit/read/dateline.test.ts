import { describe, expect, it } from 'vitest';
import { splitDateline, stripLeadFurniture } from '../../../src/core/read/dateline.js';
import { readText } from '../../../src/core/read/read-document.js';

describe('splitDateline', () => {
  it('reads place, date and agency off a wire dateline and returns the sentence without it', () => {
    expect(splitDateline('OSLO, April 16 (Reuters) - Norway raised its interest rate.')).toEqual({
      dateline: {
        text: 'OSLO, April 16 (Reuters)',
        place: 'OSLO',
        qualifier: null,
        date: 'April 16',
        agency: 'Reuters',
      },
      text: 'Norway raised its interest rate.',
    });
  });

  it('reads a multi-word place with a date and no agency', () => {
    expect(splitDateline('NEW YORK, March 3 - Stocks closed lower.')?.dateline).toMatchObject({
      place: 'NEW YORK',
      date: 'March 3',
      agency: null,
    });
  });

  it('reads a place and agency ended by an em dash', () => {
    const split = splitDateline('WASHINGTON (AP) — The Senate passed the bill.');
    expect(split?.dateline).toMatchObject({ place: 'WASHINGTON', agency: 'AP', date: null });
    expect(split?.text).toBe('The Senate passed the bill.');
  });

  it('reads a mixed-case place with its country as the qualifier', () => {
    expect(splitDateline('Tbilisi, Georgia — Protesters filled the avenue.')).toEqual({
      dateline: {
        text: 'Tbilisi, Georgia',
        place: 'Tbilisi',
        qualifier: 'Georgia',
        date: null,
        agency: null,
      },
      text: 'Protesters filled the avenue.',
    });
  });

  it('reads a state abbreviation, a full date and a double-hyphen dash', () => {
    expect(
      splitDateline('SAN JOSE, Calif., Sept. 3, 2031 (AP) -- The chipmaker cut jobs.')?.dateline,
    ).toEqual({
      text: 'SAN JOSE, Calif., Sept. 3, 2031 (AP)',
      place: 'SAN JOSE',
      qualifier: 'Calif.',
      date: 'Sept. 3, 2031',
      agency: 'AP',
    });
  });

  it('reads a place name with a lower-case joiner', () => {
    expect(splitDateline('Rio de Janeiro, Brazil - Carnival began.')?.dateline?.place).toBe('Rio de Janeiro');
  });

  it('reads a dateline whose agency bracket runs straight into the text', () => {
    const split = splitDateline('Lima, Peru (Wire)Rescuers reached the village.');
    expect(split?.dateline).toMatchObject({ place: 'Lima', qualifier: 'Peru', agency: 'Wire' });
    expect(split?.text).toBe('Rescuers reached the village.');
  });

  it('removes a bare agency credit with no place, leaving no dateline', () => {
    expect(splitDateline('(Wire)A new law took effect.')).toEqual({
      dateline: null,
      text: 'A new law took effect.',
    });
  });

  it('does not take a place used as an adjective for a dateline', () => {
    expect(splitDateline('WASHINGTON state officials said the fires were contained.')).toBeUndefined();
  });

  it('does not take a sentence that opens with a city and a comma for a dateline', () => {
    expect(splitDateline('Paris, the host city, spent more than planned.')).toBeUndefined();
    expect(splitDateline('Glasgow, Edinburgh and Dundee all voted yes.')).toBeUndefined();
  });

  it('does not take a mixed-case name before a dash for a dateline', () => {
    expect(splitDateline('Hansen - who won twice - said little.')).toBeUndefined();
  });

  it('does not take a date alone for a place', () => {
    expect(splitDateline('May 3 - the day the river rose.')).toBeUndefined();
  });

  it('reads a month printed in capitals in the date', () => {
    expect(splitDateline('ANKARA, MARCH 24 - The central bank held its main rate.')).toEqual({
      dateline: {
        text: 'ANKARA, MARCH 24',
        place: 'ANKARA',
        qualifier: null,
        date: 'MARCH 24',
        agency: null,
      },
      text: 'The central bank held its main rate.',
    });
    expect(splitDateline('LIMA, 16 SEPT. 2031 (Wire) - Miners went back to work.')?.dateline).toMatchObject({
      place: 'LIMA',
      date: '16 SEPT. 2031',
      agency: 'Wire',
    });
  });

  it('does not take an all-capitals date alone for a place', () => {
    expect(splitDateline('MAY 3 - the day the river rose.')).toBeUndefined();
  });
});

describe('stripLeadFurniture', () => {
  it('removes a byline-and-timestamp block run into the lead', () => {
    expect(
      stripLeadFurniture(
        'By . Ana Costa . PUBLISHED: . 09:12 EST, 4 May 2031 . | . UPDATED: . 10:40 EST, 4 May 2031 . The ferry sank.',
      ),
    ).toBe('The ferry sank.');
  });

  it('leaves a lead that opens with the word By alone', () => {
    const lead = 'By noon the ferry had sunk, and by 2031 the line was closed.';
    expect(stripLeadFurniture(lead)).toBe(lead);
  });
});

describe('readText with a dateline', () => {
  it('fills the document dateline and keeps it out of the first sentence', async () => {
    const doc = await readText(
      'Rates rise\n\nOSLO, April 16 (Wire) - The central bank raised rates. Markets fell.',
    );
    expect(doc.dateline).toMatchObject({ place: 'OSLO', date: 'April 16', agency: 'Wire' });
    expect(doc.sentences[0]?.text).toBe('The central bank raised rates.');
    expect(doc.paragraphs[0]).toBe('The central bank raised rates. Markets fell.');
  });

  it('reads only the lead: a dash-led sentence later on stays as written', async () => {
    const doc = await readText('Rates rise\n\nThe bank raised rates.\n\nLONDON - Traders were surprised.');
    expect(doc.dateline).toBeNull();
    expect(doc.sentences[1]?.text).toBe('LONDON - Traders were surprised.');
  });

  it('gives a null dateline to a story without one', async () => {
    expect((await readText('Rates rise\n\nThe bank raised rates.')).dateline).toBeNull();
  });
});
