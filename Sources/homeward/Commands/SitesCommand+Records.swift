import ArgumentParser
import HomewardCore
import HomewardStore

extension SitesCommand {
    /// A site's censuses and departures one by one: the numbers their histories are asked by, and who recorded each when.
    struct Records: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Every census and departure recorded for a site, each with its number, who recorded it and when.",
            discussion: "`sites history census N` or `sites history departure N` gives every version of one.")
        @OptionGroup var db: DatabaseOptions
        @Argument(help: "The site's code.") var code: String
        @Option(help: "table, or json as GET /api/v1/sites/{code}/censuses and …/departures answer") var format: TableOrJSON = .table

        func run() async throws {
            let (censuses, departures) = try await db.withStores { stores in
                guard let site = try await stores.camps.site(code)?.code else { throw CommandFailure("no site has the code '\(code)'; sites list gives them") }
                return (try await stores.camps.censusRecords(of: site), try await stores.camps.departureRecords(from: site))
            }
            switch format {
            case .json:
                try printJSON(Listing(censuses: censuses, departures: departures))
            case .table:
                print("Censuses\n" + TextTable(header: ["RECORD", "DATE", "RESIDENTS", "HOUSEHOLDS", "ORGANISATION", "RECORDED", "BY"], rows: censuses.map {
                    [String($0.recordID), $0.record.date.description, $0.record.residents.grouped, $0.record.households.map(\.grouped) ?? "-",
                     $0.record.organisation, $0.recordedAt, $0.recordedBy]
                }, numeric: [0, 2, 3]).rendered)
                print("\nDepartures\n" + TextTable(header: ["RECORD", "FROM", "TO", "PERSONS", "DESTINATION", "ORGANISATION", "ID", "RECORDED", "BY"],
                                                   rows: departures.map(Self.cells), numeric: [0, 3]).rendered)
            }
        }

        static func cells(_ d: StoredRecord<Departure>) -> [String] {
            [String(d.recordID)] + History.cells(d.record) + [d.recordedAt, d.recordedBy]
        }

        struct Listing: Encodable {
            var censuses: [StoredRecord<Census>]
            var departures: [StoredRecord<Departure>]
        }
    }

    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Every version of a census or a departure: who recorded each, when, in which import, and what replaced it.")
        enum Kind: String, ExpressibleByArgument, CaseIterable { case census, departure }
        @OptionGroup var db: DatabaseOptions
        @Argument(help: "census or departure") var kind: Kind
        @Argument(help: "The record's number (RECORD in sites records, record_id in its JSON).") var record: Int
        @Option(help: "table, or json as GET /api/v1/censuses/{id}/history and /api/v1/departures/{id}/history answer") var format: TableOrJSON = .table

        func run() async throws {
            let missing = "no \(kind.rawValue) has the number \(record); sites records CODE gives them"
            switch kind {
            case .census:
                try VersionCells.print(try await db.withStores { try await $0.camps.history(ofCensus: record) }, format: format, missing: missing,
                                       header: ["SITE", "DATE", "RESIDENTS", "HOUSEHOLDS", "ORGANISATION"], numeric: [2, 3]) {
                    [$0.site, $0.date.description, $0.residents.grouped, $0.households.map(\.grouped) ?? "-", $0.organisation]
                }
            case .departure:
                try VersionCells.print(try await db.withStores { try await $0.camps.history(ofDeparture: record) }, format: format, missing: missing,
                                       header: ["FROM", "TO", "PERSONS", "DESTINATION", "ORGANISATION", "ID"], numeric: [2], cells: Self.cells)
            }
        }

        static func cells(_ d: Departure) -> [String] {
            [d.period.start.description, d.period.end.description, d.persons.grouped, d.destination ?? "-", d.organisation, d.externalId ?? "-"]
        }
    }
}

extension SitesCommand {
    /// A site's names, operator, or a transit centre's places and usual stay, changed and audited.
    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a site's names, operator, or a transit centre's places and usual stay (its code, kind and area stay).",
            discussion: "An option left out leaves its value as it is; --name-ar \"\" or --name-ru \"\" takes that name away.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var who: CallerOptions
        @Argument(help: "The site's code.") var code: String
        @Option(help: "Its name in English.") var name: String?
        @Option(help: "Its name in Arabic.") var nameAr: String?
        @Option(help: "Its name in Russian.") var nameRu: String?
        @Option(help: "The organisation that runs it.") var org: String?
        @Option(parsing: .unconditional, help: "Places.") var capacity: Int?
        @Option(parsing: .unconditional, help: "The usual stay in hours.") var stayHours: Int?

        func run() async throws {
            let change = SiteChange(name: name, nameAr: nameAr, nameRu: nameRu, operatorName: org, capacity: capacity, stayHours: stayHours)
            let (site, changed) = try await namingOptions { try await db.withStores { try await $0.camps.changeSite(code, change, by: who.caller) } }
            print(changed ? "updated site \(site.code)" : "nothing changed: site \(site.code) is so already")
        }
    }
}
