import Foundation
import Testing
@testable import HomewardCore

/// A small gazetteer in the shape of the real one.
let sampleGazetteer = Gazetteer(
    homeCountry: "SYR",
    areas: [
        AdminArea(pcode: "SY12", level: .adm1, nameEn: "Dar'a", nameAr: "درعا", parent: nil),
        AdminArea(pcode: "SY1200", level: .adm2, nameEn: "Dar'a", nameAr: "درعا", parent: "SY12"),
        AdminArea(pcode: "SY120000", level: .adm3, nameEn: "Dar'a", nameAr: "درعا", parent: "SY1200"),
        AdminArea(pcode: "C5999", level: .adm4, nameEn: "Nasib", nameAr: "نصيب", parent: "SY120000"),
        AdminArea(pcode: "SY08", level: .adm1, nameEn: "Al-Hasakeh", nameAr: "الحسكة", parent: nil),
        AdminArea(pcode: "SY0800", level: .adm2, nameEn: "Al-Hasakeh", nameAr: "الحسكة", parent: "SY08"),
        AdminArea(pcode: "SY080006", level: .adm3, nameEn: "Hole", nameAr: "الهول", parent: "SY0800"),
        AdminArea(pcode: "C4519", level: .adm4, nameEn: "Hole", nameAr: "الهول", parent: "SY080006"),
    ],
    countries: [
        Country(iso3: "SYR", iso2: "SY", nameEn: "Syrian Arab Republic", nameRu: "Сирийская Арабская Республика", nameAr: "الجمهورية العربية السورية"),
        Country(iso3: "LBN", iso2: "LB", nameEn: "Lebanon", nameRu: "Ливан", nameAr: "لبنان"),
        Country(iso3: "JOR", iso2: "JO", nameEn: "Jordan", nameRu: "Иордания", nameAr: "الأردن"),
    ],
    crossings: [
        CrossingPoint(code: "LBN-01", nameEn: "Jdeidet Yabous", nameAr: "جديدة يابوس", country: "LBN", counterpartName: "Masnaa (Al-Masnaa)", adminPcode: nil),
        CrossingPoint(code: "JOR-01", nameEn: "Nasib", nameAr: "نصيب", country: "JOR", adminPcode: "SY120000"),
        CrossingPoint(code: "INT-01", nameEn: "Corridor", nameAr: "ممر", country: nil, adminPcode: "SY120000"),
    ])

@Suite struct MovementRulesTests {
    let rules = MovementRules(gazetteer: sampleGazetteer, today: Day("2019-02-01")!, defaultOrganisation: "UNHCR")

    /// Checks one row given as tag → value.
    func check(_ cells: [String: String]) throws -> MovementRules.Outcome {
        let tags = cells.keys.sorted()
        let layout = try ImportLayout<MovementField>(firstRows: [tags], constants: [:])
        return rules.check(layout.draft(row: tags.map { cells[$0]! }, number: 2))
    }

    func reasons(_ outcome: MovementRules.Outcome) -> [String] { outcome.problems.map(\.reason) }

    @Test func aCompleteRowBecomesAMovement() throws {
        let outcome = try check(["#date": "2019-01-12", "#loc+crossing+code": "LBN-01", "#country+origin+code": "LBN",
                                 "#adm4+dest+code": "C5999", "#affected+returnees+refugees+num": "950"])
        #expect(outcome.problems.isEmpty)
        let movement = try #require(outcome.records.first)
        #expect(movement.persons == 950)
        #expect(movement.category == .refugee)
        #expect(movement.origin == .country("LBN"))
        #expect(movement.destination[.adm1] == "SY12")
        #expect(movement.destination[.adm3] == "SY120000")
        #expect(movement.organisation == "UNHCR")
    }

