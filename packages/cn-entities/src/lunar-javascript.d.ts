declare module "lunar-javascript" {
  interface Solar {
    getYear(): number;
    getMonth(): number;
    getDay(): number;
    toYmd(): string;
  }
  interface LunarDate {
    getYear(): number;
    getMonth(): number;
    getDay(): number;
    getSolar(): Solar;
  }
  export const Lunar: {
    fromYmd(year: number, month: number, day: number): LunarDate;
    fromDate(date: Date): LunarDate;
  };
}
