// The whole splitter's figures on the validation pages (People's Daily, 16–20 October 2019) with
// candidate role weights: what `train-roles.mjs --validate` chooses a model by. A unit-level score
// of the CRF did not predict these (a unit wrong in a group of short lines costs a whole article's
// fields; a body line wrong inside a body often costs nothing), so a change to the features or
// the learner is kept only when the splitter built on its weights does better here.
//
// The pages are composed as `eval-layout.mjs` composes them (same seeds, 2 layouts a page), never
// as the trainer does (`#train` seeds): the validation layouts are not the training layouts of
// those pages either. The held-out pages (21–31 October) are never read here.
import { reflow } from "@yk/reflow";
import { splitPage, unitRoles } from "@yk/article-split";
import { composePage, seedOf } from "./compose-page.mjs";
import { figures, scorePage } from "./eval-layout.mjs";

/** Validation pages: tune pages of 16–20 October. */
export const isValidationPage = (page) => !page.id.startsWith("county") && Number(page.date.slice(8, 10)) > 15 && Number(page.date.slice(8, 10)) <= 20;

/**
 * The splitter's figures (eval-layout's `figures`) on the validation pages, decoding roles with
 * `weights` (a RoleWeights object; undefined: the shipped weights).
 */
export function splitterFigures(pages, weights, variants = 2) {
  const sum = {};
  for (const page of pages.filter(isValidationPage)) {
    for (let v = 0; v < variants; v++) {
      const { raw, gold } = composePage(page, seedOf(`${page.id}#${v}`));
      const blankLines = reflow(raw).gapStyle === "blank-lines";
      // the split's evaluation hook (not public API): the candidate weights' decode of its units
      const options = weights ? { rolesOf: (units) => unitRoles(units.map((u) => u.shape), { blankLines }, weights) } : {};
      for (const [k, n] of Object.entries(scorePage(gold, splitPage(raw, options), raw))) sum[k] = (sum[k] ?? 0) + n;
    }
  }
  return figures(sum);
}

/** One line of figures: article F1, exact paragraphs, kicker/headline/subheadline, all three, contributors, lost. */
export function figuresLine(f) {
  const x = (v) => (v === null || v === undefined ? "  –  " : v.toFixed(3));
  return `art F1 ${x(f.articleF1)}  para ${x(f.paragraphF1)}  kicker ${x(f.kicker)}  head ${x(f.headline)}  sub ${x(f.subheadline)}  k+h+s ${x(f.headlineAll)}  contrib ${x(f.contributorF1)}  lost ${f.charsLost}  (${f.pages} layouts)`;
}
