import ArgumentParser
import Foundation
import HomewardCore
import HomewardStore

struct SitesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sites",
        abstract: "Camps, informal settlements, collective centres and transit centres: their censuses and departures.",
        subcommands: [Add.self, List.self, CensusCommand.self, DeparturesCommand.self, Show.self, Standing.self, Update.self, Records.self, History.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a site.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var who: CallerOptions
        @Option(help: "A short unique code, such as HOL.") var code: String
        @Option(help: "Its name in English.") var name: String
        @Option(help: "Its name in Arabic.") var nameAr: String?
        @Option(help: "Its name in Russian.") var nameRu: String?
        @Option(help: "camp, informal-settlement, collective-centre or transit-centre") var kind: SiteKind
        @Option(help: "The P-code of the area it lies in, at any level.") var admin: String
        @Option(parsing: .unconditional, help: "Places (required for a transit centre).") var capacity: Int?
        @Option(parsing: .unconditional, help: "The usual stay in hours (transit centres; default 48).") var stayHours: Int?
        @Option(help: "The organisation that runs it.") var org: String?

        func run() async throws {
            let site = Site(code: code, name: name, nameAr: nameAr, nameRu: nameRu, kind: kind, admin: admin, operatorName: org, capacity: capacity, stayHours: stayHours)
            try await namingOptions { try await db.withStores { try await $0.camps.addSite(site, by: who.caller) } }
            print("added site \(code)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List sites.")
        @OptionGroup var db: DatabaseOptions
        @Option(help: "Only sites of this kind.") var kind: SiteKind?
        @Option(help: "table, json or csv") var format: OutputFormat = .table

        func run() async throws {
            let sites = try await db.withStores { try await $0.camps.sites(kind: kind) }
            switch format {
            case .json: try printJSON(sites)
            case .csv:
                // A column added at the end: scripts read the earlier ones by position.
                print("code,name,name_ar,kind,admin,operator,capacity,stay_hours,name_ru")
                for s in sites {
                    print([s.code, s.name, s.nameAr ?? "", s.kind.rawValue, s.admin, s.operatorName ?? "", s.capacity.map(String.init) ?? "",
                           s.stayHours.map(String.init) ?? "", s.nameRu ?? ""].map(CSVWriter.field).joined(separator: ","))
                }
            case .table:
                print(TextTable(header: ["CODE", "NAME", "KIND", "AREA", "OPERATOR", "CAPACITY", "STAY (H)"],
                                rows: sites.map { [$0.code, $0.name, $0.kind.rawValue, $0.admin, $0.operatorName ?? "",
                                                   $0.capacity?.grouped ?? "", $0.stayHours.map(String.init) ?? ""] }).rendered)
            }
        }
    }

    struct CensusCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "census", abstract: "Record a site's residents on a date, as one organisation counted them.",
            discussion: "Many at once: homeward import FILE --records censuses.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var who: CallerOptions
        @Argument(help: "The site's code.") var code: String
        @Option(help: "The census date (YYYY-MM-DD).") var date: String
        @Option(parsing: .unconditional, help: "Residents counted.") var residents: Int
        @Option(parsing: .unconditional, help: "Households counted.") var households: Int?
        @Option(help: "The organisation that counted (default: --as's organisation, else the site's operator).") var org: String?

        func run() async throws {
            var record: [String: Any] = ["site": code, "date": date, "residents": residents]
            record["households"] = households
            record["organisation"] = org
            try await importOne(.censuses, record, db: db, who: who)
        }
    }

    struct DeparturesCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "departures", abstract: "Record people who left a site on a date, with where they went when known.",
            discussion: "A departure is not a return: record returns in the ledger when they are reported. Many at once: homeward import FILE --records departures.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var who: CallerOptions
        @Argument(help: "The site's code.") var code: String
        @Option(help: "The date they left (YYYY-MM-DD).") var date: String
        @Option(parsing: .unconditional, help: "How many left.") var persons: Int
        @Option(help: "Where they went: a site's code (a transit centre) or an area's P-code.") var to: String?
        @Option(help: "The reporting organisation (default: --as's organisation, else the site's operator).") var org: String?
        @Option(help: "The report's own id, unique among the organisation's departures from the site: two convoys of one day to one place are two departures only with ids; the same id again corrects that departure, whatever its date.")
        var id: String?

        func run() async throws {
            var record: [String: Any] = ["site": code, "date": date, "persons": persons]
            record["destination"] = to
            record["organisation"] = org
            record["id"] = id
            try await importOne(.departures, record, db: db, who: who)
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Where a site stands: residents, left, remaining, % left, departures by week and destination.")
        @OptionGroup var db: DatabaseOptions
        @Argument(help: "The site's code.") var code: String
        @Option(help: "The day to answer for (default today).") var asOf: String?
        @Option(help: "table or json") var format: TableOrJSON = .table

        func run() async throws {
            let asOfDay = try asOfDay(asOf)
            let standing = try await db.withStores { try await $0.camps.standing(of: code, asOf: asOfDay) }
            switch format {
            case .json: try printJSON(standing)
            case .table: print(SiteStandingText(standing).rendered)
            }
        }
    }

    struct Standing: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Every camp, settlement and collective centre where it stands, and how many remain in them together.",
            discussion: "Only sites with one count to go by are summed; a site whose organisations' counts differ, or that nobody has counted, is named below the total.")
        @OptionGroup var db: DatabaseOptions
        @Option(help: "The day to answer for (default today).") var asOf: String?
        @Option(help: "table, json or csv") var format: OutputFormat = .table

        func run() async throws {
            let asOfDay = try asOfDay(asOf)
            let standing = CampsStanding(try await db.withStores { try await $0.camps.standings(asOf: asOfDay) }, asOf: asOfDay)
            switch format {
            case .json: try printJSON(standing)
            case .csv: print(CampsStandingText(standing).csv)
            case .table: print(CampsStandingText(standing).rendered)
            }
        }
    }
}


