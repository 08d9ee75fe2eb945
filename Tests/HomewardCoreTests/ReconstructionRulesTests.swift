import Foundation
import Testing
@testable import HomewardCore

@Suite struct ReconstructionRulesTests {
    let today = Day("2019-06-30")!
    let kinds = [FacilityKind(code: "school", unit: .items, nameEn: "Schools", nameRu: "Школы", nameAr: "مدارس"),
                 FacilityKind(code: "road", unit: .km, nameEn: "Roads")]
    static let tags = ["#date", "#adm1+code", "#adm4+code", "#loc+type", "#status", "#indicator+num", "#org", "#meta+id"]

    func drafts(_ rows: [[String]]) throws -> [ImportDraft<FacilityField>] {
        let layout = try ImportLayout<FacilityField>(firstRows: [Self.tags])
        return rows.enumerated().map { layout.draft(row: $1, number: $0 + 2) }
    }

    func tally(_ place: String, _ kind: String, _ status: FacilityStatus, _ day: String, _ tenths: Int) -> FacilityTally {
        FacilityTally(place: Lineage(sampleGazetteer.lineage(of: place)), kind: kind, status: status, day: Day(day)!, tenths: tenths)
    }

    @Test func quantitiesAreReadExactlyInTheKindsUnit() {
        #expect(ScaledNumber.parse("12.5", decimals: 1) == 125)
        #expect(ScaledNumber.parse("1,234.50", decimals: 1) == 12_345)
        #expect(ScaledNumber.parse("0.125", decimals: 3) == 125)
        #expect(ScaledNumber.parse("3.5", decimals: 3) == 3_500)
        #expect(ScaledNumber.parse("12.55", decimals: 1) == nil)
        // A decimal comma that cannot group thousands (Russian and Arabic spreadsheets) is read; `1,234` is refused by its callers.
        #expect(ScaledNumber.parse("12,5", decimals: 1) == 125 && ScaledNumber.parse("1 234,5", decimals: 1) == 12_345)
        #expect(ScaledNumber.parse("3,25", decimals: 3) == 3_250 && ScaledNumber.parse("0,500", decimals: 3) == 500)
        #expect(ScaledNumber.parse("12,55", decimals: 1) == nil && ScaledNumber.parse("1,2,5", decimals: 1) == nil)
        // Thousands grouped by spaces, or more digits than a group holds: the comma is the decimal sign, not a thousands' one.
        #expect(ScaledNumber.parse("1 234,567", decimals: 3) == 1_234_567 && ScaledNumber.parse("1\u{00A0}234,567", decimals: 3) == 1_234_567)
        #expect(ScaledNumber.parse("1234,567", decimals: 3) == 1_234_567 && !ScaledNumber.readsEitherWay("1 234,567"))
        #expect(ScaledNumber.parse("-1", decimals: 1) == nil)
        #expect(ScaledNumber.string(3, decimals: 1) == "0.3" && ScaledNumber.string(30, decimals: 1) == "3")
    }

