import Testing
@testable import HomewardCore

@Suite struct LanguageTests {
    @Test func arabicRunsRightToLeftAndTheOthersLeftToRight() {
        #expect(Language.ar.direction == .rtl)
        #expect(Language.en.direction == .ltr)
        #expect(Language.ru.direction == .ltr)
    }

    @Test func codesAreWhatURLsAndTheLangAttributeUse() {
        #expect(Language(rawValue: "ar") == .ar)
        #expect(Language(rawValue: "fr") == nil)
        #expect(Language.allCases.map(\.rawValue) == ["en", "ru", "ar"])
    }
}
