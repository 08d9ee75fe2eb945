import Testing
@testable import HomewardCore

/// A new organisation's name against the known ones: another spelling of one is caught, a new one is not.
@Suite struct OrganisationNamesTests {
    @Test func aNameDifferingOnlyInCaseOrSpacingStandsForTheKnownOne() {
        var names = OrganisationNames(["UNHCR", "Syrian Arab Red Crescent", "الهلال الأحمر العربي السوري"])
        #expect(names.knownSpelling(of: "UNHCR") == nil)
        #expect(names.knownSpelling(of: "unhcr") == "UNHCR")
        #expect(names.knownSpelling(of: "Syrian  Arab red crescent") == "Syrian Arab Red Crescent")
        #expect(names.knownSpelling(of: "U N H C R") == "UNHCR" && names.knownSpelling(of: "UN  HCR") == "UNHCR")
        #expect(names.knownSpelling(of: "الهلال الأحمر العربي السوري") == nil)
        // What Unicode says a renderer ignores shows nothing either: a combining grapheme joiner, the Hangul fillers.
        #expect(["UNHCR\u{034F}", "UN\u{3164}HCR", "\u{115F}UNHCR", "UNH\u{180B}CR", "UN\u{2800}HCR"].map { names.knownSpelling(of: $0) }
                == Array(repeating: "UNHCR", count: 5))
        // Arabic written with or without its hamzas, the dots of a final ta or ya, short vowels or tatweel is one name.
        #expect(names.knownSpelling(of: "الهلال الاحمر العربي السوري") == "الهلال الأحمر العربي السوري")
        #expect(names.knownSpelling(of: "الهلال الأحمرُ العربيّ السوري") == "الهلال الأحمر العربي السوري")
        var governorate = OrganisationNames(["إدارة محافظة درعا"])
        #expect(governorate.knownSpelling(of: "ادارة محافظه درعا") == "إدارة محافظة درعا" && governorate.knownSpelling(of: "ادارة محافظة حمص") == nil)
        governorate.note("مديرية الشؤون")
        #expect(governorate.knownSpelling(of: "مديريه الشئون") == nil, "another letter (ئ for ؤ) is another name")
        // Other letters are other names: accents and punctuation are not folded.
        #expect(names.knownSpelling(of: "UNHCR Syria") == nil)
        #expect(names.knownSpelling(of: "Croissant-Rouge") == nil && names.knownSpelling(of: "Croissant Rouge") == nil)
    }

    /// A slip of the keys is caught; other organisations whose names are close are not taken for one.
    @Test func aNameASlipAwayFromAKnownOneIsNamedButCloseOnesAreNot() {
        let names = OrganisationNames(["UNHCR", "IOM", "NRC", "UNDP", "Area 1", "Hama Governorate Office"])
        #expect(names.nearMiss(of: "UNHRC") == "UNHCR" && names.nearMiss(of: "UNHCRR") == "UNHCR" && names.nearMiss(of: "UNHC") == "UNHCR")
        #expect(names.nearMiss(of: "IMO") == "IOM")
        #expect(["DRC", "UNEP", "Area 2", "Homs Governorate Office", "ILO", "UNHCR", "unhcr"].map(names.nearMiss(of:)) == Array(repeating: nil, count: 7))
    }

    @Test func aNewNameIsKnownFromThenOnAsFirstWritten() {
        var names = OrganisationNames([])
        #expect(names.knownSpelling(of: "IOM") == nil)
        #expect(names.knownSpelling(of: "IOM") == nil)
        #expect(names.knownSpelling(of: "iom") == "IOM")
    }
}
