/**
 * Today's date in Japan, the default of `--today`: computed as UTC+9 (Japan has had no summer time
 * since 1951) and always the date the Asia/Tokyo time-zone formatter gives, including around
 * midnight in Japan and in UTC, at the ends of years and of February, and for SOURCE_DATE_EPOCH.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { todayInJapan } from "../../src/check.js";

const tokyo = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit", day: "2-digit" });

describe("todayInJapan", () => {
  it.each([
    ["2026-11-22T14:59:59.999Z", "2026-11-22"],
    ["2026-11-22T15:00:00.000Z", "2026-11-23"],
    ["2026-12-31T15:00:00.000Z", "2027-01-01"],
    ["2028-02-28T15:00:00.000Z", "2028-02-29"],
    ["1951-12-31T14:59:59.000Z", "1951-12-31"],
    ["1952-01-01T00:00:00.000Z", "1952-01-01"],
  ])("at %s it is %s in Japan", (iso, day) => {
    expect(todayInJapan({}, new Date(iso))).toBe(day);
  });

  it("is the Asia/Tokyo formatter's date for any instant (also before 1952 and far ahead)", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59Z"), noInvalidDate: true }),
        (d) => {
          expect(todayInJapan({}, d)).toBe(tokyo.format(d));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("SOURCE_DATE_EPOCH fixes the date (seconds since 1970, in Japan)", () => {
    expect(todayInJapan({ SOURCE_DATE_EPOCH: "1790000000" }, new Date("2000-01-01T00:00:00Z"))).toBe(
      tokyo.format(new Date(1790000000 * 1000)),
    );
    expect(todayInJapan({ SOURCE_DATE_EPOCH: "0" })).toBe("1970-01-01");
    expect(() => todayInJapan({ SOURCE_DATE_EPOCH: "99999999999999999" })).toThrow(RangeError);
  });
});
