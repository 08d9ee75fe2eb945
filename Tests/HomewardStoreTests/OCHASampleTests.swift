import Foundation
import HomewardCore
import Testing
@testable import HomewardStore
import HomewardTestSupport

/// The real OCHA Turkey spreadsheet must reproduce the totals OCHA published for it.
@Suite struct OCHASampleTests {
    static let sample = "ocha-turkey-syr-2019-01_return-flow-by-community.csv"
    static let mapping = ["Nahya PCODE": "#adm3+dest+code", "Ret_Flow_Estimation": "#affected+returnees+idps+num"]

    /// The January 2019 column of the published summary, by governorate name.
    static func publishedJanuary2019() throws -> [String: Int] {
        let rows = try CSVReader.rows(try fixture("ocha-turkey-syr-return-flow-summary-by-governorate-2018-08-to-2019-01.csv"))
        let yearRow = rows[0], header = rows[1]
        let column = try #require(header.indices.first { header[$0] == "January" && yearRow[...$0].last(where: { !$0.isEmpty }) == "2019" })
        var result: [String: Int] = [:]
        for row in rows.dropFirst(2) where !row[0].isEmpty && row[0] != "Grand Total" && Int(row[column]) != nil {
            result[row[0]] = Int(row[column])
        }
        return result
    }

    func governorateTotals(_ store: Stores) async throws -> (total: Int, byName: [String: Int]) {
        let report = try await store.ledger.totals(TotalsQuery(window: DateWindow(from: Day("2019-01-01"), to: Day("2019-01-31")), grouping: .adm1))
        return (report.total, Dictionary(uniqueKeysWithValues: report.groups.map { ($0.name, $0.persons) }))
    }

    @Test(arguments: Backend.available)
    func bySubDistrictItGivesThePublishedGovernorateTotals(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // act
            let summary = try await store.importCSV(try fixture(Self.sample), mapping: Self.mapping,
                                                    constants: ["#date": "2019-01"], org: "OCHA Turkey")
            // check
            #expect(summary.status == .success)
            #expect(summary.imported == 278)
            let published = try Self.publishedJanuary2019()
            let (total, byName) = try await governorateTotals(store)
            #expect(total == 103_396)
            #expect(byName == published)
        }
    }

    @Test(arguments: Backend.available)
    func withCommunitiesTheUnknownOnesStayAtSubDistrictAsWarnings(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            var mapping = Self.mapping
            mapping["Community PCODE"] = "#adm4+dest+code"
            let summary = try await store.importCSV(try fixture(Self.sample), mapping: mapping,
                                                    constants: ["#date": "2019-01"], org: "OCHA Turkey")
            #expect(summary.status == .warning)
            #expect(summary.imported == 278)
            #expect(summary.rejected == 0)
            let gazetteer = try await store.places.gazetteer()
            let rows = try CSVReader.rows(try fixture(Self.sample))
            let unknownRows = rows.enumerated().dropFirst().filter { gazetteer.area($0.element[7]) == nil }.map { $0.offset + 1 }
            #expect(!unknownRows.isEmpty)
            #expect(summary.warnings == unknownRows.count)
            #expect(summary.problems.map(\.row) == unknownRows)
            #expect(summary.problems.allSatisfy { $0.column == "Community PCODE" && $0.severity == .warning && $0.value.hasPrefix("C") })
            let (total, byName) = try await governorateTotals(store)
            #expect(total == 103_396)
            #expect(byName == (try Self.publishedJanuary2019()))
            let byCommunity = try await store.ledger.totals(TotalsQuery(grouping: .adm4))
            #expect(byCommunity.groups.first { $0.key == nil }?.persons ?? 0 > 0) // kept at sub-district: no community
        }
    }
}
