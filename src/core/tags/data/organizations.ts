/**
 * International organisations worth a tag. Names and acronyms are matched case-sensitively on whole
 * tokens, so "WHO" is the World Health Organization and "who" the pronoun; acronyms are also skipped
 * in all-capitals text, where every word looks like one.
 *
 * The Belt and Road Initiative is not here: it is a Chinese policy programme with no members or
 * secretariat, so it counts toward China in the place gazetteer instead.
 */
import type { AmbiguousName } from './places.js';

export interface OrganizationEntry {
  /** Stable key, referred to by `AMBIGUOUS_ORGANIZATION_NAMES`. */
  readonly id: string;
  /** The tag name: the usual English name. */
  readonly name: string;
  /** Full names and variants, spelled as they are capitalised in running text. */
  readonly names: readonly string[];
  /** Abbreviations; matched only as written, never in all-capitals text. */
  readonly acronyms: readonly string[];
  /**
   * Bodies of the organisation that people and organisation tags name on their own (the European
   * Commission is not the European Union), each a list of its names, the usual one first. The place
   * tagger counts them toward the organisation through `names`.
   */
  readonly bodies?: readonly (readonly string[])[];
}

export const ORGANIZATIONS: readonly OrganizationEntry[] = [
  {
    id: 'un',
    name: 'United Nations',
    names: [
      'United Nations',
      'United Nations Organization',
      'UN Security Council',
      'Security Council',
      'General Assembly',
      'UN General Assembly',
      'UN Secretary-General',
    ],
    acronyms: ['UN', 'U.N.', 'UNSC', 'UNGA'],
    bodies: [
      ['UN Security Council', 'Security Council', 'UNSC'],
      ['UN General Assembly', 'General Assembly', 'UNGA'],
    ],
  },
  {
    id: 'nato',
    name: 'NATO',
    names: [
      'North Atlantic Treaty Organization',
      'North Atlantic Treaty Organisation',
      'Nato',
      'North Atlantic Alliance',
    ],
    acronyms: ['NATO', 'OTAN'],
  },
  {
    id: 'eu',
    name: 'European Union',
    names: [
      'European Union',
      'European Commission',
      'European Parliament',
      'European Council',
      'Council of the European Union',
      'European Court of Justice',
    ],
    acronyms: ['EU', 'E.U.'],
    bodies: [
      ['European Commission'],
      ['European Parliament'],
      ['European Council'],
      ['Council of the European Union'],
      ['European Court of Justice'],
    ],
  },
  { id: 'ecb', name: 'European Central Bank', names: ['European Central Bank'], acronyms: ['ECB'] },
  {
    id: 'sco',
    name: 'Shanghai Cooperation Organisation',
    names: ['Shanghai Cooperation Organization', 'Shanghai Cooperation Organisation'],
    acronyms: ['SCO'],
  },
  {
    id: 'opec',
    name: 'OPEC',
    names: [
      'Organization of the Petroleum Exporting Countries',
      'Organisation of the Petroleum Exporting Countries',
      'Opec',
      'Opec+',
    ],
    acronyms: ['OPEC', 'OPEC+'],
  },
  {
    id: 'asean',
    name: 'ASEAN',
    names: ['Association of Southeast Asian Nations', 'Association of South-East Asian Nations', 'Asean'],
    acronyms: ['ASEAN'],
  },
  { id: 'brics', name: 'BRICS', names: ['Brics', 'BRICS+'], acronyms: ['BRICS'] },
  { id: 'g7', name: 'G7', names: ['Group of Seven', 'G-7', 'G8', 'G-8', 'Group of Eight'], acronyms: ['G7'] },
  { id: 'g20', name: 'G20', names: ['Group of 20', 'Group of Twenty', 'G-20'], acronyms: ['G20'] },
  {
    id: 'au',
    name: 'African Union',
    names: [
      'African Union',
      'AU Commission',
      'Organisation of African Unity',
      'Organization of African Unity',
    ],
    acronyms: ['OAU'],
  },
  { id: 'arab-league', name: 'Arab League', names: ['Arab League', 'League of Arab States'], acronyms: [] },
  {
    id: 'who',
    name: 'World Health Organization',
    names: ['World Health Organization', 'World Health Organisation'],
    acronyms: ['WHO'],
  },
  {
    id: 'imf',
    name: 'International Monetary Fund',
    names: ['International Monetary Fund'],
    acronyms: ['IMF'],
  },
  {
    id: 'world-bank',
    name: 'World Bank',
    names: ['World Bank', 'World Bank Group', 'International Bank for Reconstruction and Development'],
    acronyms: ['IBRD'],
  },
  {
    id: 'wto',
    name: 'World Trade Organization',
    names: ['World Trade Organization', 'World Trade Organisation'],
    acronyms: ['WTO'],
  },
  {
    id: 'oecd',
    name: 'OECD',
    names: [
      'Organisation for Economic Co-operation and Development',
      'Organization for Economic Cooperation and Development',
      'Organisation for Economic Cooperation and Development',
    ],
    acronyms: ['OECD'],
  },
  {
    id: 'iaea',
    name: 'International Atomic Energy Agency',
    names: ['International Atomic Energy Agency'],
    acronyms: ['IAEA'],
  },
  {
    id: 'unesco',
    name: 'UNESCO',
    names: ['United Nations Educational, Scientific and Cultural Organization', 'Unesco'],
    acronyms: ['UNESCO'],
  },
  { id: 'unicef', name: 'UNICEF', names: ["United Nations Children's Fund", 'Unicef'], acronyms: ['UNICEF'] },
  {
    id: 'unhcr',
    name: 'UNHCR',
    names: ['UN Refugee Agency', 'United Nations High Commissioner for Refugees', 'UN refugee agency'],
    acronyms: ['UNHCR'],
  },
  {
    id: 'wfp',
    name: 'World Food Programme',
    names: ['World Food Programme', 'World Food Program'],
    acronyms: ['WFP'],
  },
  { id: 'icc', name: 'International Criminal Court', names: ['International Criminal Court'], acronyms: [] },
  {
    id: 'icc-cricket',
    name: 'International Cricket Council',
    names: ['International Cricket Council'],
    acronyms: [],
  },
  {
    id: 'icj',
    name: 'International Court of Justice',
    names: ['International Court of Justice', 'World Court'],
    acronyms: ['ICJ'],
  },
  {
    id: 'interpol',
    name: 'Interpol',
    names: ['Interpol', 'International Criminal Police Organization'],
    acronyms: ['INTERPOL'],
  },
  {
    id: 'red-cross',
    name: 'Red Cross',
    names: [
      'Red Cross',
      'International Committee of the Red Cross',
      'Red Crescent',
      'International Federation of Red Cross and Red Crescent Societies',
    ],
    acronyms: ['ICRC', 'IFRC'],
  },
  {
    id: 'eaeu',
    name: 'Eurasian Economic Union',
    names: ['Eurasian Economic Union'],
    acronyms: ['EAEU', 'EEU'],
  },
  {
    id: 'csto',
    name: 'CSTO',
    names: ['Collective Security Treaty Organization', 'Collective Security Treaty Organisation'],
    acronyms: ['CSTO'],
  },
  {
    id: 'gcc',
    name: 'Gulf Cooperation Council',
    names: ['Gulf Cooperation Council', 'Cooperation Council for the Arab States of the Gulf'],
    acronyms: ['GCC'],
  },
  {
    id: 'mercosur',
    name: 'Mercosur',
    names: ['Mercosur', 'Mercosul', 'Southern Common Market'],
    acronyms: ['MERCOSUR'],
  },
  {
    id: 'commonwealth',
    name: 'Commonwealth of Nations',
    names: ['Commonwealth of Nations', 'Commonwealth Secretariat', 'Commonwealth Games'],
    acronyms: ['CHOGM'],
  },
  {
    id: 'council-of-europe',
    name: 'Council of Europe',
    names: ['Council of Europe', 'European Court of Human Rights'],
    acronyms: ['ECHR'],
  },
  {
    id: 'osce',
    name: 'OSCE',
    names: [
      'Organization for Security and Co-operation in Europe',
      'Organization for Security and Cooperation in Europe',
    ],
    acronyms: ['OSCE'],
  },
  { id: 'quad', name: 'Quad', names: ['Quadrilateral Security Dialogue'], acronyms: [] },
  { id: 'aukus', name: 'AUKUS', names: ['Aukus'], acronyms: ['AUKUS'] },
  {
    id: 'oas',
    name: 'Organization of American States',
    names: ['Organization of American States'],
    acronyms: ['OAS'],
  },
  {
    id: 'ecowas',
    name: 'ECOWAS',
    names: ['Economic Community of West African States', 'Ecowas'],
    acronyms: ['ECOWAS'],
  },
  { id: 'apec', name: 'APEC', names: ['Asia-Pacific Economic Cooperation', 'Apec'], acronyms: ['APEC'] },
];

