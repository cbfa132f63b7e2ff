/** "Today" is the date in Japan (waiver expiry, baseline dates), SOURCE_DATE_EPOCH for reproducible builds. */
import { describe, expect, it } from "vitest";
import { todayInJapan } from "../../src/check.js";

describe("todayInJapan", () => {
  it("turns at 15:00 UTC, midnight in Japan", () => {
    expect(todayInJapan({}, new Date("2026-12-03T14:59:59Z"))).toBe("2026-12-03");
    expect(todayInJapan({}, new Date("2026-12-03T15:00:00Z"))).toBe("2026-12-04");
    expect(todayInJapan({}, new Date("2026-12-31T15:00:00Z"))).toBe("2027-01-01");
    expect(todayInJapan({}, new Date("2028-02-28T15:30:00Z"))).toBe("2028-02-29");
  });
  it("follows SOURCE_DATE_EPOCH when it is a number of seconds", () => {
    expect(todayInJapan({ SOURCE_DATE_EPOCH: "1767193200" }, new Date("2020-01-01T00:00:00Z"))).toBe("2026-01-01");
    expect(todayInJapan({ SOURCE_DATE_EPOCH: "soon" }, new Date("2020-01-01T00:00:00Z"))).toBe("2020-01-01");
  });
});
