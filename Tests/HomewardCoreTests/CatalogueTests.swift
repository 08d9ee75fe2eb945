import Foundation
import Testing
@testable import HomewardCore

@Suite struct CatalogueTests {
    static func entries(_ language: Language) throws -> [String: CatalogueEntry] {
        try Catalogue.bundled(language).entries
    }

    /// Bulletins published before a figure's coverage was written beside it render as they always did: the
    /// part has nothing to say without its argument.
    @Test func aSourceFigureOfAnOlderSnapshotReadsAsItWasPublished() throws {
        let en = try Catalogue.bundled(.en)
        let old: [String: MessageArgument] = ["organisation": .text("Ministry"), "date": .day(Day("2020-06-29")!), "qualifier": .code("exact"),
                                              "count": .count(600), "measure": .text("returns")]
        #expect(en.text("bulletin.sources.figure", old) == "Ministry, 29 June 2020: 600 (returns)")
        var new = old
        new["coverage"] = .code("since")
        new["since"] = .day(Day("2019-01-01")!)
        #expect(en.text("bulletin.sources.figure", new) == "Ministry, 29 June 2020: 600 (returns, cumulative since 1 January 2019)")
    }

    /// A Russian date ends in "г.": a sentence that ends on one takes no second full stop, in a statement or a page.
    /// Latin digits asked for are the entry's own numbers' too, not only its arguments': "12 characters", not "١٢".
    @Test func anEntrysOwnNumbersAreInTheDigitsAsked() throws {
        #expect(try Catalogue.bundled(.ar, digits: .latin).text("account.password.short") == "يجب ألا تقل كلمة المرور عن 12 حرفاً.")
        #expect(try Catalogue.bundled(.ar).text("account.password.short") == "يجب ألا تقل كلمة المرور عن ١٢ حرفاً.")
    }