/**
 * Organisation names that mean something else too. "ICC" is the court in world news and the
 * cricket council on the sports pages; "AU" is gold, Australia's domain and a dozen other things
 * unless the text is about Africa.
 */
export const AMBIGUOUS_ORGANIZATION_NAMES: readonly AmbiguousName[] = [
  {
    surfaces: ['ICC'],
    why: 'the International Criminal Court and the International Cricket Council',
    readings: [
      {
        target: 'icc',
        cues: [
          'warrant',
          'warrants',
          'prosecutor',
          'Hague',
          'Rome',
          'crimes',
          'genocide',
          'indictment',
          'judges',
          'Khan',
        ],
      },
      {
        target: 'icc-cricket',
        cues: [
          'cricket',
          'Test',
          'Tests',
          'wicket',
          'wickets',
          'ODI',
          'T20',
          'Twenty20',
          'innings',
          'batting',
          'bowler',
        ],
      },
    ],
  },
  {
    surfaces: ['AU'],
    why: 'the African Union, and gold, Australia and astronomical units',
    readings: [{ target: null }, { target: 'au', cues: ['African', 'Africa', 'Addis', 'Ababa', 'Union'] }],
  },
  {
    surfaces: ['Commonwealth'],
    why: 'the Commonwealth of Nations, and the US states and Australia that call themselves commonwealths',
    readings: [
      { target: 'commonwealth', cues: ['Nations', 'Secretariat', 'CHOGM', 'Realm', 'realms'] },
      {
        target: null,
        cues: ['Massachusetts', 'Pennsylvania', 'Virginia', 'Kentucky', 'Australia', 'Puerto'],
      },
    ],
  },
  {
    surfaces: ['Quad'],
    why: 'the US-India-Japan-Australia grouping and the quad bike or muscle, capitalised at the start of a sentence',
    readings: [
      { target: 'quad', cues: ['Indo-Pacific', 'Pacific', 'India', 'Japan', 'Australia', 'Quadrilateral'] },
      { target: null, cues: ['bike', 'bikes', 'squat', 'squats'] },
    ],
    commonWord: true,
  },
];
