// The association weights of headline groups and bodies (split.ts: placeGroups, bestCut).
import type { AssemblyWeights } from "../split.js";

export const ASSEMBLY_WEIGHTS: AssemblyWeights = { cutCue: 1, cohesion: 0.5, lead: 1, forwardPrior: 0.3, openedCue: 0, backwardMin: 0.25, cutCost: 0.1, photoCue: 0 };
