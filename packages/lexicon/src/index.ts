export * from "./chars.js";
export { chineseSmallNumber } from "./numbers.js";
export { BYLINE_ROLES, BYLINE_ROLE_PREFIXES, DATELINE_AGENCIES, type ContributorKind } from "./data/byline-roles.js";
export { TITLE_CORES, TITLE_BODY_PREFIXES, TITLE_SEPARATORS } from "./data/titles.js";
export { SINGLE_SURNAMES, COMPOUND_SURNAMES, JAPANESE_SURNAMES } from "./data/surnames.js";
export { COMPANY_FORMS, INDUSTRY_WORDS, BODY_SUFFIXES, BODY_ABBREVIATIONS, FACILITY_WORDS, MEDIA_WORDS } from "./data/organizations.js";
export { PLACE_SUFFIXES, PROVINCES, CITIES, COUNTRIES, WORLD_PLACES } from "./data/places.js";
export { DIVISIONS, DIVISION_SHORT_NAMES } from "./data/divisions.js";
export { KNOWN_PLACES } from "./data/known-places.js";
export { PLACE_FIRST_CHAR_ODDS, PLACE_LAST_CHAR_ODDS } from "./data/place-chars.js";
export {
  TRANSLITERATION_CHARS,
  GIVEN_NAME_CHARS,
  NAME_FOLLOWERS,
  PERSON_CUES_AFTER,
  ABBREVIATION_VERBS,
  TRAVEL_VERBS,
  CHINA_ABBREVIATIONS,
  COUNTRY_ABBREVIATIONS,
  ABBREVIATED_PLACE_WORDS,
  RELATION_WORDS,
  GENERIC_PLACE_WORDS,
  GENERIC_BODY_WORDS,
  NON_NAMING_HEADS,
  KNOWN_ORGANIZATIONS,
  TITLES_OF_ADDRESS,
  SHORT_FORMS_OF_ADDRESS,
  DOCTRINE_WORDS,
  ABBREVIATION_HEADS,
} from "./data/names.js";
export { SECTION_WORDS, STAFF_LINE_ROLES, WEEKDAYS } from "./data/furniture.js";
export { alternation, escapeRegExp, execAtEnd } from "./regex.js";
export { wordList, charTable, type WordList, type WordMatch, type CharTable } from "./words.js";
