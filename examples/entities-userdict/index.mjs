// Local names that no general dictionary knows: a village, a company's short name, a person with a
// rare given name. Pass them once, as a user dictionary for the segmenter and as gazetteers.
import { createExtractor } from "@yk/cn-entities";

export const text = "记者昨日在芝英镇采访了锐捷五金的负责人，镇党委书记卜筱岚陪同。";

export function entities() {
  const { extract } = createExtractor({
    userDictionary: [{ word: "芝英镇", tag: "ns" }, { word: "锐捷五金", tag: "nt" }],
    gazetteer: { location: ["芝英镇"], organization: ["锐捷五金"] },
  });
  return extract(text, { date: "2023-05-10" });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const e of entities()) console.log(`${e.type.padEnd(12)} ${e.text}${e.titles?.length ? `（${e.titles.join("、")}）` : ""}${e.normalized ? ` = ${e.normalized}` : ""}`);
}
