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
        // Other letters are other names: accents and punctuation are not folded.
        #expect(names.knownSpelling(of: "UNHCR Syria") == nil)
        #expect(names.knownSpelling(of: "Croissant-Rouge") == nil && names.knownSpelling(of: "Croissant Rouge") == nil)
    }

    @Test func aNewNameIsKnownFromThenOnAsFirstWritten() {
        var names = OrganisationNames([])
        #expect(names.knownSpelling(of: "IOM") == nil)
        #expect(names.knownSpelling(of: "IOM") == nil)
        #expect(names.knownSpelling(of: "iom") == "IOM")
    }
}
