import ArgumentParser
import Foundation
import HomewardCore
import HomewardStore

struct AidCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aid",
        abstract: "Assistance: aid actions and medical assistance delivered in localities.",
        subcommands: [Add.self, List.self, History.self, Summary.self, Types.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record an aid action: a delivery in a locality on a date, with what it delivered.",
            discussion: "Many at once: homeward import FILE --records aid.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var who: CallerOptions
        @Option(help: "The locality's P-code, at any level.") var locality: String
        @Option(help: "The type's code (homeward aid types).") var type: String
        @Option(help: "The date (YYYY-MM-DD).") var date: String
        @Option(parsing: .unconditional, help: "Weight delivered in tonnes, to the kilogram (such as 3.5).") var tonnes: String?
        @Option(parsing: .unconditional, help: "Parcels delivered.") var parcels: Int?
        @Option(parsing: .unconditional, help: "People reached.") var reached: Int?
        @Option(parsing: .unconditional, help: "People given medical treatment.") var treated: Int?
        @Option(help: "What was delivered, in words.") var description: String?
        @Option(help: "The delivering organisation (default: the --as person's).") var org: String?
        @Option(help: "The action's id in the organisation's own records; with every figure given as 0, the action is withdrawn.") var id: String?

        func run() async throws {
            var record: [String: Any] = ["locality": locality, "type": type, "date": date]
            record["tonnes"] = tonnes
            record["parcels"] = parcels
            record["reached"] = reached
            record["treated"] = treated
            record["description"] = description
            record["organisation"] = org
            record["id"] = id
            try await importOne(.aid, record, db: db, who: who, sourceName: "homeward aid add")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List aid actions in order of recording.")
        @OptionGroup var db: DatabaseOptions
        @Option(help: "Only in this area (a P-code at any level).") var area: String?
        @Option(help: "Only of this type.") var type: String?
        @Option(help: "Only by this organisation.") var org: String?
        @Option(help: "From this date.") var from: String?
        @Option(help: "To this date.") var to: String?
        @Flag(help: "Only actions of a delivery another organisation reported alike (the same day, locality and type), as a statement counts them.")
        var reportedBySeveral = false
        @Option(help: "At most this many.") var limit: Int = 1000
        @Option(help: "table, json or csv") var format: OutputFormat = .table

        func run() async throws {
            let window = DateWindow(from: try day(from, "--from"), to: try day(to, "--to"))
            let actions = try await db.withStores {
                try await $0.assistance.actions(window: window, area: area, type: type, organisation: org, limit: limit, reportedBySeveral: reportedBySeveral)
            }
            switch format {
            case .json: try printJSON(["actions": actions])
            case .csv:
                // The columns as they always were, then the action's number (`aid history` takes it), who recorded it when, and
                // the organisation's own id of its report (a form's `_uuid`), by which its partner finds it.
                print("date,locality,type,organisation,tonnes,parcels,people_reached,medical_treated,description,action,recorded_at,recorded_by,external_id")
                for action in actions {
                    let cells = Self.cells(action.action, grouped: false) + [String(action.id), action.recordedAt ?? "", action.recordedBy ?? "",
                                                                             action.action.externalId ?? ""]
                    print(cells.map(CSVWriter.field).joined(separator: ","))
                }
            case .table:
                // The action's own number first: the one `aid history` takes.
                print(TextTable(header: Self.tableHeader, rows: actions.map { [String($0.id)] + Self.cells($0.action, grouped: true) },
                                numeric: Self.tableNumeric).rendered)
            }
        }

        /// The table's columns, the action's number first, and those that are numbers; `bulletin records` prints the same.
        static let tableHeader = ["ACTION", "DATE", "LOCALITY", "TYPE", "ORGANISATION", "TONNES", "PARCELS", "REACHED", "TREATED", "DESCRIPTION"]
        static let tableNumeric: Set<Int> = [0, 5, 6, 7, 8]

        /// An action's cells, numbers grouped in thousands for a reader or bare for a spreadsheet.
        static func cells(_ a: AidAction, grouped: Bool) -> [String] {
            let kilograms: String = a.kilograms.map { ScaledNumber.string($0, decimals: 3, grouped: grouped) } ?? ""
            let counts: [String] = [a.parcels, a.reached, a.treated].map { $0.map { grouped ? $0.grouped : String($0) } ?? "" }
            return [a.date.description, a.place.finest ?? "", a.type, a.organisation, kilograms] + counts + [a.description ?? ""]
        }
    }

    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Every version of an aid action: who recorded each, when, in which import, and what replaced it.")
        @OptionGroup var db: DatabaseOptions
        @Argument(help: "The action's number (ACTION in aid list, id in its JSON).") var action: Int
        @Option(help: "table, or json as GET /api/v1/aid/{id}/history answers") var format: TableOrJSON = .table

        func run() async throws {
            try VersionCells.print(try await db.withStores { try await $0.assistance.history(ofAction: action) }, format: format,
                                   missing: "no aid action has the number \(action); aid list gives them",
                                   header: ["DATE", "LOCALITY", "TYPE", "ORGANISATION", "TONNES", "PARCELS", "REACHED", "TREATED", "DESCRIPTION"],
                                   numeric: [4, 5, 6, 7]) { List.cells($0.action, grouped: true) }
        }
    }

    struct Summary: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Aid in a period: actions, distinct localities, tonnes, parcels, people reached and treated, by type.")
        @OptionGroup var db: DatabaseOptions
        @Option(help: "From this date.") var from: String?
        @Option(help: "To this date.") var to: String?
        @Option(help: "type, adm1, adm2, adm3, locality or organisation") var by: AidGrouping?
        @Option(help: "Only in this area (a P-code at any level).") var area: String?
        @Option(help: "Only of this type.") var type: String?
        @Option(help: "Only by this organisation.") var org: String?
        @Option(help: "table, json or csv") var format: OutputFormat = .table

        func validate() throws { _ = try window(from: from, to: to) }

        func run() async throws {
            let window = try window(from: from, to: to)
            let summary = try await db.withStores { try await $0.assistance.summary(window, grouping: by, area: area, type: type, organisation: org) }
            switch format {
            case .json: try printJSON(summary)
            case .csv: print(AssistanceText.csv(summary))
            case .table:
                let only = [area.map { "area \($0)" }, type.map { "type \($0)" }, org.map { "organisation \($0)" }].compactMap { $0 }
                print(AssistanceText.table(summary, grouping: by, only: only))
            }
        }
    }

    struct Types: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The types of aid action, with their names; `types add` adds one.", subcommands: [ListTypes.self, AddType.self],
            defaultSubcommand: ListTypes.self)
    }

    struct ListTypes: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the types of aid action.")
        @OptionGroup var db: DatabaseOptions
        @Option(help: "table or json") var format: TableOrJSON = .table

        func run() async throws {
            let types = try await db.withStores { try await $0.assistance.types() }
            switch format {
            case .json: try printJSON(["types": types])
            case .table:
                print(TextTable(header: ["CODE", "NAME", "NAME (RU)", "NAME (AR)"], rows: types.map { [$0.code, $0.nameEn, $0.nameRu ?? "", $0.nameAr ?? ""] }).rendered)
            }
        }
    }

    struct AddType: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a type of aid action.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var who: CallerOptions
        @Option(help: "A short unique code, such as shelter.") var code: String
        @Option(help: "Its name in English.") var name: String
        @Option(help: "Its name in Russian.") var nameRu: String?
        @Option(help: "Its name in Arabic.") var nameAr: String?

        func run() async throws {
            let added = try await db.withStores { try await $0.assistance.addType(AidType(code: code, nameEn: name, nameRu: nameRu, nameAr: nameAr), by: who.caller) }
            print("added type \(added.code)")
        }
    }
}

extension AidGrouping: ExpressibleByArgument {}
