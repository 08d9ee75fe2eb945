import Foundation
import Testing
@testable import HomewardCore

@Suite struct AidRulesTests {
    let today = Day("2019-06-30")!
    let types = [AidType(code: "humanitarian", nameEn: "Humanitarian"), AidType(code: "medical", nameEn: "Medical")]

    @Test func tonnesAreKeptExactlyInKilogramsAndFiguresAreWholeNumbers() throws {
        let layout = try ImportLayout<AidField>(firstRows: [["#date", "#adm4+code", "#org", "#activity+type", "#indicator+tonnes+num",
                                                             "#indicator+parcels+num", "#reached+ind+num", "#reached+medical+num", "#description"]])
        let rules = AidRules(gazetteer: sampleGazetteer, types: types, today: today)
        let good = rules.check(layout.draft(row: ["2019-03-01", "C5999", "SARC", "humanitarian", "3.5", "750", "3,000", "", "Food parcels"], number: 2))
        #expect(good.records.first?.kilograms == 3_500 && good.records.first?.parcels == 750 && good.records.first?.reached == 3_000)
        #expect(good.records.first?.place[.adm1] == "SY12" && good.records.first?.description == "Food parcels")
        let bad = rules.check(layout.draft(row: ["2019-03-01", "C5999", "SARC", "shelter", "3.5005", "many", "", "-2", ""], number: 3))
        #expect(bad.problems.map(\.code) == ["import.aid.type.unknown", "import.aid.tonnes.invalid", "import.number.invalid", "import.number.negative"])
        let negative = rules.check(layout.draft(row: ["2019-03-01", "C5999", "SARC", "humanitarian", "-1.5", "", "", "", ""], number: 3))
        #expect(negative.problems.map(\.code) == ["import.aid.tonnes.negative"], "a minus sign is the problem, not the number")
        // Below one tonne the whole part is "-0", whose reading alone dropped the sign: 0.125 t was stored.
        for text in ["-0.125", " -0.5", "-.5", "\u{2212}0.5"] {
            let small = rules.check(layout.draft(row: ["2019-03-01", "C5999", "SARC", "humanitarian", text, "", "", "", ""], number: 4))
            #expect(small.problems.map(\.code) == ["import.aid.tonnes.negative"] && small.records.isEmpty, "\(text): \(small.problems)")
        }
        let medical = rules.check(layout.draft(row: ["2019-03-02", "C4519", "WHO", "medical", "", "", "", "120", ""], number: 4))
        #expect(medical.records.first?.treated == 120 && medical.records.first?.kilograms == nil)
        // A weight of 1,234 is 1234 t to one writer and 1.234 t to another: refused, not guessed; a count's comma only groups.
        let either = rules.check(layout.draft(row: ["2019-03-01", "C5999", "SARC", "humanitarian", "1,234", "1,234", "", "", ""], number: 5))
        #expect(either.problems.map { "\($0.column) \($0.code)" } == ["#indicator+tonnes+num import.number.commaEitherWay"])
        #expect(either.problems.first.map { Catalogue.english.text($0.message) }?.hasSuffix("write 1234 or 1.234") == true)
        let threeAndAHalf = rules.check(layout.draft(row: ["2019-03-01", "C5999", "SARC", "humanitarian", "3,500", "", "", "", ""], number: 5))
        #expect(threeAndAHalf.problems.first.map { Catalogue.english.text($0.message) }?.hasSuffix("(3,500 is 3500 where a comma groups thousands, "
                                                                                                    + "3.5 where it is the decimal sign): write 3500 or 3.5") == true)
        // Too large to hold is refused as such; more than one action carries, kept and said (kilograms in a tonnes column).
        let huge = rules.check(layout.draft(row: ["2019-03-01", "C5999", "SARC", "humanitarian", "99999999999", "", "", "", ""], number: 7))
        #expect(huge.problems.map(\.code) == ["import.number.tooLarge"])
        let heavy = rules.check(layout.draft(row: ["2019-03-01", "C5999", "SARC", "humanitarian", "900000", "", "", "", ""], number: 8))
        #expect(heavy.problems.map { "\($0.severity) \($0.code)" } == ["warning import.aid.tonnes.large"] && heavy.records.first?.kilograms == 900_000_000)
        #expect(rules.check(layout.draft(row: ["2019-03-01", "C5999", "SARC", "humanitarian", "5000", "", "", "", ""], number: 9)).problems.isEmpty)
        // Leading zeros are no size: 0000000005 is 5 tonnes.
        #expect(rules.check(layout.draft(row: ["2019-03-01", "C5999", "SARC", "humanitarian", "0000000005", "", "", "", ""], number: 10)).records.first?.kilograms == 5_000)
        for unambiguous in ["1,234.5", "123,456,789.5"] {
            #expect(rules.check(layout.draft(row: ["2019-03-01", "C5999", "SARC", "humanitarian", unambiguous, "", "", "", ""], number: 6)).problems.allSatisfy { $0.code != "import.number.commaEitherWay" }, "\(unambiguous)")
        }
    }

    /// Two codes of one level are two places, not a place and the area above it: the row is refused saying so.
    @Test func twoPlacesOfOneLevelAreRefusedAsSuch() throws {
        let layout = try ImportLayout<AidField>(firstRows: [["#date", "#adm4+code", "#adm1+code", "#org", "#activity+type", "#indicator+parcels+num"]])
        let rules = AidRules(gazetteer: sampleGazetteer, types: types, today: today)
        let two = rules.check(layout.draft(row: ["2019-03-01", "SY12", "SY08", "SARC", "humanitarian", "5"], number: 2))
        #expect(two.records.isEmpty && two.problems.map(\.code) == ["import.place.twoOfOneLevel"])
        #expect(two.problems.first?.reason == "governorate: SY12 or SY08? A record lies in one place: give one of them", "\(two.problems)")
        // A level's column holds that level's codes: a community under #adm1+code, or two columns swapped, is refused as such.
        let swapped = rules.check(layout.draft(row: ["2019-03-01", "SY12", "C5999", "SARC", "humanitarian", "5"], number: 3))
        #expect(swapped.records.isEmpty && swapped.problems.map(\.code) == ["import.place.wrongLevel"] && swapped.problems.first?.column == "#adm1+code",
                "\(swapped.problems)")
        #expect(swapped.problems.first?.reason == "this P-code is a community, not a governorate")
    }

    @Test func localitiesAreCountedOnceAndWeightIsSummedExactly() throws {
        let nasib = Lineage(sampleGazetteer.lineage(of: "C5999")), hole = Lineage(sampleGazetteer.lineage(of: "C4519"))
        let tallies = [
            AidTally(place: nasib, type: "humanitarian", organisation: "SARC", figures: AidFigures(actions: 2, kilograms: 3_500, parcels: 750, reportedBy: AidReporting(kilograms: 2, parcels: 2))),
            AidTally(place: nasib, type: "medical", organisation: "WHO", figures: AidFigures(actions: 1, treated: 120, reportedBy: AidReporting(treated: 1))),
            AidTally(place: hole, type: "humanitarian", organisation: "WFP", figures: AidFigures(actions: 1, kilograms: 125, parcels: 30, reportedBy: AidReporting(kilograms: 1, parcels: 1))),
        ]
        let summary = AidSummary(tallies: tallies, types: types, from: nil, to: today, grouping: .adm1, names: sampleGazetteer.area)
        #expect(summary.figures.actions == 4 && summary.figures.localities == 2 && summary.figures.kilograms == 3_625)
        #expect(summary.figures.tonnes == "3.625" && summary.figures.treated == 120)
        #expect(summary.byType.map(\.key) == ["humanitarian", "medical"] && summary.byType[0].figures.localities == 2)
        #expect(summary.groups.map(\.name) == ["Al-Hasakeh", "Dar'a"] && summary.groups[1].figures.localities == 1)
        let json = String(decoding: try JSONEncoder().encode(summary), as: UTF8.self)
        #expect(json.contains(#""tonnes":3.625"#) && json.contains(#""type":"humanitarian""#) && json.contains(#""people_reached":0"#))
    }

    @Test func readinessPutsReturnsBesideFacilitiesAndAidPerArea() {
        let nasib = Lineage(sampleGazetteer.lineage(of: "C5999"))
        let school = FacilityKind(code: "school", unit: .items, nameEn: "Schools")
        let report = ReadinessReport(
            returns: [TotalsGroup(key: "SY12", name: "Dar'a", persons: 5_000, refugees: 4_000, idps: 1_000),
                      TotalsGroup(key: "SY08", name: "Al-Hasakeh", persons: 9_000, refugees: 0, idps: 9_000)],
            facilities: [FacilityTally(place: nasib, kind: "school", status: .underRestoration, day: Day("2019-01-01")!, tenths: 30),
                         FacilityTally(place: nasib, kind: "school", status: .commissioned, day: Day("2019-05-01")!, tenths: 10)],
            aid: [AidTally(place: nasib, type: "humanitarian", organisation: "SARC", figures: AidFigures(actions: 2, kilograms: 3_500, reportedBy: AidReporting(kilograms: 2)))],
            kinds: [school], from: Day("2019-04-01")!, to: today, level: .adm1, names: sampleGazetteer.area)
        #expect(report.rows.map(\.area) == ["SY08", "SY12"], "most returns first")
        let daraa = report.rows[1]
        #expect(daraa.returned == 5_000 && daraa.commissioned.tenths(of: "school") == 10 && daraa.underRestoration.tenths(of: "school") == 20)
        #expect(daraa.aid.actions == 2 && report.rows[0].aid.actions == 0 && report.kinds == [school])
        let sorted = ReadinessReport(returns: [], facilities: [], aid: [], kinds: [], from: nil, to: today, level: .adm1, order: .area, names: { _ in nil })
        #expect(sorted.rows.isEmpty && ReadinessOrder("commissioned:school") == .commissioned("school") && ReadinessOrder("best") == nil)
    }
}
