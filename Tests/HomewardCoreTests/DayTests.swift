import Foundation
import Testing
@testable import HomewardCore

@Suite struct DayTests {
    /// A moment to read the ledger by: a date-time up to now; a date once it has begun somewhere (UTC+14), so that
    /// "today" is read at any hour in any zone.
    @Test func aMomentAfterNowIsStillToCome() throws {
        let now = try Date("2024-05-02T12:00:00Z", strategy: .iso8601)
        for (text, toCome) in [("2024-05-02", false), ("2024-05-03", false), ("2024-05-04", true), ("2024-05-02T12:00:30Z", false), ("2024-05-02T13:00:00Z", true),
                               ("2024-05-02T14:00:00+03:00", false), ("2024-05-02T16:00:00+03:00", true), ("2000-01-01", false)] {
            #expect(RecordingMoment.isToCome(text, now: now) == toCome, "\(text)")
        }
        // At noon on the 2nd in UTC, the 3rd has begun at UTC+14; at 09:00 it has begun nowhere.
        #expect(RecordingMoment.isToCome("2024-05-03", now: try Date("2024-05-02T09:00:00Z", strategy: .iso8601)))
    }

    @Test func roundTripsCalendarDates() {
        for text in ["1970-01-01", "2000-02-29", "2011-03-15", "2018-12-31", "2019-01-01", "2024-02-29"] {
            #expect(Day(text)?.description == text)
        }
        #expect(Day("1970-01-01")?.number == 0)
        #expect(Day("2019-01-01")!.number - Day("2018-12-31")!.number == 1)
    }

    @Test func everyDayOfTwoCenturiesReadsBackAsWritten() {
        // The digit-by-digit reading and writing against the calendar's own arithmetic, day by day.
        var day = Day(year: 1900, month: 1, day: 1)!
        while day.number <= Day(year: 2100, month: 12, day: 31)!.number {
            let (y, m, d) = day.components
            let text = day.description
            #expect(text == String(format: "%04d-%02d-%02d", y, m, d))
            #expect(Day(text) == day)
            #expect(Period.parse(text) == Period(day: day))
            day = day.adding(days: 1)
        }
        #expect(Day(number: Day(year: 10_000, month: 1, day: 1)!.number).description == "10000-01-01")
    }

    @Test func rejectsDaysThatDoNotExist() {
        for text in ["2019-02-29", "2019-13-01", "2019-00-10", "2019-04-31", "19-01-01", "2019-1-1", "2019/01/01", "",
                     "2019-01-0a", "201a-01-01", "2019-01+01", "+019-01-01", "２０１９-01-01", "2019-01-001", "٢٠١٩-٠٢-٢٩", "2019-01-0²"] {
            #expect(Day(text) == nil, "\(text)")
        }
        // Arabic digits are digits (see `NumbersInAnotherScriptTests`); fullwidth ones, above, are not.
    }

    @Test func isoWeeksFollowTheStandard() {
        // 2019-01-01 was a Tuesday in week 1; 2018-12-31 a Monday, also in 2019-W01.
        #expect(Day("2019-01-01")!.isoWeek == "2019-W01")
        #expect(Day("2018-12-31")!.isoWeek == "2019-W01")
        #expect(Day("2021-01-03")!.isoWeek == "2020-W53")
        #expect(Day("2019-01-14")!.weekStart == Day("2019-01-14"))
        #expect(Day("2019-01-20")!.weekStart == Day("2019-01-14"))
    }

    @Test func periodsParseDaysMonthsAndYears() {
        #expect(Period.parse("2019-01") == Period(start: Day("2019-01-01")!, end: Day("2019-01-31")!))
        #expect(Period.parse("2020-02")?.end == Day("2020-02-29"))
        #expect(Period.parse("2018") == Period(start: Day("2018-01-01")!, end: Day("2018-12-31")!))
        #expect(Period.parse("2019-01-15T00:00:00") == Period(day: Day("2019-01-15")!))
        #expect(Period.parse("15/01/2019") == nil)
        #expect(Period.parse("\t2019-01-15 ") == Period(day: Day("2019-01-15")!))
        #expect(Period.parse("2019-02-30") == nil)
    }

