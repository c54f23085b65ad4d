import { DIVISIONS, DIVISION_SHORT_NAMES } from "./divisions.js";
import { CITIES, COUNTRIES, PROVINCES, WORLD_PLACES } from "./places.js";

/** Every place name the lexicon knows: provinces, cities, countries, world places, China's divisions. */
export const KNOWN_PLACES: readonly string[] = [...new Set([...PROVINCES, ...CITIES, ...COUNTRIES, ...WORLD_PLACES, ...DIVISIONS, ...DIVISION_SHORT_NAMES])];
