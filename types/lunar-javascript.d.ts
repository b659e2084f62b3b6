// lunar-javascript 1.7.7 ships no types: the part test/domain/calendar-law.test.ts uses.
declare module 'lunar-javascript' {
  export interface Solar {
    getYear(): number
    getMonth(): number
    getDay(): number
    next(days: number): Solar
  }
  export class Lunar {
    static fromYmd(year: number, month: number, day: number): Lunar
    getSolar(): Solar
    /** solar terms around this lunar year, by Chinese name */
    getJieQiTable(): Record<string, Solar>
  }
}