    @Test func windowsAreAskedByDatesAYearOrTheLastDays() throws {
        let today = Day("2020-06-30")!
        let week = try DateWindow.resolve(.init(last: 7), today: today)
        #expect(week.window == DateWindow(from: Day("2020-06-24"), to: today))
        #expect(week.previous == DateWindow(from: Day("2020-06-17"), to: Day("2020-06-23")))
        let upTo = try DateWindow.resolve(.init(to: Day("2020-01-07"), last: 7), today: today)
        #expect(upTo.window == DateWindow(from: Day("2020-01-01"), to: Day("2020-01-07")))
        #expect(try DateWindow.resolve(.init(year: 2019), today: today).window == DateWindow(from: Day("2019-01-01"), to: Day("2019-12-31")))
        #expect(try DateWindow.resolve(.init(from: Day("2019-03-01")), today: today) == (DateWindow(from: Day("2019-03-01")), nil))
        for (asked, field) in [(DateWindow.Asked(year: 2019, last: 7), "year"), (.init(from: Day("2019-01-01"), last: 7), "last"),
                               (.init(last: 0), "last"), (.init(from: Day("2019-02-01"), to: Day("2019-01-01")), "to"),
                               (.init(year: 0), "year"), (.init(year: 99_999), "year")] {
            #expect(throws: DateWindow.Problem.self) { try DateWindow.resolve(asked, today: today) }
            do { _ = try DateWindow.resolve(asked, today: today) } catch { #expect(error.field == field) }
        }
        // The refusal names what was given with the year, not a parameter the route may not take.
        do { _ = try DateWindow.resolve(.init(to: Day("2019-08-01"), year: 2018), today: today) } catch {
            #expect(error.reason == "a year is a window of its own: leave out to")
        }
    }
}

/// Dates a spreadsheet wrote its own way: a year first reads one way; day and month apart by the order given, or
/// without one only where the day is after the 12th.
@Suite struct DateOrderTests {
    @Test func aDateWrittenAnotherWayIsReadOnlyWhereItReadsOneWay() {
        #expect(DateOrder.iso("2024/03/15", order: nil) == .date("2024-03-15") && DateOrder.iso("2024-3-5", order: nil) == .date("2024-03-05"))
        #expect(DateOrder.iso("15/03/2024", order: nil) == .date("2024-03-15") && DateOrder.iso("03/15/2024", order: nil) == .date("2024-03-15"))
        #expect(DateOrder.iso("15.03.2024 10:30", order: nil) == .date("2024-03-15"), "Excel's time is left off")
        // Arabic-Indic digits, as an Arabic spreadsheet writes them: read as the Latin ones (they were "not a real date").
        #expect(DateOrder.iso("٢٧/١١/٢٠٢٦", order: .dmy) == .date("2026-11-27") && DateOrder.iso("٠٥/٠٣/٢٠٢٤", order: nil) == .eitherWay)
        #expect(DateOrder.iso("05/03/2024", order: nil) == .eitherWay && DateOrder.iso("05/05/2024", order: nil) == .date("2024-05-05"))
        #expect(DateOrder.iso("05/03/2024", order: .dmy) == .date("2024-03-05") && DateOrder.iso("05/03/2024", order: .mdy) == .date("2024-05-03"))
        #expect(DateOrder.iso("15/03/2024", order: .mdy) == .none, "no 15th month: the rules refuse it as it is")
        #expect(DateOrder.iso("15/03/2024 9:05 PM", order: nil) == .date("2024-03-15"))
        // A period in one cell is no day; nor is a date with a part left out.
        for text in ["45366", "2024-03", "1,234", "15/03/24", "31/02/2024", "15/03-2024", "a/b/2024", "2024-03-18T09:00:00+03:00",
                     "01/03/2024 - 31/03/2024", "2024-03-01 to 2024-03-31", "15//03/2024", "/15/03/2024", "15/03/2024 later"] {
            #expect(DateOrder.iso(text, order: .dmy) == .none, "\(text)")
        }
    }
}
