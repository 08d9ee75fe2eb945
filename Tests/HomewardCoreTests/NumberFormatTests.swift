import Testing
@testable import HomewardCore

/// Exact characters, since a page shows them as they are: separators and digits differ by language.
@Suite struct NumberFormatTests {
    @Test func englishGroupsWithCommas() {
        #expect(NumberFormat(.en).string(1_234_567) == "1,234,567")
        #expect(NumberFormat(.en).string(0) == "0")
    }

    @Test func russianGroupsWithANoBreakSpace() {
        #expect(NumberFormat(.ru).string(1_234_567) == "1\u{00A0}234\u{00A0}567")
        #expect(NumberFormat(.ru).string(12_345) == "12\u{00A0}345")
    }

    @Test func arabicUsesArabicIndicDigitsAndTheArabicGroupSign() {
        #expect(NumberFormat(.ar).string(1_234_567) == "\u{0661}\u{066C}\u{0662}\u{0663}\u{0664}\u{066C}\u{0665}\u{0666}\u{0667}")
        #expect(NumberFormat(.ar).string(1_234_567) == "١٬٢٣٤٬٥٦٧")
    }

    @Test func arabicWithLatinDigitsOnRequest() {
        #expect(NumberFormat(.ar, digits: .latin).string(1_234_567) == "1,234,567")
        #expect(NumberFormat(.en, digits: .latin).string(1_234_567) == "1,234,567")
    }

    @Test func aChangeAlwaysShowsItsSign() {
        #expect(NumberFormat(.en).change(900) == "+900")
        #expect(NumberFormat(.en).change(-1_200) == "-1,200")
        #expect(NumberFormat(.en).change(0) == "0")
        #expect(NumberFormat(.ru).change(1_200) == "+1\u{00A0}200")
        #expect(NumberFormat(.ru).change(-5_184) == "\u{2212}5\u{00A0}184", "Russian sets a change's minus as the minus sign")
        // An Arabic letter mark keeps the sign with its number in right-to-left text.
        #expect(NumberFormat(.ar).change(900) == "\u{061C}+٩٠٠")
        #expect(NumberFormat(.ar).change(-900) == "\u{061C}-٩٠٠")
        #expect(NumberFormat(.ar, digits: .latin).change(900) == "\u{200E}+900")
    }
}

/// Field teams write numbers and dates in their own script: what the Arabic pages print reads back as the same value.
@Suite struct NumbersInAnotherScriptTests {
    @Test func arabicDigitsAndSeparatorsReadAsTheNumbersTheyWrite() {
        #expect(MovementRules.wholeNumber(NumberFormat(.ar).string(1_234_567)) == 1_234_567)
        #expect(MovementRules.wholeNumber("١٢٠") == 120 && MovementRules.wholeNumber("۱۲۰") == 120)
        #expect(ScaledNumber.parse("١٢٫٥", decimals: 3) == 12_500 && ScaledNumber.parse("١٬٢٣٤٫٥", decimals: 3) == 1_234_500)
        #expect(MovementRules.isTooLong("٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩"))
        // Only decimal digits: a superscript or a fraction is not a digit.
        #expect(MovementRules.wholeNumber("2²") == nil && MovementRules.wholeNumber("½") == nil)
    }

    @Test func arabicDigitsReadAsDaysPeriodsAndMoments() {
        #expect(Day("٢٠٢٠-٠٦-٢٩") == Day(year: 2020, month: 6, day: 29))
        #expect(Period.parse("٢٠١٩-٠١") == Period(start: Day(year: 2019, month: 1, day: 1)!, end: Day(year: 2019, month: 1, day: 31)!))
        #expect(RecordingMoment.parse("٢٠١٩-٠٧-٢٤T١٤:٠٠:٠٠Z") == RecordingMoment.parse("2019-07-24T14:00:00Z"))
        #expect(Day("٢٠٢٠-٠٢-٣٠") == nil)
    }

    @Test func anArgumentIsReadWithLatinDigitsWhenItIsANumberOrADate() {
        #expect("٣".isNumberInAnotherScript && "٢٠٢٠-٠٦-٠١".isNumberInAnotherScript && "٢٠٢٠-٠٦-٠١".withLatinDigits == "2020-06-01")
        #expect(!"3".isNumberInAnotherScript && !"مخيم ٣".isNumberInAnotherScript && "مخيم ٣".withLatinDigits == "مخيم 3")
        #expect(!"١٢٣٤ أ".isNumberInAnotherScript && !"TC-١".isNumberInAnotherScript, "a code with letters is left as written")
        // Only Arabic's digits: fullwidth and Thai digits stay as written, and are refused where a number is read.
        #expect("１２".withLatinDigits == "１２" && MovementRules.wholeNumber("１２") == nil && MovementRules.wholeNumber("๑๒") == nil)
    }
}

@Suite struct DayFormatTests {
    let day = Day(year: 2020, month: 6, day: 29)!

    @Test func eachLanguageWritesTheDayItsOwnWay() {
        #expect(DayFormat(.en).string(day) == "29 June 2020")
        #expect(DayFormat(.ru).string(day) == "29 июня 2020\u{202F}г.")
        #expect(DayFormat(.ar).string(day) == "٢٩ حزيران ٢٠٢٠")
        #expect(DayFormat(.ar, digits: .latin).string(day) == "29 حزيران 2020")
    }

    /// Readers in Syria use the Levantine month names, which `ar-SY` gives.
    @Test func arabicUsesTheLevantineMonthNames() {
        let months = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
                      "تشرين الأول", "تشرين الثاني", "كانون الأول"]
        for (index, name) in months.enumerated() {
            let written = DayFormat(.ar, digits: .latin).string(Day(year: 2021, month: index + 1, day: 15)!)
            #expect(written == "15 \(name) 2021", "no comma before the year, which ran into a sentence's own")
        }
    }

    /// A day is the same day wherever the server runs: no time zone shifts it.
    @Test func theFirstAndLastDaysOfAYearStayInTheirYear() {
        #expect(DayFormat(.en).string(Day(year: 2019, month: 1, day: 1)!) == "1 January 2019")
        #expect(DayFormat(.en).string(Day(year: 2019, month: 12, day: 31)!) == "31 December 2019")
    }
}
