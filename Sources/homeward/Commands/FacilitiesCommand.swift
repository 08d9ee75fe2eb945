import ArgumentParser
import Foundation
import HomewardCore
import HomewardStore

struct FacilitiesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facilities",
        abstract: "Reconstruction: facilities damaged, under restoration and commissioned, per settlement and kind.",
        subcommands: [Add.self, List.self, History.self, Summary.self, Kinds.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record facilities of one kind reaching a status on a date in a settlement.",
            discussion: "A change of status is a new record; the earlier one stays. Many at once: homeward import FILE --records facilities.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var who: CallerOptions
        @Option(help: "The settlement's P-code (an area of the gazetteer's finest level, or a coarser one when that is all that is known).") var settlement: String
        @Option(help: "The kind's code (homeward facilities kinds).") var kind: String
        @Option(help: "damaged, under-restoration or commissioned") var status: String
        @Option(help: "The date (YYYY-MM-DD).") var date: String
        @Option(parsing: .unconditional, help: "How many (items), or km to 0.1 (default 1); 0 withdraws the record it finds (the same --id, or the same other options).") var quantity: String?
        @Option(help: "The reporting organisation (default: the --as person's).") var org: String?
        @Option(help: "An id that follows one named facility through its statuses.") var id: String?

        func run() async throws {
            var record: [String: Any] = ["settlement": settlement, "kind": kind, "status": status, "date": date]
            record["quantity"] = quantity
            record["organisation"] = org
            record["id"] = id
            try await importOne(.facilities, record, db: db, who: who, sourceName: "homeward facilities add")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List facility records in date order of recording.")
        @OptionGroup var db: DatabaseOptions
        @Option(help: "Only in this area (a P-code at any level).") var area: String?
        @Option(help: "Only of this kind.") var kind: String?
        @Option(help: "Only with this status.") var status: FacilityStatus?
        @Option(help: "Only this facility (its id).") var id: String?
        @Option(help: "From this date.") var from: String?
        @Option(help: "To this date.") var to: String?
        @Flag(help: "Only records of a work under restoration or commissioned that another organisation reported alike (the same day, settlement, kind and status), as a statement counts them.")
        var reportedBySeveral = false
        @Option(help: "At most this many.") var limit: Int = 1000
        @Option(help: "table, json or csv") var format: OutputFormat = .table

        func run() async throws {
            let filter = ReconstructionStore.Filter(window: DateWindow(from: try day(from, "--from"), to: try day(to, "--to")), area: area,
                                                    kind: kind, status: status, externalId: id, reportedBySeveral: reportedBySeveral)
            let works = try await db.withStores { try await $0.reconstruction.works(filter, limit: limit) }
            let rows = { (grouped: Bool) in works.map { Self.cells($0, grouped: grouped) } }
            switch format {
            case .json: try printJSON(["facilities": works])
            case .csv:
                // The columns as they always were (`id` is the organisation's own), then the record's number (`facilities
                // history` takes it) and who recorded it when.
                print("date,settlement,kind,status,quantity,unit,organisation,id,record,recorded_at,recorded_by")
                for (work, row) in zip(works, rows(false)) {
                    print((row + [String(work.id), work.recordedAt ?? "", work.recordedBy ?? ""]).map(CSVWriter.field).joined(separator: ","))
                }
            case .table:
                // The record's own number first: the one `facilities history` takes.
                print(TextTable(header: Self.tableHeader, rows: zip(works, rows(true)).map { [String($0.id)] + $1 }, numeric: Self.tableNumeric).rendered)
            }
        }

        /// The table's columns, the record's number first, and those that are numbers; `bulletin records` prints the same.
        static let tableHeader = ["RECORD", "DATE", "SETTLEMENT", "KIND", "STATUS", "QUANTITY", "UNIT", "ORGANISATION", "ID"]
        static let tableNumeric: Set<Int> = [0, 5]

        /// A record's cells, quantities grouped in thousands for a reader or bare for a spreadsheet.
        static func cells(_ r: RecordedFacilityWork, grouped: Bool) -> [String] {
            [r.work.date.description, r.work.place.finest ?? "", r.work.kind, r.work.status.rawValue,
             ScaledNumber.string(r.work.tenths, decimals: 1, grouped: grouped), r.unit.rawValue, r.work.organisation, r.work.externalId ?? ""]
        }
    }

    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Every version of a facility record: who recorded each, when, in which import, and what replaced it.")
        @OptionGroup var db: DatabaseOptions
        @Argument(help: "The record's number (RECORD in facilities list, id in its JSON).") var record: Int
        @Option(help: "table, or json as GET /api/v1/facilities/{id}/history answers") var format: TableOrJSON = .table

        func run() async throws {
            try VersionCells.print(try await db.withStores { try await $0.reconstruction.history(ofWork: record) }, format: format,
                                   missing: "no facility record has the number \(record); facilities list gives them",
                                   header: ["DATE", "SETTLEMENT", "KIND", "STATUS", "QUANTITY", "UNIT", "ORGANISATION", "ID"], numeric: [4]) {
                List.cells($0, grouped: true)
            }
        }
    }

    struct Summary: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Under restoration on a date, and commissioned in a period, by kind, in how many settlements.",
            discussion: """
                Under restoration = what entered restoration by --as-of and was not commissioned by then, per settlement \
                and kind, never below zero. --from/--to bound the commissioned figures (default: since the first record, \
                up to --as-of).
                """)
        @OptionGroup var db: DatabaseOptions
        @Option(help: "The day the stock is counted on (default today).") var asOf: String?
        @Option(help: "Commissioned from this date.") var from: String?
        @Option(help: "Commissioned up to this date (default --as-of).") var to: String?
        @Option(help: "kind, adm1, adm2, adm3, settlement or organisation (each organisation's figures from its own records alone)")
        var by: ReconstructionGrouping?
        @Option(help: "table, json or csv") var format: OutputFormat = .table

        func validate() throws {
            _ = try day(asOf, "--as-of")
            _ = try window(from: from, to: to)
        }

        func run() async throws {
            let asOfDay = try asOfDay(asOf)
            let window = try window(from: from, to: to)
            let summary = try await db.withStores { try await $0.reconstruction.summary(asOf: asOfDay, from: window.from, to: window.to, grouping: by) }
            switch format {
            case .json: try printJSON(summary)
            case .csv: print(ReconstructionText.csv(summary))
            case .table: print(ReconstructionText.table(summary))
            }
        }
    }

    struct Kinds: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The kinds of facility, with their unit and names; `kinds add` adds one.", subcommands: [ListKinds.self, AddKind.self],
            defaultSubcommand: ListKinds.self)
    }

    struct ListKinds: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the kinds of facility.")
        @OptionGroup var db: DatabaseOptions
        @Option(help: "table or json") var format: TableOrJSON = .table

        func run() async throws {
            let kinds = try await db.withStores { try await $0.reconstruction.kinds() }
            switch format {
            case .json: try printJSON(["kinds": kinds])
            case .table:
                print(TextTable(header: ["CODE", "UNIT", "NAME", "NAME (RU)", "NAME (AR)"],
                                rows: kinds.map { [$0.code, $0.unit.rawValue, $0.nameEn, $0.nameRu ?? "", $0.nameAr ?? ""] }).rendered)
            }
        }
    }

    struct AddKind: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a kind of facility.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var who: CallerOptions
        @Option(help: "A short unique code, such as field-hospital.") var code: String
        @Option(help: "items or km") var unit: FacilityUnit = .items
        @Option(help: "Its name in English.") var name: String
        @Option(help: "Its name in Russian.") var nameRu: String?
        @Option(help: "Its name in Arabic.") var nameAr: String?

        func run() async throws {
            let kind = FacilityKind(code: code, unit: unit, nameEn: name, nameRu: nameRu, nameAr: nameAr)
            let added = try await db.withStores { try await $0.reconstruction.addKind(kind, by: who.caller) }
            print("added kind \(added.code)")
        }
    }
}

extension FacilityStatus: ExpressibleByArgument {}
extension FacilityUnit: ExpressibleByArgument {}
extension ReconstructionGrouping: ExpressibleByArgument {}
