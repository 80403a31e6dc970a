import { FAMILY_NAMES_FIRST, FIRST_NAMES } from '../data/first-names.js';
import { NOT_NAME_WORDS } from '../data/not-name-words.js';
import { ORGANIZATION_CUES } from '../data/organization-cues.js';
import {
  AMBIGUOUS_ORGANIZATION_NAMES,
  ORGANIZATIONS,
  type OrganizationEntry,
} from '../data/organizations.js';
import { PERSON_CUES } from '../data/person-cues.js';
import { AMBIGUOUS_PLACE_NAMES, AREA_PHRASES, PLACES } from '../data/places.js';
import { demonymPlural } from '../gazetteer.js';
import { foldDiacritics } from '../phrase-matcher.js';
import { surfaceKey } from './tokens.js';

/** The data the entity stage reads, compiled once into sets keyed by surface. */
export interface EntityLexicon {
  readonly firstNames: ReadonlySet<string>;
  readonly familyNamesFirst: ReadonlySet<string>;
  readonly honorifics: ReadonlySet<string>;
  readonly titles: ReadonlySet<string>;
  readonly styles: ReadonlySet<string>;
  readonly roles: ReadonlySet<string>;
  readonly speechVerbs: ReadonlySet<string>;
  readonly personFollowers: ReadonlySet<string>;
  readonly orgSuffixes: ReadonlySet<string>;
  readonly orgPrefixes: ReadonlySet<string>;
  readonly notEntitySuffixes: ReadonlySet<string>;
  readonly notEntityPrefixes: ReadonlySet<string>;
  readonly orgFollowers: ReadonlySet<string>;
  readonly orgCommaFollowers: ReadonlySet<string>;
  readonly orgNouns: ReadonlySet<string>;
  readonly possessivesInNames: ReadonlySet<string>;
  readonly memberRoles: ReadonlySet<string>;
  readonly notNameWords: ReadonlySet<string>;
  /** Surface keys of places the place gazetteer reads unambiguously: never a person or organisation. */
  readonly places: ReadonlySet<string>;
  /** Surface keys the place gazetteer may read as a place or as something else ("Jordan", "Georgia"). */
  readonly ambiguousPlaces: ReadonlySet<string>;
  /** Surface key -> the organisation gazetteer's entry. */
  readonly organizations: ReadonlyMap<string, OrganizationEntry>;
  /** A gazetteer body's id -> the name of the organisation it belongs to. */
  readonly parents: ReadonlyMap<string, string>;
}

function keys(surfaces: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const surface of surfaces) {
    const key = surfaceKey(surface);
    if (key === '') continue;
    out.add(key);
    out.add(foldDiacritics(key));
  }
  return [...out];
}

/** The entity lexicon's surface keys, worked out from the data files: what the build writes. */
export interface EntityLexiconData {
  readonly firstNames: readonly string[];
  readonly places: readonly string[];
  readonly ambiguousPlaces: readonly string[];
  /** Surface key -> id of an organisation, or of one of its bodies (`id/name`). */
  readonly organizations: readonly (readonly [string, string])[];
}

/** The organisations' bodies ("European Union/European Commission"), each with its own id, and the parent of each. */
function organizationBodies(): { bodies: OrganizationEntry[]; parents: Map<string, string> } {
  const bodies: OrganizationEntry[] = [];
  const parents = new Map<string, string>();
  for (const entry of ORGANIZATIONS) {
    for (const [name, ...names] of entry.bodies ?? []) {
      if (name === undefined) continue;
      const body: OrganizationEntry = { id: `${entry.id}/${name}`, name, names, acronyms: [] };
      parents.set(body.id, entry.name);
      bodies.push(body);
    }
  }
  return { bodies, parents };
}

