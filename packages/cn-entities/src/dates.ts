import { chineseSmallNumber } from "@yk/lexicon";
import { Lunar } from "lunar-javascript";

// one home for numerals (@yk/lexicon): page numbers are read with it too
export { chineseSmallNumber };

const pad = (n: number) => String(n).padStart(2, "0");

const LUNAR_MONTHS: Record<string, number> = { 正: 1, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 冬: 11, 十一: 11, 腊: 12, 十二: 12 };

/**
 * A lunar date (正月初七, 腊月二十三, 八月十五) to an ISO Gregorian date, in the lunar year that
 * is current around the reference date: a lunar date more than ~6 months before it is taken
 * in the next lunar year.
 */
export function lunarToIso(monthName: string, dayName: string, reference: Date): string | null {
  const month = LUNAR_MONTHS[monthName];
  const day = chineseSmallNumber(dayName.replace(/^初/, ""));
  if (!month || !day || day > 30) return null;
  const refLunar = Lunar.fromDate(reference);
  const candidates = [refLunar.getYear() - 1, refLunar.getYear(), refLunar.getYear() + 1].flatMap((y) => {
    try {
      const s = Lunar.fromYmd(y, month, day).getSolar();
      return [new Date(Date.UTC(s.getYear(), s.getMonth() - 1, s.getDay()))];
    } catch {
      return [];
    }
  });
  const refUtc = Date.UTC(reference.getFullYear(), reference.getMonth(), reference.getDate());
  // the nearest occurrence, preferring the coming one within half a year (news speaks of plans)
  candidates.sort((a, b) => Math.abs(a.getTime() - refUtc) - Math.abs(b.getTime() - refUtc));
  const best = candidates[0];
  return best ? `${best.getUTCFullYear()}-${pad(best.getUTCMonth() + 1)}-${pad(best.getUTCDate())}` : null;
}

/** Month and day without a year: the year that puts the date closest to the reference date. */
export function monthDayToIso(month: number, day: number, reference: Date | null): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  if (!reference) return null;
  const y = reference.getFullYear();
  const ref = Date.UTC(y, reference.getMonth(), reference.getDate());
  let best = y;
  let bestDist = Infinity;
  for (const cand of [y - 1, y, y + 1]) {
    const d = Math.abs(Date.UTC(cand, month - 1, day) - ref);
    if (d < bestDist) {
      best = cand;
      bestDist = d;
    }
  }
  return `${best}-${pad(month)}-${pad(day)}`;
}

/** Relative expressions against the reference date: 今年 → 2023, 去年 → 2022, 今天 → 2023-01-12. */
export function relativeToIso(word: string, reference: Date | null): string | null {
  if (!reference) return null;
  const y = reference.getFullYear();
  const day = (offset: number) => {
    const d = new Date(Date.UTC(y, reference.getMonth(), reference.getDate() + offset));
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  };
  switch (word) {
    case "今年":
    case "本年":
      return String(y);
    case "去年":
    case "上年":
      return String(y - 1);
    case "前年":
      return String(y - 2);
    case "明年":
      return String(y + 1);
    case "今天":
    case "今日":
      return day(0);
    case "昨天":
    case "昨日":
      return day(-1);
    case "明天":
    case "明日":
      return day(1);
    case "前天":
      return day(-2);
    default:
      return null;
  }
}
