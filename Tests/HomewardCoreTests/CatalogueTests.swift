import Foundation
import Testing
@testable import HomewardCore

@Suite struct CatalogueTests {
    static func entries(_ language: Language) throws -> [String: CatalogueEntry] {
        try Catalogue.bundled(language).entries
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
        #expect(latest.segments == [.text("آخر البيانات: "), .argument(name: "day", text: "٢٩ حزيران، ٢٠٢٠", leftToRight: false)])
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
            #expect(entry.choices == Set(Vocabulary.allCases.map { "via=\($0.rawValue)" }), "\(language.rawValue).json: \(key)")
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

    @Test func levelsAreWrittenAsTheLanguageNamesThem() throws {
        #expect(try Catalogue.bundled(.ru).string(.level(.adm3)) == "подрайон")
        #expect(try Catalogue.bundled(.ar).string(.level(.adm1)) == "محافظة")
        #expect(MessageArgument.level(.adm3).wireText == "adm3")
        #expect(MessageArgument.day(Day(year: 2019, month: 2, day: 1)!).wireText == "2019-02-01")
        #expect(MessageArgument.count(12_345).wireText == "12345")
    }
}
