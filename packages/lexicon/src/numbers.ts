/** Chinese numerals as dates and page numbers print them. */

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 一 → 1, 十二 → 12, 二十三 → 23, 廿三 → 23, "05" → 5 (the small numbers of dates and page numbers). */
export function chineseSmallNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  let t = text.replace(/^廿/, "二十").replace(/^卅/, "三十");
  if (t === "十") return 10;
  if (t.startsWith("十")) t = "一" + t;
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(t);
  if (m) return (m[1] ? CN_DIGITS[m[1]]! : 1) * 10 + (m[2] ? CN_DIGITS[m[2]]! : 0);
  if (t.length === 1 && CN_DIGITS[t] !== undefined) return CN_DIGITS[t]!;
  return null;
}