/** Keys every surface of the data files (costly: thousands of names normalised), for the build. */
export function compileEntityLexicon(): EntityLexiconData {
  const placeSurfaces: string[] = [];
  for (const place of PLACES) {
    placeSurfaces.push(place.name, ...place.aliases, ...place.cities, ...(place.subdivisions ?? []));
    // Metonyms ("Bank of England", "Federal Reserve", "Kremlin") are institutions: the place tagger
    // counts them toward their country, and here they may be organisations if the evidence says so.
    for (const demonym of place.demonyms) {
      placeSurfaces.push(demonym);
      const plural = demonymPlural(demonym);
      if (plural !== undefined) placeSurfaces.push(plural);
    }
  }
  for (const phrase of AREA_PHRASES) placeSurfaces.push(...phrase.surfaces);
  const ambiguousPlaces = keys(AMBIGUOUS_PLACE_NAMES.flatMap((rule) => rule.surfaces));
  const ambiguous = new Set(ambiguousPlaces);
  const places = keys(placeSurfaces).filter((key) => !ambiguous.has(key));

  const ambiguousOrganizations = new Set(keys(AMBIGUOUS_ORGANIZATION_NAMES.flatMap((rule) => rule.surfaces)));
  const organizations = new Map<string, string>();
  // Bodies first, a later body's name overriding: a body is never taken over by an organisation's alias.
  for (const body of organizationBodies().bodies)
    for (const surface of [body.name, ...body.names]) organizations.set(surfaceKey(surface), body.id);
  for (const entry of ORGANIZATIONS) {
    for (const surface of [entry.name, ...entry.names, ...entry.acronyms]) {
      const key = surfaceKey(surface);
      if (key === '' || ambiguousOrganizations.has(key) || organizations.has(key)) continue;
      organizations.set(key, entry.id);
    }
  }
  return { firstNames: keys(FIRST_NAMES), places, ambiguousPlaces, organizations: [...organizations] };
}

/** Loads compiled entity data beside the cue lists, which are small sets built as they are. */
export function entityLexiconFrom(data: EntityLexiconData): EntityLexicon {
  const { bodies, parents } = organizationBodies();
  const byId = new Map([...bodies, ...ORGANIZATIONS].map((entry) => [entry.id, entry]));
  const organizations = new Map<string, OrganizationEntry>();
  for (const [key, id] of data.organizations) {
    const entry = byId.get(id);
    if (entry === undefined)
      throw new Error(`compiled entity lexicon names organisation ${id}, which the data lacks`);
    organizations.set(key, entry);
  }
  return {
    firstNames: new Set(data.firstNames),
    familyNamesFirst: new Set(FAMILY_NAMES_FIRST),
    honorifics: new Set(PERSON_CUES.honorifics),
    titles: new Set(PERSON_CUES.titles),
    styles: new Set(PERSON_CUES.styles),
    roles: new Set(PERSON_CUES.roles),
    speechVerbs: new Set(PERSON_CUES.speechVerbs),
    personFollowers: new Set(PERSON_CUES.personFollowers),
    orgSuffixes: new Set(ORGANIZATION_CUES.suffixes),
    orgPrefixes: new Set(ORGANIZATION_CUES.prefixes),
    notEntitySuffixes: new Set(ORGANIZATION_CUES.notEntitySuffixes),
    notEntityPrefixes: new Set(ORGANIZATION_CUES.notEntityPrefixes),
    orgFollowers: new Set(ORGANIZATION_CUES.followers),
    orgCommaFollowers: new Set(ORGANIZATION_CUES.commaFollowers),
    orgNouns: new Set(ORGANIZATION_CUES.nouns),
    possessivesInNames: new Set(ORGANIZATION_CUES.possessivesInNames),
    memberRoles: new Set(ORGANIZATION_CUES.memberRoles),
    notNameWords: new Set(NOT_NAME_WORDS),
    places: new Set(data.places),
    ambiguousPlaces: new Set(data.ambiguousPlaces),
    organizations,
    parents,
  };
}