    @Test func aRecordNamesTheFieldAtFault() throws {
        var rules = FacilityRules(gazetteer: sampleGazetteer, kinds: kinds, today: today)
        let outcomes = try drafts([
            ["2019-03-01", "SY12", "C5999", "school", "under-restoration", "", "UNDP", ""],
            ["2019-03-01", "SY12", "C5999", "hospital", "under-restoration", "1", "UNDP", ""],
            ["2019-03-01", "SY12", "C5999", "school", "rebuilt", "1", "UNDP", ""],
            ["2019-03-01", "SY12", "C5999", "road", "under-restoration", "2.25", "UNDP", ""],
            ["2019-03-01", "SY12", "C5999", "school", "under-restoration", "1.5", "UNDP", ""],
            ["2019-03-01", "SY08", "C5999", "school", "under-restoration", "1", "UNDP", ""],
            ["2019-03-01", "SY12", "C0000", "school", "damaged", "1", "UNDP", ""],
            ["2019-07-01", "SY12", "C5999", "school", "damaged", "1", "", ""],
            ["2019-03-01", "SY12", "C5999", "school", "damaged", "-1", "UNDP", ""],
            ["2019-03-01", "SY12", "C5999", "school", "damaged", "99999999999", "UNDP", ""],
            ["2019-03-01", "SY12", "C5999", "road", "damaged", "٩٩٩٩٩٩٩٩٩٩٩.5", "UNDP", ""],
            ["2019-03-01", "SY12", "C5999", "road", "damaged", "\u{2212}0.5", "UNDP", ""],
            ["2019-03-01", "SY12", "C5999", "school", "damaged", "1.000", "UNDP", ""],
            ["2019-03-01", "SY12", "C5999", "road", "damaged", "2.500", "UNDP", ""],
        ]).map { rules.check($0) }
        #expect(outcomes[0].records.first?.tenths == 10, "no quantity is one facility")
        #expect(outcomes[1].problems.first?.code == "import.facilities.kind.unknown" && outcomes[1].problems.first?.column == "#loc+type")
        #expect(outcomes[2].problems.first?.code == "import.facilities.status.invalid")
        #expect(outcomes[3].problems.first?.code == "import.facilities.quantity.km")
        #expect(outcomes[4].problems.first?.code == "import.facilities.quantity.items")
        #expect(outcomes[5].problems.first?.code == "import.place.outsideParent" && outcomes[5].problems.first?.column == "#adm1+code")
        // An unknown community beside a known governorate keeps the record at the governorate, with a warning.
        #expect(!outcomes[6].isRejected && outcomes[6].hasWarnings && outcomes[6].records.first?.place.finest == "SY12")
        #expect(outcomes[7].problems.map(\.column) == ["#date", "#org"])
        // −1 is a whole number; what is wrong is its sign.
        #expect(outcomes[8].problems.map(\.code) == ["import.number.negative"])
        #expect(outcomes[11].problems.map(\.code) == ["import.number.negative"], "a typographic minus below one km, as aid's tonnes read it")
        // A whole number too large to read is too large: it is a whole number (it was "a whole number of items").
        #expect(outcomes[9].problems.map(\.code) == ["import.number.tooLarge"] && outcomes[10].problems.map(\.code) == ["import.number.tooLarge"])
        // A point and three digits is a thousand where a point groups thousands: refused, as other kinds' counts are, not read as 1 or 2.5.
        #expect(outcomes[12].problems.map(\.code) == ["import.number.pointEitherWay"] && outcomes[12].problems.first?.column == "#indicator+num")
        #expect(outcomes[13].problems.map(\.code) == ["import.number.pointEitherWay"])
    }

    @Test func aCommissioningWithoutAReportedStartIsKeptWithAWarning() throws {
        var rules = FacilityRules(gazetteer: sampleGazetteer, kinds: kinds, today: today)
        let outcomes = try drafts([
            ["2019-03-01", "", "C5999", "school", "under-restoration", "2", "UNDP", ""],
            ["2019-04-01", "", "C5999", "school", "commissioned", "2", "UNDP", ""],
            ["2019-05-01", "", "C5999", "school", "commissioned", "1", "UNDP", ""],
            ["2019-05-01", "", "C4519", "school", "commissioned", "1", "UNDP", "s-1"],
        ]).map { rules.check($0) }
        let late = rules.finish()
        #expect(outcomes.allSatisfy { !$0.isRejected && !$0.hasWarnings && $0.records.count == 1 })
        // Held against the whole file once read: rows 4 and 5 (of the sheet) commission more than was started by their day.
        #expect(late.map(\.row) == [4, 5] && late.allSatisfy { $0.code == "import.facilities.commissionedWithoutStart" && $0.severity == .warning })
        #expect(late.first?.reason.contains("only 0 reported under restoration") == true && late.first?.column == "#indicator+num")
        #expect(rules.finish().isEmpty, "told once")
        // A file not in date order: the start on 5 October, further down, counts for the commissioning on the 15th.
        var unordered = FacilityRules(gazetteer: sampleGazetteer, kinds: kinds, today: today)
        _ = try drafts([
            ["2019-10-15", "", "C5999", "school", "commissioned", "1", "UNDP", ""],
            ["2019-10-05", "", "C5999", "school", "under-restoration", "1", "UNDP", ""],
        ]).map { unordered.check($0) }
        #expect(unordered.finish().isEmpty)
        // A record that gives no quantity (one, implied) is warned of under the field's name, not an empty column.
        let given: [FacilityField: String] = [.date: "2019-06-01", .settlement: "C5999", .kind: "school", .status: "commissioned", .organisation: "UNDP"]
        let bare = ImportDraft<FacilityField>(row: 1, values: FacilityField.allCases.map { given[$0] },
                                              labels: FacilityField.allCases.map { given[$0] == nil ? "" : $0.jsonKey ?? "" }, content: [])
        _ = rules.check(bare)
        let implied = rules.finish()
        #expect(implied.map(\.column) == ["quantity"] && implied.first?.value == "1", "\(implied)")
    }

