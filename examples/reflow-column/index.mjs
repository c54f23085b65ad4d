// Reflow a column pasted from a PDF: hard-wrapped lines, blank lines between them, lost indents,
// justification spaces. Prints each paragraph and where it came from in the raw text.
import { reflow } from "@yk/reflow";

export const column = `县长刘志远来到城南村，察看了
\n新建的村民活动中心和文化礼堂，
\n详细了解项目进展。
\n他强调，要把好事办好、实事办
\n实，让 群 众 真 正 得 到 实 惠 ，
\n不断增强获得感。
`;

export function paragraphsOf(text) {
  return reflow(text).paragraphs.map((p) => ({ text: p.text, spans: p.spans }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const p of paragraphsOf(column)) console.log(`${JSON.stringify(p.spans)}  ${p.text}`);
}