    @Test func aSentenceEndingOnADateThatEndsInAFullStopTakesNoSecond() throws {
        let ru = try Catalogue.bundled(.ru)
        let warning = ru.text("camps.warning.deadlineForecast", ["days": .count(14), "end": .day(Day("2026-12-20")!), "deadline": .day(Day("2026-12-08")!)])
        #expect(warning.hasSuffix("позже срока 8 декабря 2026\u{202F}г."), "\(warning)")
        #expect(!warning.contains("г.."))
        // Elsewhere the full stop stays: after a number, and in English after a date.
        #expect(try Catalogue.bundled(.en).text("camps.warning.deadlineForecast", ["days": .count(14), "end": .day(Day("2026-12-20")!),
                                                                                    "deadline": .day(Day("2026-12-08")!)]).hasSuffix("2026."))
    }

    /// No language lacks a phrase, and each phrase takes the arguments the code gives the English one.
    @Test(arguments: [Language.ru, .ar])
    func everyEnglishKeyExistsWithTheSameArguments(_ language: Language) throws {
        let english = try Self.entries(.en)
        let other = try Self.entries(language)
        #expect(!english.isEmpty)
        for (key, entry) in english.sorted(by: { $0.key < $1.key }) {
            let translated = try #require(other[key], "\(language.rawValue).json lacks \(key)")
            #expect(translated.argumentNames == entry.argumentNames, "\(language.rawValue).json: \(key)")
            #expect(translated.choices == entry.choices, "\(language.rawValue).json: \(key) has other variants")
        }
        #expect(Set(other.keys).subtracting(english.keys).isEmpty, "keys in \(language.rawValue).json that en.json lacks")
    }

    /// Plural entries have a form for every category the language's rules give, so no count falls back
    /// to a wrong form.
    @Test(arguments: Language.allCases)
    func pluralEntriesCoverEveryCategoryOfTheirLanguage(_ language: Language) throws {
        let used = Set((0...1_000).map { PluralCategory.of($0, in: language) })
        for (key, entry) in try Self.entries(language) {
            for forms in entry.pluralForms {
                #expect(used.isSubset(of: Set(forms.keys)), "\(language.rawValue).json: \(key) lacks \(used.subtracting(forms.keys))")
            }
        }
    }

    /// A brace in a catalogue text is always a placeholder, never a typo such as `{count` or `{ count }`.
    @Test(arguments: Language.allCases)
    func everyBraceOpensAPlaceholder(_ language: Language) throws {
        for (key, entry) in try Self.entries(language) {
            for text in entry.texts {
                let braces = text.filter { $0 == "{" || $0 == "}" }.count
                #expect(braces == 2 * CatalogueEntry.placeholders(in: text).count, "\(language.rawValue).json: \(key)")
            }
        }
    }

    /// Russian's `one` holds 21 and 31 too: a text that writes no count is for exactly one, and 21 reads its number.
    @Test func aTextWithoutItsCountIsForExactlyOne() throws {
        let ru = try Catalogue.bundled(.ru)
        let names = MessageArgument.text("A, B")
        #expect(ru.text("bulletin.participants", ["count": .count(1), "organisations": names]) == "Участник: A, B.")
        #expect(ru.text("bulletin.participants", ["count": .count(21), "organisations": names]) == "Участники (21): A, B.")
        #expect(ru.text("camps.operation.forecastNone", ["days": .count(31)]).hasPrefix("За последний 31 день"))
        #expect(ru.text("camps.operation.forecastNone", ["days": .count(1)]).hasPrefix("За последний день"))
        let scale: (Int) -> [String: MessageArgument] = { ["first": .count(1), "cycles": .count($0), "top": .count(3_500)] }
        #expect(ru.text("camps.chart.scale", scale(1)).hasPrefix("Один цикл слева направо"))
        #expect(ru.text("camps.chart.scale", scale(21)).hasPrefix("Циклы 1–21 слева направо"))
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(CatalogueEntry.self, from: Data(#"{"plural": "n", "=2": "two", "other": "{n}"}"#.utf8))
        }
    }

    @Test func countsPickTheirPluralFormAndTheLanguagesDigits() throws {
        let ru = try Catalogue.bundled(.ru)
        #expect(ru.text("overview.movements", ["count": .count(21)]) == "21 запись о перемещении")
        #expect(ru.text("overview.movements", ["count": .count(3)]) == "3 записи о перемещениях")
        #expect(ru.text("overview.movements", ["count": .count(11)]) == "11 записей о перемещениях")
        #expect(ru.text("overview.movements", ["count": .count(1_205)]) == "1\u{00A0}205 записей о перемещениях")
        let ar = try Catalogue.bundled(.ar)
        #expect(ar.text("overview.movements", ["count": .count(2)]) == "حركتان مسجّلتان")
        #expect(ar.text("overview.movements", ["count": .count(3)]) == "٣ حركات مسجّلة")
        #expect(ar.text("overview.movements", ["count": .count(100)]) == "١٠٠ حركة مسجّلة")
        let en = try Catalogue.bundled(.en)
        #expect(en.text("overview.movements", ["count": .count(1)]) == "1 movement recorded")
        #expect(en.text("overview.movements", ["count": .count(1_234)]) == "1,234 movements recorded")
    }

    @Test func argumentsAreMarkedSoThatPagesCanKeepNumbersLeftToRight() throws {
        let ar = try Catalogue.bundled(.ar)
        let phrase = ar.phrase("overview.change", ["change": .change(900), "days": .count(7), "before": .count(300)])
        #expect(phrase.segments.first == .argument(name: "change", text: "\u{061C}+٩٠٠", leftToRight: false))
        #expect(phrase.segments[2] == .argument(name: "days", text: "٧", leftToRight: true))
        #expect(phrase.text == "\u{061C}+٩٠٠ مقارنةً بالأيام الـ٧ السابقة (٣٠٠)")
        let latest = ar.phrase("overview.latest", ["day": .day(Day(year: 2020, month: 6, day: 29)!)])
        #expect(latest.segments == [.text("آخر البيانات: "), .argument(name: "day", text: "٢٩ حزيران ٢٠٢٠", leftToRight: false)])
    }

    /// A gap shows as the key or the placeholder, so that a snapshot or a reader sees it.
    @Test func aMissingKeyOrArgumentShowsItself() throws {
        let en = try Catalogue.bundled(.en)
        #expect(en.text("no.such.key") == "no.such.key")
        #expect(en.text("overview.latest") == "Latest data: {day}")
    }

    @Test func placeholdersAreNamesInBraces() {
        #expect(CatalogueEntry.placeholders(in: "{change} against {days} days ({before})") == ["change", "days", "before"])
        #expect(CatalogueEntry.placeholders(in: "a { b } {} {x-y} {ok}") == ["ok"])
    }

    @Test func pluralFormsWithoutOtherOrWithAnUnknownCategoryAreRefused() {
        #expect(throws: DecodingError.self) {
            try Catalogue(language: .en, json: Data(#"{"k": {"plural": "count", "one": "x"}}"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try Catalogue(language: .en, json: Data(#"{"k": {"plural": "count", "several": "x", "other": "y"}}"#.utf8))
        }
    }

    /// A message that names an option has the command line's words and the API's, in every language.
    @Test(arguments: Language.allCases)
    func variantsByVocabularyCoverBothCallers(_ language: Language) throws {
        let vias = try Self.entries(language).filter { $0.value.argumentNames.contains("via") }
        #expect(!vias.isEmpty)
        for (key, entry) in vias {
            #expect(entry.choices.filter { $0.hasPrefix("via=") } == Set(Vocabulary.allCases.map { "via=\($0.rawValue)" }), "\(language.rawValue).json: \(key)")
        }
    }

    @Test func variantsAreChosenByTheirArgumentAndMayHoldPluralForms() throws {
        let catalogue = try Catalogue(language: .ru, json: Data(#"""
            {"k": {"select": "via", "cli": "--org", "api": {"plural": "n", "one": "{n} параметр", "few": "{n} параметра", "many": "{n} параметров", "other": "{n} параметра"}},
             "o": {"select": "role", "origin": "откуда", "other": "куда"}}
            """#.utf8))
        #expect(catalogue.text("k", ["via": Vocabulary.commandLine.argument]) == "--org")
        #expect(catalogue.text("k", ["via": Vocabulary.api.argument, "n": .count(5)]) == "5 параметров")
        #expect(catalogue.text("k") == "{via}")
        #expect(catalogue.text("o", ["role": .code("origin")]) == "откуда")
        #expect(catalogue.text("o", ["role": .code("destination")]) == "куда")
        #expect(catalogue.entries["k"]?.argumentNames == ["via", "n"])
        #expect(catalogue.entries["k"]?.choices == ["via=cli", "via=api"])
    }

    /// A part writes a second count with its own noun; its name is no argument, and a part no text uses is refused.
    @Test func partsGiveASecondCountItsOwnPluralForm() throws {
        let catalogue = try Catalogue(language: .ru, json: Data(#"""
            {"k": {"plural": "n", "one": "{n} человек {every}", "few": "{n} человека {every}", "many": "{n} человек {every}", "other": "{n} человека {every}",
                   "parts": {"every": {"plural": "days", "one": "каждый {days} день", "few": "каждые {days} дня", "many": "каждые {days} дней", "other": "каждые {days} дня"}}},
             "t": {"text": "в пунктах {places}", "parts": {"places": {"plural": "m", "one": "{m} место", "few": "{m} места", "many": "{m} мест", "other": "{m} места"}}}}
            """#.utf8))
        #expect(catalogue.text("k", ["n": .count(3_500), "days": .count(21)]) == "3\u{00A0}500 человек каждый 21 день")
        #expect(catalogue.text("k", ["n": .count(2), "days": .count(5)]) == "2 человека каждые 5 дней")
        #expect(catalogue.text("t", ["m": .count(1_000)]) == "в пунктах 1\u{00A0}000 мест")
        #expect(catalogue.entries["k"]?.argumentNames == ["n", "days"])
        #expect(catalogue.entries["t"]?.argumentNames == ["m"])
        // the part's count is still an argument of its own, kept left to right in a page
        #expect(catalogue.phrase("t", ["m": .count(4)]).segments[1] == .argument(name: "m", text: "4", leftToRight: true))
        #expect(throws: DecodingError.self) {
            try Catalogue(language: .en, json: Data(#"{"k": {"text": "no part here", "parts": {"every": "every day"}}}"#.utf8))
        }
    }

    /// The joint statement's plan and a site's standing read right whatever the cycle's length and the counts:
    /// not "every 1 days" nor "каждый 1 день", nor Arabic's "أيام" after 14 or "شخص" after 4,467.
    @Test func secondCountsInCampsSentencesAgreeWithTheirNouns() throws {
        let en = try Catalogue.bundled(.en), ru = try Catalogue.bundled(.ru), ar = try Catalogue.bundled(.ar)
        let plan: (Int, Int) -> [String: MessageArgument] = { ["site": .text("Al-Hol"), "count": .count($0), "days": .count($1)] }
        #expect(en.text("bulletin.camps.plan.noEnd", plan(3_500, 1)) == "Al-Hol: the plan moves 3,500 people every day.")
        #expect(en.text("bulletin.camps.plan.noEnd", plan(3_500, 5)) == "Al-Hol: the plan moves 3,500 people every 5 days.")
        #expect(ru.text("bulletin.camps.plan.noEnd", plan(3_500, 21)) == "Al-Hol: по плану выезжают 3\u{00A0}500 человек за цикл в 21 день.")
        #expect(ru.text("bulletin.camps.plan.noEnd", plan(3_500, 14)) == "Al-Hol: по плану выезжают 3\u{00A0}500 человек за цикл в 14 дней.")
        #expect(ar.text("bulletin.camps.plan.noEnd", plan(3_500, 14)) == "Al-Hol: تنقل الخطة ٣٬٥٠٠ شخص كل ١٤ يوماً.")
        #expect(ar.text("bulletin.camps.plan.noEnd", plan(3_500, 2)) == "Al-Hol: تنقل الخطة ٣٬٥٠٠ شخص كل يومين.")
        #expect(ar.text("bulletin.camps.plan.noEnd", plan(3_500, 5)) == "Al-Hol: تنقل الخطة ٣٬٥٠٠ شخص كل ٥ أيام.")
        let pace: [String: MessageArgument] = ["persons": .count(4_467), "days": .count(5), "start": .day(Day(year: 2020, month: 6, day: 2)!)]
        #expect(ar.text("camps.operation.pace", pace) == "٤٬٤٦٧ شخصاً في كل دورة من ٥ أيام، ابتداءً من ٢ حزيران ٢٠٢٠")
        #expect(en.text("camps.operation.pace", pace) == "4,467 persons per cycle of 5 days, from 2 June 2020")
        let left: [String: MessageArgument] = ["site": .text("S"), "count": .count(3), "percent": .code("14.29"), "residents": .count(21),
                                               "baseline": .day(Day(year: 2020, month: 6, day: 1)!), "remaining": .count(18)]
        #expect(ru.text("bulletin.camps.left", left).contains(") из 21 жителя, учтённого 1 июня 2020"))
        #expect(ar.text("bulletin.camps.left", left).hasSuffix(") من أصل ٢١ مقيماً أُحصوا في ١ حزيران ٢٠٢٠؛ يبقى ١٨."))
        let overdrawn: [String: MessageArgument] = ["site": .code("HOL"), "date": .day(Day(year: 2020, month: 6, day: 1)!), "total": .count(22), "residents": .count(21)]
        #expect(ru.text("import.departures.overdrawn", overdrawn).contains("составило бы 22 человека — больше, чем 21 житель;"))
        #expect(en.text("camps.warning.transit", ["available": .count(1), "needed": .count(700)])
                == "the transit centres hold 1 place; the plan needs 700 at its busiest.")
    }

    /// A second count in Arabic agrees with its noun as the first does: "عن ١ من أصل عمليتين" wrote a bare digit for one action.
    @Test func theActionsThatGaveAFigureAreCountedInWords() throws {
        let ar = try Catalogue.bundled(.ar)
        let partly: (Int, Int) -> [String: MessageArgument] = { ["count": .count(40), "reporting": .count($0), "actions": .count($1)] }
        #expect(ar.text("bulletin.aid.reached.partly", partly(1, 2)).hasSuffix("عن عملية واحدة من أصل اثنتين."))
        #expect(ar.text("bulletin.aid.reached.partly", partly(2, 3)).hasSuffix("عن عمليتين من أصل ٣."))
        #expect(ar.text("bulletin.aid.reached.partly", partly(13, 14)).hasSuffix("عن ١٣ عملية من أصل ١٤."))
        // "up to" is worded in a disagreement as in the list of figures above it.
        let differ: [String: MessageArgument] = ["measure": .text("returns"), "scope": .code("country"), "coverage": .code("none"),
                                                "min": .count(4_000), "max": .count(5_000), "minQualifier": .code("up-to"), "maxQualifier": .code("more-than"),
                                                "minOrganisations": .text("B"), "maxOrganisations": .text("A")]
        let ru = try Catalogue.bundled(.ru)
        #expect(ru.text("bulletin.sources.disagreement", differ).contains("наименьшая — до 4\u{00A0}000 (B)") && ru.text("sources.qualifier.up-to") == "до")
        #expect(ar.text("bulletin.sources.disagreement", differ).contains("أدناها حتى ٤٬٠٠٠ (B)") && ar.text("sources.qualifier.up-to") == "حتى")
    }

    @Test func levelsAreWrittenAsTheLanguageNamesThem() throws {
        #expect(try Catalogue.bundled(.ru).string(.level(.adm3)) == "подрайон")
        #expect(try Catalogue.bundled(.ar).string(.level(.adm1)) == "محافظة")
        #expect(MessageArgument.level(.adm3).wireText == "adm3")
        #expect(MessageArgument.day(Day(year: 2019, month: 2, day: 1)!).wireText == "2019-02-01")
        #expect(MessageArgument.count(12_345).wireText == "12345")
    }

    /// The table by crossing point lists internal crossings beside border ones: no language heads it as the border's.
    @Test func theTableByCrossingPointIsNotHeadedAsTheBorders() throws {
        #expect(try Catalogue.bundled(.en).text("overview.byCrossing") == "By crossing point")
        #expect(try Catalogue.bundled(.ru).text("overview.byCrossing") == "По пунктам пересечения")
        #expect(try Catalogue.bundled(.ar).text("overview.byCrossing") == "حسب نقطة العبور")
    }
}