    /// Withdrawing (or lowering) a start that a stored commissioning relied on leaves that commissioning without one: warned
    /// of at the row that lowers it; a start lowered with enough left is not; a commissioning given twice is warned of once.
    @Test func aStartWithdrawnUnderAStoredCommissioningIsWarnedOf() throws {
        var stored = RestorationLedger()
        let place = RestorationLedger.Place(settlement: "C5999", kind: "school")
        let start = FacilityWork.key(externalId: "s-1", status: .underRestoration, organisation: "UNDP", content: [])
        stored.record(place, key: start, .init(day: Day("2019-03-01")!, status: .underRestoration, tenths: 30))
        stored.record(place, key: "commissioned", .init(day: Day("2019-04-01")!, status: .commissioned, tenths: 20))
        var rules = FacilityRules(gazetteer: sampleGazetteer, kinds: kinds, today: today, ledger: stored)
        _ = try drafts([["2019-03-01", "", "C5999", "school", "under-restoration", "0", "UNDP", "s-1"]]).map { rules.check($0) }
        let late = rules.finish()
        #expect(late.map { "\($0.row) \($0.code) \($0.column)" } == ["2 import.facilities.startLowered #indicator+num"], "\(late)")
        #expect(late.first?.reason.contains("2 commissioned there on 1 April 2019 has only 0 reported under restoration") == true, "\(late)")
        var enough = FacilityRules(gazetteer: sampleGazetteer, kinds: kinds, today: today, ledger: stored)
        _ = try drafts([["2019-03-01", "", "C5999", "school", "under-restoration", "2", "UNDP", "s-1"]]).map { enough.check($0) }
        #expect(enough.finish().isEmpty)
        // Moved to a later day than the commissioning: its start is lowered on that day all the same.
        var moved = FacilityRules(gazetteer: sampleGazetteer, kinds: kinds, today: today, ledger: stored)
        _ = try drafts([["2019-05-01", "", "C5999", "school", "under-restoration", "3", "UNDP", "s-1"]]).map { moved.check($0) }
        #expect(moved.finish().map(\.code) == ["import.facilities.startLowered"])
        // A commissioning short before the file is not the file's doing: a start lowered after its day blames nothing.
        var short = RestorationLedger()
        short.record(place, key: start, .init(day: Day("2019-06-01")!, status: .underRestoration, tenths: 30))
        short.record(place, key: "commissioned", .init(day: Day("2019-04-01")!, status: .commissioned, tenths: 20))
        var unrelated = FacilityRules(gazetteer: sampleGazetteer, kinds: kinds, today: today, ledger: short)
        _ = try drafts([["2019-06-01", "", "C5999", "school", "under-restoration", "1", "UNDP", "s-1"]]).map { unrelated.check($0) }
        #expect(unrelated.finish().isEmpty)
        var twice = FacilityRules(gazetteer: sampleGazetteer, kinds: kinds, today: today)
        _ = try drafts(Array(repeating: ["2019-05-01", "", "C5999", "school", "commissioned", "1", "UNDP", "c-1"], count: 2)).map { twice.check($0) }
        #expect(twice.finish().map(\.row) == [3])
    }