extension SiteKind: ExpressibleByArgument {}

/// Records one census, departure, facility record or aid action through the one importer, so that it meets the
/// same rules as a file.
/// A problem of one record entered on the command line: its field where it names one ("persons '-5': …"), else its reason alone.
private func said(_ problem: ImportProblem) -> String {
    problem.column.isEmpty ? problem.reason : "\(FieldProblem.label(problem.column, problem.value)): \(problem.reason)"
}

func importOne(_ kind: RecordKind, _ record: [String: Any], db: DatabaseOptions, who: CallerOptions,
               sourceName: String = "homeward sites") async throws {
    let json = try JSONSerialization.data(withJSONObject: record)
    var request = ImportRequest(sourceName: sourceName, format: .json, today: try today())
    let summary = try await db.withStores { stores in
        // Records name who reported them; `--as` a person, that person's organisation by default, else (a census or a
        // departure typed at the site) the site's operator, as `sites census --help` says.
        if record["organisation"] == nil, let login = who.login {
            request.organisation = try await stores.access.person(login)?.organisation
        } else if record["organisation"] == nil, [.censuses, .departures].contains(kind), let code = record["site"] as? String {
            request.organisation = try await stores.camps.site(code)?.operatorName
        }
        return try await stores.importRecords(kind, request, from: .bytes(Array(json)), by: who.caller)
    }
    if summary.status == .error {
        let text = summary.problems.map { "Error: \(said($0))\n" }.joined()
        FileHandle.standardError.write(Data(text.utf8))
        throw ExitCode.failure
    }
    let warnings = summary.problems.filter { $0.severity == .warning }
    for warning in warnings {
        FileHandle.standardError.write(Data("Warning: \(said(warning))\n".utf8))
    }
    // A 0 takes back what its key finds: "withdrawn" where it found one, "nothing recorded" where it found none (a departure's,
    // a facility record's), not "already recorded"; a record the same as before, warned of for something else, was.
    // A 0 in every figure the record gives (a departure's persons, a facility record's quantity, an aid action's figures).
    let figureKeys: [String] = switch kind {
    case .departures: ["persons"]
    case .facilities: ["quantity"]
    case .aid: ["tonnes", "parcels", "reached", "treated"]
    default: []
    }
    let given = figureKeys.compactMap { record[$0] }
    let zero = !given.isEmpty && given.allSatisfy { $0 as? Int == 0 || ($0 as? String).flatMap { ScaledNumber.parse($0, decimals: 3) } == 0 }
    let leftOut = summary.imported == 0 && summary.updated == 0 && (zero || warnings.contains { $0.code == "import.count.zero" })
    print(summary.updated > 0 ? (zero ? "withdrawn" : "corrected") : leftOut ? "nothing recorded" : summary.ignored > 0 ? "already recorded" : "recorded")
    if summary.updated > 0, kind == .departures, record["id"] == nil, record["persons"] as? Int != 0 {
        // A second convoy of the day, not a correction, needs its own id: said, since the first's count is now replaced.
        FileHandle.standardError.write(Data("Note: a departure of that day to that place by that organisation was recorded already, and this replaces its count (its earlier version is kept in its history); give --id to each to record another beside it\n".utf8))
    }
}
