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
        }
        #expect(Set(other.keys).subtracting(english.keys).isEmpty, "keys in \(language.rawValue).json that en.json lacks")
    }

    /// Plural entries have a form for every category the language's rules give, so no count falls back
    /// to a wrong form.
    @Test(arguments: Language.allCases)
    func pluralEntriesCoverEveryCategoryOfTheirLanguage(_ language: Language) throws {
        let used = Set((0...1_000).map { PluralCategory.of($0, in: language) })
        for (key, entry) in try Self.entries(language) {
            guard case .plural(_, let forms) = entry else { continue }
            #expect(used.isSubset(of: Set(forms.keys)), "\(language.rawValue).json: \(key) lacks \(used.subtracting(forms.keys))")
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
}