    /// A code and a name beside it that say two places (columns shifted in a copy) keep the code, with a warning naming what
    /// the code is; a name that is the code's own, in either language, says nothing.
    @Test func aNameThatIsNotItsCodesPlaceIsWarnedOf() throws {
        let shifted = try check(["#date": "2019-01-12", "#loc+crossing+code": "LBN-01", "#loc+crossing+name": "Nasib", "#country+origin+code": "LBN",
                                 "#adm1+dest+code": "SY12", "#adm1+dest+name": "Al-Hasakeh", "#affected+returnees+refugees+num": "9"])
        #expect(shifted.records.first?.crossing == "LBN-01" && shifted.records.first?.destination[.adm1] == "SY12")
        #expect(shifted.problems.map { "\($0.column) \($0.code) \($0.severity)" } == [
            "#loc+crossing+name import.place.nameOfAnother warning", "#adm1+dest+name import.place.nameOfAnother warning"], "\(shifted.problems)")
        #expect(shifted.problems.last?.reason == "this name is another place’s, not that of SY12 (Dar'a), which the code beside it gives: the code is kept")
        // A name the gazetteer does not know at all is said so, not called another place's.
        let unknown = try check(["#date": "2019-01-12", "#adm1+dest+code": "SY12", "#adm1+dest+name": "Nowhere", "#affected+returnees+idps+num": "9"])
        #expect(unknown.problems.map(\.code) == ["import.place.nameUnknown"] && unknown.records.count == 1)
        let agreeing = try check(["#date": "2019-01-12", "#loc+crossing+code": "LBN-01", "#loc+crossing+name": "جديدة يابوس", "#country+origin+code": "LBN",
                                  "#adm1+dest+code": "SY12", "#adm1+dest+name": "DARA", "#affected+returnees+refugees+num": "9"])
        #expect(agreeing.problems.isEmpty, "\(agreeing.problems)")
        // The gazetteer's Russian name is its own name too.
        let russian = Gazetteer(homeCountry: "SYR", areas: [AdminArea(pcode: "SY12", level: .adm1, nameEn: "Dar'a", nameAr: "درعا", nameRu: "Дараа", parent: nil)],
                            countries: [], crossings: [CrossingPoint(code: "JOR-01", nameEn: "Nasib", nameAr: "نصيب", nameRu: "Насиб", country: nil, adminPcode: nil)])
        let rules = MovementRules(gazetteer: russian, today: Day("2019-02-01")!, defaultOrganisation: "UNHCR")
        let layout = try ImportLayout<MovementField>(firstRows: [["#date", "#loc+crossing+code", "#loc+crossing+name", "#adm1+dest+code", "#adm1+dest+name",
                                                                   "#affected+returnees+idps+num"]])
        let inRussian = rules.check(layout.draft(row: ["2019-01-12", "JOR-01", "Насиб", "SY12", "Дараа", "9"], number: 2))
        #expect(inRussian.problems.isEmpty && inRussian.records.count == 1, "\(inRussian.problems)")
    }

    /// A KoboToolbox export of labels gives the category in the form's language.
    @Test func aCategoryIsReadInEnglishArabicOrRussian() {
        for text in ["refugee", "Refugees", "لاجئ", "اللاجئين", "беженцы", "Беженец"] { #expect(MovementRules.category(text) == .refugee, "\(text)") }
        for text in ["IDP", "internally displaced persons", "نازح", "نازحون داخلياً", "ВПЛ", "внутренне перемещённые лица"] {
            #expect(MovementRules.category(text) == .idp, "\(text)")
        }
        for text in ["returnee", "مقيم", "житель", ""] { #expect(MovementRules.category(text) == nil, "\(text)") }
    }

    @Test func oneRowMayCarryRefugeesAndIDPs() throws {
        let outcome = try check(["#date": "2019-01", "#adm1+dest+code": "SY12", "#affected+returnees+refugees+num": "10",
                                 "#affected+returnees+idps+num": "1,250"])
        #expect(outcome.records.map(\.persons).sorted() == [10, 1250])
        #expect(Set(outcome.records.map(\.key)).count == 2)
    }

    /// A row that gives its count or its period two ways is refused naming both: keeping one of them silently put a
    /// month's figure on one day, or lost one of two counts.
    @Test func aCountOrAPeriodGivenTwoWaysIsRefusedNamingBoth() throws {
        let dated = try check(["#date": "2019-01-15", "#date+start": "2019-01-01", "#date+end": "2019-01-31", "#adm1+dest+code": "SY12",
                               "#affected+returnees+idps+num": "5"])
        #expect(dated.records.isEmpty && dated.problems.map(\.column) == ["#date"])
        #expect(dated.problems.first?.reason == "the row gives both a date and #date+start: give one, a date, or a start and an end")
        let json = #"[{"date": "2019-01-15", "destination": "SY12", "category": "refugee", "persons": 5, "refugees": 7}]"#
        let draft = try #require(try JSONRecords.drafts(from: Data(json.utf8), as: MovementField.self, listKey: "movements").first)
        let counted = rules.check(draft)
        #expect(counted.records.isEmpty && counted.problems.map(\.column) == ["persons"])
        #expect(counted.problems.first?.reason == "the row gives persons and also refugees: give the count one way")
        let contradicting = #"[{"date": "2019-01-15", "destination": "SY12", "category": "idp", "refugees": 3}]"#
        let said = rules.check(try #require(try JSONRecords.drafts(from: Data(contradicting.utf8), as: MovementField.self, listKey: "movements").first))
        #expect(said.records.isEmpty && said.problems.map(\.column) == ["category"] && said.problems.first?.reason.contains("refugees") == true)
        let agreeing = #"[{"date": "2019-01-15", "destination": "SY12", "category": "idp", "idps": 3}]"#
        #expect(rules.check(try #require(try JSONRecords.drafts(from: Data(agreeing.utf8), as: MovementField.self, listKey: "movements").first)).records.count == 1)
    }

    /// A record without an id is known by its keys and values as sent, a null among them: records stored before are keyed so,
    /// and a retry of a batch sent with nulls must find them (a null read as a key left out would count it twice).
    @Test func aRecordWithoutAnIdIsKnownByItsKeysAsSentANullAmongThem() throws {
        func key(_ json: String) throws -> String? {
            let draft = try #require(try JSONRecords.drafts(from: Data(json.utf8), as: MovementField.self, listKey: "movements").first)
            return rules.check(draft).records.first?.key
        }
        let plain = try key(#"[{"date": "2019-01-15", "destination": "SY12", "category": "refugee", "persons": 21}]"#)
        #expect(plain != nil)
        let withNull = try key(#"[{"date": "2019-01-15", "destination": "SY12", "category": "refugee", "persons": 21, "source": null}]"#)
        #expect(withNull != plain)
        #expect(try key(#"[{"source": null, "persons": 21, "date": "2019-01-15", "category": "refugee", "destination": "SY12"}]"#) == withNull)
        #expect(try key(#"[{"date": "2019-01-15", "destination": "SY12", "category": "refugee", "persons": 21, "source": "SARC"}]"#) != plain)
    }

    @Test func datesAreRealAndNotInTheFuture() throws {
        #expect(reasons(try check(["#date": "2019-02-30", "#adm1+dest+code": "SY12", "#affected+returnees+idps+num": "5"]))
            .first?.contains("not a real date") == true)
        #expect(reasons(try check(["#date": "2019-02-02", "#adm1+dest+code": "SY12", "#affected+returnees+idps+num": "5"]))
            .first?.contains("in the future") == true)
        #expect(reasons(try check(["#date+start": "2019-01-10", "#date+end": "2019-01-09", "#adm1+dest+code": "SY12",
                                   "#affected+returnees+idps+num": "5"])).first?.contains("ends before it starts") == true)
        let period = try check(["#date+start": "2019-01-10", "#date+end": "2019-01", "#adm1+dest+code": "SY12", "#affected+returnees+idps+num": "5"])
        #expect(period.records.first?.period == Period(start: Day("2019-01-10")!, end: Day("2019-01-31")!))
    }

    /// A date column a spreadsheet wrote as its day numbers is refused saying which day the number stands for, in every
    /// field a date is read from; other numbers stay "not a real date".
    @Test func aSpreadsheetsDayNumberIsRefusedNamingItsDay() throws {
        let outcome = try check(["#date": "43466", "#adm1+dest+code": "SY12", "#affected+returnees+idps+num": "5"])
        #expect(outcome.records.isEmpty && outcome.problems.first?.code == "import.date.spreadsheetNumber" && outcome.problems.first?.value == "43466")
        #expect(try Catalogue.bundled(.en).text(outcome.problems.first!.message).contains("writes 1 January 2019 so"))
        let span = try check(["#date+start": "43466", "#date+end": "2019-01-31", "#adm1+dest+code": "SY12", "#affected+returnees+idps+num": "5"])
        #expect(span.problems.first?.code == "import.date.spreadsheetNumber" && span.problems.first?.column == "#date+start")
        #expect(DraftChecks<MovementField>.spreadsheetDay("43466.5") == Day("2019-01-01"), "a date and time")
        for other in ["12345", "99999", "43466.", "043466", "43466.5x"] {
            #expect(try check(["#date": other, "#adm1+dest+code": "SY12", "#affected+returnees+idps+num": "5"]).problems.first?.code == "import.date.invalid", "\(other)")
        }
        #expect(DraftChecks<MovementField>.spreadsheetDay("45600") == Day("2024-11-04"))
    }

    /// A year typed wrongly (1, 1850) is refused with the year every question starts from, not counted in totals that no
    /// query can then ask for.
    @Test func aDateBeforeTheFirstYearAnyQueryAsksForIsRefused() throws {
        for early in ["0001-01-01", "1850-03-02", "1899-12", "1899"] {
            let outcome = try check(["#date": early, "#adm1+dest+code": "SY12", "#affected+returnees+idps+num": "5"])
            #expect(outcome.problems.first?.code == "import.date.tooEarly" && outcome.problems.first?.column == "#date", "\(early)")
        }
        let span = try check(["#date+start": "1899-12-31", "#date+end": "1900-01-02", "#adm1+dest+code": "SY12", "#affected+returnees+idps+num": "5"])
        #expect(span.problems.first?.code == "import.date.tooEarly" && span.problems.first?.column == "#date+start")
        #expect(try check(["#date": "1900-01-01", "#adm1+dest+code": "SY12", "#affected+returnees+idps+num": "5"]).records.count == 1)
        #expect(try Catalogue.bundled(.en).text(Message("import.date.tooEarly", ["year": .serial(1900)])) == "the date is before 1900: check the year")
    }

    @Test func personsIsAWholeNumber() throws {
        for bad in ["-3", "2.5", "many", "1,23", "10000001", "99999999999999999999"] {
            let outcome = try check(["#date": "2019-01", "#adm1+dest+code": "SY12", "#affected+returnees+idps+num": bad])
            #expect(outcome.isRejected, "\(bad)")
            #expect(outcome.problems.first?.column == "#affected+returnees+idps+num")
            #expect(outcome.problems.first?.value == bad)
        }
        // Too many is said so, however many digits: not "a whole number above zero"; a fraction is not too many.
        #expect(MovementRules.isTooLong("99,999,999,999,999,999,999") && !MovementRules.isTooLong("99,99") && !MovementRules.isTooLong("12"))
        #expect(MovementRules.isTooLong("99999999999999999999.0") && !MovementRules.isTooLong("1.5") && !MovementRules.isTooLong("-1.5"))
        for fraction in ["1.5", "2.5", "-1.5"] {
            let outcome = try check(["#date": "2019-01", "#adm1+dest+code": "SY12", "#affected+returnees+idps+num": fraction])
            #expect(outcome.problems.first?.code == "import.persons.notWhole", "\(fraction)")
        }
        // A minus sign, as every kind's counts say it, written by a keyboard or a word processor.
        for negative in ["-3", "\u{2212}3", "-1,200"] {
            let outcome = try check(["#date": "2019-01", "#adm1+dest+code": "SY12", "#affected+returnees+idps+num": negative])
            #expect(outcome.problems.first?.code == "import.number.negative", "\(negative)")
        }
        for huge in ["10000001", "99999999999999999999", "99,999,999,999,999,999,999"] {
            let outcome = try check(["#date": "2019-01", "#adm1+dest+code": "SY12", "#affected+returnees+idps+num": huge])
            #expect(outcome.problems.first?.code == "import.persons.tooMany", "\(huge)")
        }
        // A 0 is a record of nobody, written so: it withdraws what its key holds, if anything (KeyReplay).
        let zero = try check(["#date": "2019-01", "#adm1+dest+code": "SY12", "#affected+returnees+idps+num": "0"])
        #expect(!zero.isRejected && zero.records.map(\.persons) == [0] && zero.records[0].countWritten && zero.ignored == 0)
        #expect(MovementRules.wholeNumber("12 838") == 12838)
        #expect(MovementRules.wholeNumber("12838.0") == 12838)
        // 1.000 is a thousand to one writer and one to another: refused as such, where it was read as 1; 1.0 and 0.000 are not.
        let thousand = try check(["#date": "2019-01", "#adm1+dest+code": "SY12", "#affected+returnees+idps+num": "1.000"])
        #expect(thousand.problems.map(\.code) == ["import.number.pointEitherWay"])
        // Said of the number given, not of an example: 2.500 is 2500 or 2.5.
        let twoAndAHalf = try check(["#date": "2019-01", "#adm1+dest+code": "SY12", "#affected+returnees+idps+num": "2.500"])
        #expect(twoAndAHalf.problems.first.map { Catalogue.english.text($0.message) }?.hasSuffix("(2.500 is 2500 where a point groups thousands, "
                                                                                                  + "2.5 where it is the decimal sign): write 2500 or 2.5") == true)
        #expect(MovementRules.wholeNumber("150.000") == nil && MovementRules.wholeNumber("1.0") == 1 && MovementRules.wholeNumber("0.000") == 0)
        #expect(MovementRules.wholeNumber("1.0000") == 1 && !ScaledNumber.readsEitherWay("0,500"))
        // The group separators spreadsheets write in Russian and French: a no-break space, a narrow one, a thin one.
        #expect(["1\u{00A0}300", "1\u{202F}300", "1\u{2009}300"].map(MovementRules.wholeNumber) == [1300, 1300, 1300])
    }

    /// What one file's records of one key leave: imported or updated once, their later changes ignored (versions of the file's
    /// own, never in force), and a key the file records and takes back with a 0 left as if none of them had been.
    @Test func aFileRecordsAKeyOnceAndWhatItTakesBackItNeverRecorded() throws {
        let record = { (persons: String) in try self.check(["#date": "2019-01", "#adm1+dest+code": "SY12", "#affected+returnees+idps+num": persons,
                                                            "#meta+id": "x"]).records[0] }
        let (forty, fortyFive, zero) = (try record("40"), try record("45"), try record("0"))
        let twice = KeyReplay([forty, fortyFive], over: nil)
        #expect((twice.imported, twice.updated, twice.ignored, twice.final) == (1, 0, 1, 1))
        let takenBack = KeyReplay([forty, zero], over: nil)
        #expect((takenBack.imported, takenBack.updated, takenBack.ignored, takenBack.final) == (0, 0, 2, nil))
        let corrected = KeyReplay([forty, fortyFive], over: KeyReplay.Stored(fingerprint: zero.fingerprint, persons: 30))
        #expect((corrected.imported, corrected.updated, corrected.ignored, corrected.final) == (0, 1, 1, 1))
    }

    /// Cells copied from an Arabic spreadsheet carry marks that show nothing (a right-to-left mark before a code or a
    /// count, a zero-width space after one): read as the code or count they mark, not refused as looking like one.
    @Test func marksThatShowNothingAtACellsEndsAreNotPartOfIt() throws {
        let outcome = try check(["#date": "\u{200F}2019-01-05", "#loc+crossing+code": "\u{200F}JOR-01\u{200B}",
                                 "#affected+returnees+refugees+num": "\u{200F}79\u{200E}", "#country+origin+code": "\u{FEFF}JOR\u{2066}"])
        #expect(!outcome.isRejected, "\(reasons(outcome))")
        #expect(outcome.records.map(\.crossing) == ["JOR-01"] && outcome.records.map(\.persons) == [79])
    }

    /// A row that fills one category column leaves the other blank: that blank is a 0 for its key, so that a row moved
    /// from refugees to IDPs (a form edited in the field) withdraws its refugees; it is not one the row wrote, and the
    /// other category's rules on origin do not refuse the row for it.
    @Test func aBlankCategoryCellIsAZeroTheRowDidNotWrite() throws {
        let idps = try check(["#date": "2019-01-12", "#adm1+origin+code": "SY08", "#adm1+dest+code": "SY12",
                              "#affected+returnees+refugees+num": "", "#affected+returnees+idps+num": "45", "#meta+id": "u9", "#org": "UNHCR"])
        #expect(idps.problems.isEmpty, "\(reasons(idps))")
        #expect(idps.records.map(\.category) == [.idp, .refugee] && idps.records.map(\.persons) == [45, 0])
        #expect(idps.records.map(\.countWritten) == [true, false])
        let moved = try check(["#date": "2019-01-12", "#loc+crossing+code": "LBN-01", "#country+origin+code": "LBN", "#adm1+dest+code": "SY12",
                               "#affected+returnees+refugees+num": "45", "#affected+returnees+idps+num": "", "#meta+id": "u9", "#org": "UNHCR"])
        #expect(moved.records.map(\.key).reversed() == idps.records.map(\.key), "one key per category of the id, whichever is blank")
        // A row with one category column has no blank to read.
        let one = try check(["#date": "2019-01-12", "#adm1+dest+code": "SY12", "#affected+returnees+idps+num": "45"])
        #expect(one.records.count == 1)
    }

    /// A P-code in small letters is the area's code; refugees through an internal crossing are kept, and said to be odd.
    @Test func aPCodeInSmallLettersIsReadAndRefugeesThroughAnInternalCrossingAreWarnedOf() throws {
        let lower = try check(["#date": "2019-01-12", "#loc+crossing+code": "LBN-01", "#adm1+dest+code": "sy12", "#affected+returnees+refugees+num": "5"])
        #expect(lower.problems.isEmpty && lower.records.first?.destination[.adm1] == "SY12", "\(reasons(lower))")
        let inside = try check(["#date": "2019-01-12", "#loc+crossing+code": "INT-01", "#country+origin+code": "LBN", "#adm1+dest+code": "SY12",
                                "#affected+returnees+refugees+num": "5"])
        #expect(!inside.isRejected && inside.records.count == 1)
        #expect(inside.problems.map(\.code) == ["import.refugees.internalCrossing"] && inside.problems.first?.column == "#loc+crossing+code")
        let idps = try check(["#date": "2019-01-12", "#loc+crossing+code": "INT-01", "#adm1+origin+code": "SY08", "#adm1+dest+code": "SY12",
                              "#affected+returnees+idps+num": "5"])
        #expect(idps.problems.isEmpty, "\(reasons(idps))")
        // A crossing named by the name the other side gives it, or by its code in the name's column.
        for name in ["Masnaa", "masnaa (al-masnaa)", "LBN-01", "lbn-01"] {
            let named = try check(["#date": "2019-01-12", "#loc+crossing+name": name, "#country+origin+code": "LBN", "#adm1+dest+code": "SY12",
                                   "#affected+returnees+refugees+num": "5"])
            #expect(named.records.first?.crossing == "LBN-01", "\(name): \(reasons(named))")
        }
    }

    /// A count past 100,000 a day is kept and warned of at its cell (a digit too many is the likelier cause); a monthly
    /// figure of that size is not past it.
    @Test func aCountPastAnyDaysFlowIsKeptAndWarnedOf() throws {
        let typo = try check(["#date": "2019-01-12", "#loc+crossing+code": "LBN-01", "#country+origin+code": "LBN", "#adm1+dest+code": "SY12",
                              "#affected+returnees+refugees+num": "9000000"])
        #expect(!typo.isRejected && typo.records.map(\.persons) == [9_000_000])
        #expect(typo.problems.map { "\($0.code) \($0.column) \($0.severity)" } == ["import.persons.implausible #affected+returnees+refugees+num warning"],
                "\(reasons(typo))")
        #expect(Catalogue.english.text(typo.problems[0].message) == "more than 100,000 people in one day: kept as given; if a digit is too many, send the row again corrected")
        let month = try check(["#date": "2019-01", "#adm1+dest+code": "SY12", "#affected+returnees+idps+num": "900000"])
        #expect(month.problems.isEmpty, "\(reasons(month))")
        let heavyMonth = try check(["#date": "2019-01", "#adm1+dest+code": "SY12", "#affected+returnees+idps+num": "3200000"])
        #expect(Catalogue.english.text(heavyMonth.problems[0].message).hasPrefix("more than 100,000 people a day over 31 days"))
    }

    @Test func codesMustExist() throws {
        #expect(reasons(try check(["#date": "2019-01", "#loc+crossing+code": "XXX-9", "#affected+returnees+refugees+num": "5"]))
            .first?.contains("unknown crossing point") == true)
        #expect(reasons(try check(["#date": "2019-01", "#loc+crossing+code": "LBN-01", "#country+origin+code": "ZZZ",
                                   "#affected+returnees+refugees+num": "5"])).first?.contains("unknown country") == true)
    }

    @Test func crossingsAndCountriesAreFoundByName() throws {
        let outcome = try check(["#date": "2019-01", "#loc+crossing+name": "jdeidet yabous", "#country+origin": "Ливан",
                                 "#affected+returnees+refugees+num": "5"])
        #expect(outcome.records.first?.crossing == "LBN-01")
        #expect(outcome.records.first?.origin == .country("LBN"))
    }

    @Test func refugeesComeFromAnotherCountryAndIDPsFromInside() throws {
        #expect(reasons(try check(["#date": "2019-01", "#adm1+dest+code": "SY12", "#country+origin+code": "SYR",
                                   "#affected+returnees+refugees+num": "5"])).first?.contains("country other than SYR") == true)
        let fromArea = try check(["#date": "2019-01", "#adm1+dest+code": "SY12", "#adm1+origin+code": "SY08", "#affected+returnees+refugees+num": "5"])
        #expect(reasons(fromArea).first?.contains("origin is a country") == true)
        #expect(fromArea.problems.first.map { "\($0.column) \($0.value)" } == "#adm1+origin+code SY08", "named by the cell that gave the area")
        // Beside the country, the area is not kept, and the row says so rather than dropping it unsaid.
        let both = try check(["#date": "2019-01", "#adm1+dest+code": "SY12", "#country+origin+code": "LBN", "#adm1+origin+code": "SY08",
                              "#affected+returnees+refugees+num": "5"])
        #expect(both.records.first?.origin == .country("LBN"))
        #expect(both.problems.map { "\($0.severity) \($0.code) \($0.column) \($0.value)" } == ["warning import.refugees.areaNotKept #adm1+origin+code SY08"])
        // The country given as #loc+origin+code beside the area's column is no area: the area's column is named.
        let locCountry = try check(["#date": "2019-01", "#adm1+dest+code": "SY12", "#loc+origin+code": "LBN", "#adm1+origin+code": "SY08",
                                    "#affected+returnees+refugees+num": "5"])
        #expect(locCountry.problems.map { "\($0.code) \($0.column)" } == ["import.refugees.areaNotKept #adm1+origin+code"], "\(locCountry.problems)")
        #expect(reasons(try check(["#date": "2019-01", "#adm1+dest+code": "SY12", "#country+origin+code": "LBN",
                                   "#affected+returnees+idps+num": "5"])).first?.contains("not another country") == true)
        let idp = try check(["#date": "2019-01", "#adm1+dest+code": "SY12", "#adm1+origin+code": "SY08", "#affected+returnees+idps+num": "5"])
        #expect(idp.records.first?.origin == .area("SY08"))
    }

    @Test func placesMustAgreeWithEachOther() throws {
        let outcome = try check(["#date": "2019-01", "#adm3+dest+code": "SY080006", "#adm4+dest+code": "C5999",
                                 "#affected+returnees+idps+num": "5"])
        #expect(outcome.isRejected)
        #expect(outcome.problems.first?.reason.contains("lies in the sub-district SY120000") == true)
    }

    @Test func anUnknownCommunityIsKeptAtItsKnownSubDistrictWithAWarning() throws {
        let outcome = try check(["#date": "2019-01", "#adm3+dest+code": "SY080006", "#adm4+dest+code": "C9999",
                                 "#affected+returnees+idps+num": "5"])
        #expect(!outcome.isRejected)
        #expect(outcome.problems.first?.severity == .warning)
        #expect(outcome.problems.first?.value == "C9999")
        #expect(outcome.records.first?.destination.finest == "SY080006")
    }

    @Test func aRowWithNoKnownPlaceIsRejected() throws {
        let outcome = try check(["#date": "2019-01", "#adm3+dest+code": "SY999999", "#adm4+dest+code": "C9999",
                                 "#affected+returnees+idps+num": "5"])
        #expect(outcome.isRejected)
        #expect(outcome.problems.first?.reason.contains("no known coarser area") == true)
    }

    @Test func aMovementNeedsACrossingOrADestination() throws {
        let layout = try ImportLayout<MovementField>(firstRows: [["#date", "#loc+crossing+code", "#affected+returnees+idps+num"]])
        let outcome = rules.check(layout.draft(row: ["2019-01", "", "5"], number: 2))
        #expect(outcome.problems.first?.reason.contains("crossing point or a destination") == true)
    }

    @Test func areasAreFoundByNameWithinTheirParent() throws {
        let outcome = try check(["#date": "2019-01", "#adm1+dest+name": "DAR'A", "#adm4+dest+name": "نصيب",
                                 "#affected+returnees+idps+num": "5"])
        #expect(outcome.records.first?.destination.finest == "C5999")
    }

    @Test func aRowNeedsAnOrganisation() throws {
        let noDefault = MovementRules(gazetteer: sampleGazetteer, today: Day("2019-02-01")!)
        let layout = try ImportLayout<MovementField>(firstRows: [["#date", "#adm1+dest+code", "#affected+returnees+idps+num"]])
        let outcome = noDefault.check(layout.draft(row: ["2019-01", "SY12", "5"], number: 2))
        #expect(outcome.problems.first?.reason.contains("no reporting organisation") == true)
    }

    @Test func keysFollowIdsOrContentButNeverCounts() throws {
        let a = try check(["#date": "2019-01", "#adm1+dest+code": "SY12", "#affected+returnees+idps+num": "5"])
        let b = try check(["#date": "2019-01", "#adm1+dest+code": "SY12", "#affected+returnees+idps+num": "6"])
        let c = try check(["#date": "2018-12", "#adm1+dest+code": "SY12", "#affected+returnees+idps+num": "5"])
        #expect(a.records[0].key == b.records[0].key)
        #expect(a.records[0].fingerprint != b.records[0].fingerprint)
        #expect(a.records[0].key != c.records[0].key)
        let d = try check(["#date": "2019-01", "#adm1+dest+code": "SY12", "#meta+id": "r1", "#affected+returnees+idps+num": "5"])
        let e = try check(["#date": "2019-01", "#adm1+dest+code": "SY08", "#meta+id": "r1", "#affected+returnees+idps+num": "5"])
        #expect(d.records[0].key == e.records[0].key)
    }
}