    @Test func theStockRisesAndFallsOverDatesAndNeverGoesBelowZero() {
        let tallies = [
            tally("C5999", "school", .underRestoration, "2019-01-10", 50),
            tally("C5999", "school", .commissioned, "2019-02-10", 20),
            tally("C5999", "school", .commissioned, "2019-03-10", 70), // 50 more than was under way
            tally("C5999", "school", .underRestoration, "2019-04-10", 30),
            tally("C5999", "school", .damaged, "2019-04-11", 90),
        ]
        let stock = ["2019-01-09", "2019-01-10", "2019-02-10", "2019-03-10", "2019-04-10", "2019-06-30"].map {
            ReconstructionSummary(tallies: tallies, kinds: kinds, asOf: Day($0)!, from: nil, to: Day($0)!).underRestoration.tenths(of: "school")
        }
        #expect(stock == [0, 50, 30, 0, 30, 30], "a commissioning without a start does not eat into later starts")
        let flow = ReconstructionSummary(tallies: tallies, kinds: kinds, asOf: today, from: Day("2019-02-01")!, to: Day("2019-02-28")!)
        #expect(flow.commissioned.tenths(of: "school") == 20 && flow.commissioned.settlements == 1)
    }

    @Test func kilometresAreSummedExactly() throws {
        let tallies = (0..<10).map { tally("C5999", "road", .commissioned, "2019-03-1\($0)", 1) } + [tally("C4519", "road", .commissioned, "2019-03-01", 2)]
        let summary = ReconstructionSummary(tallies: tallies, kinds: kinds, asOf: today, from: nil, to: today)
        #expect(summary.commissioned.tenths(of: "road") == 12)
        let json = String(decoding: try JSONEncoder().encode(summary), as: UTF8.self)
        #expect(json.contains(#""quantity":1.2"#) && json.contains(#""unit":"km""#))
        #expect(NumberFormat(.ru).decimal(12, decimals: 1) == "1,2")
    }

    @Test func settlementsAreCountedOnceWhateverTheirKindsAndDays() {
        let tallies = [
            tally("C5999", "school", .underRestoration, "2019-01-10", 10),
            tally("C5999", "road", .underRestoration, "2019-01-11", 25),
            tally("C5999", "school", .underRestoration, "2019-01-12", 10),
            tally("C4519", "school", .underRestoration, "2019-01-12", 10),
            tally("C4519", "school", .commissioned, "2019-02-12", 10),
        ]
        let summary = ReconstructionSummary(tallies: tallies, kinds: kinds, asOf: today, from: nil, to: today, grouping: .adm1,
                                            names: sampleGazetteer.area)
        #expect(summary.underRestoration.settlements == 1 && summary.commissioned.settlements == 1)
        #expect(summary.underRestoration.byKind.map(\.quantity) == ["2", "2.5"])
        #expect(summary.groups.map(\.key) == ["SY08", "SY12"] && summary.groups[1].name == "Dar'a")
        #expect(summary.groups[0].underRestoration.byKind.isEmpty && summary.groups[0].commissioned.tenths(of: "school") == 10)
    }

    /// Work recorded for a whole district or governorate is in the quantities, but is no settlement.
    @Test func onlyCommunitiesCountAsSettlements() {
        let tallies = [tally("C5999", "school", .underRestoration, "2019-01-10", 10), tally("SY1200", "road", .underRestoration, "2019-01-10", 25),
                       tally("SY08", "school", .underRestoration, "2019-01-10", 10)]
        let summary = ReconstructionSummary(tallies: tallies, kinds: kinds, asOf: today, from: nil, to: today)
        #expect(summary.underRestoration.settlements == 1)
        #expect(summary.underRestoration.tenths(of: "school") == 20 && summary.underRestoration.tenths(of: "road") == 25)
    }
}
