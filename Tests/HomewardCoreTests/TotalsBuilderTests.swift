import Testing
@testable import HomewardCore

@Suite struct TotalsBuilderTests {
    @Test func calendarKeysNeverSplitAPeriod() {
        let day = Period(day: Day("2019-01-15")!)
        #expect(TotalsBuilder.calendarKey(day, .week) == "2019-W03")
        #expect(TotalsBuilder.calendarKey(day, .month) == "2019-01")
        let january = Period.parse("2019-01")!
        #expect(TotalsBuilder.calendarKey(january, .month) == "2019-01")
        #expect(TotalsBuilder.calendarKey(january, .week) == "2019-01-01/2019-01-31")
        #expect(TotalsBuilder.calendarName("2019-W03", .week) == "2019-01-14 to 2019-01-20")
        // A week the window cuts is named by the days it counts, as the table on the command line names it.
        let year = DateWindow(from: Day("2020-01-01"), to: Day("2020-12-31"))
        #expect(TotalsBuilder.calendarName("2020-W53", .week, window: year) == "2020-12-28 to 2020-12-31")
        #expect(TotalsBuilder.calendarName("2020-W01", .week, window: year) == "2020-01-01 to 2020-01-05")
        #expect(TotalsBuilder.calendarName("2020-W02", .week, window: year) == "2020-01-06 to 2020-01-12")
    }

    @Test func groupsAreSortedByPersonsAndCutToTheTop() {
        let sums: [TotalsBuilder.Sum] = [
            .init(key: "SY01", category: .idp, persons: 5), .init(key: "SY02", category: .refugee, persons: 7),
            .init(key: "SY02", category: .idp, persons: 1), .init(key: nil, category: .idp, persons: 2),
        ]
        let report = TotalsBuilder().report(window: DateWindow(), sums: sums, partial: 3, top: 2) { key, language in
            key == "SY01" ? ["en": "Damascus", "ru": "Дамаск"][language.rawValue] : nil
        }
        #expect(report.total == 15)
        #expect(report.refugees == 7 && report.idps == 8)
        #expect(report.partial == 3)
        #expect(report.groups.map(\.key) == ["SY02", "SY01"])
        #expect(report.groups[1].name == "Damascus")
        #expect(report.groups[1].nameRu == "Дамаск" && report.groups[1].nameAr == nil)
        #expect(report.groups[0].name == "SY02", "a key without a name is named by itself")
        #expect(report.groups[0].refugees == 7 && report.groups[0].idps == 1)
    }

    /// Weeks and months are a series: in the calendar's order, across a new year and with a period that spans
    /// weeks, whatever their sizes; `top` still keeps the largest.
    @Test func weeksAndMonthsComeInTheCalendarsOrder() {
        let sum = { (key: String, persons: Int) in TotalsBuilder.Sum(key: key, category: .refugee, persons: persons) }
        let weeks = [sum("2026-W01", 5), sum("2025-W52", 9), sum("2025-12-10/2025-12-20", 1), sum("2026-W02", 7)]
        let report = TotalsBuilder().report(window: DateWindow(), sums: weeks, partial: 0, top: nil, calendar: .week) { _, _ in nil }
        #expect(report.groups.map(\.key) == ["2025-12-10/2025-12-20", "2025-W52", "2026-W01", "2026-W02"])
        let largest = TotalsBuilder().report(window: DateWindow(), sums: weeks, partial: 0, top: 2, calendar: .week) { _, _ in nil }
        #expect(largest.groups.map(\.key) == ["2025-W52", "2026-W02"])
        let months = [sum("2026-07", 3), sum("2026-06", 8), sum("2026-10", 1), sum("2026-09", 2)]
        let byMonth = TotalsBuilder().report(window: DateWindow(), sums: months, partial: 0, top: nil, calendar: .month) { _, _ in nil }
        #expect(byMonth.groups.map(\.key) == ["2026-06", "2026-07", "2026-09", "2026-10"])
    }
}
