import ArgumentParser
import HomewardCore
import HomewardStore

struct CrossingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crossings",
        abstract: "Border crossings and internal crossing points.",
        subcommands: [List.self, Add.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List crossing points.")
        @OptionGroup var db: DatabaseOptions
        @Option(help: "table, json or csv") var format: OutputFormat = .table

        func run() async throws {
            let crossings = try await db.withStores { try await $0.places.crossings() }
            switch format {
            case .json: try printJSON(crossings)
            case .csv:
                print("crossing_code,name_en,name_ar,country_iso3,counterpart_name,admin_pcode,note")
                for c in crossings {
                    print([c.code, c.nameEn, c.nameAr, c.country ?? "", c.counterpartName ?? "", c.adminPcode ?? "", c.note ?? ""]
                        .map(CSVWriter.field).joined(separator: ","))
                }
            case .table:
                print(TextTable(header: ["CODE", "NAME", "ARABIC", "TO", "OTHER SIDE", "AREA"],
                                rows: crossings.map { [$0.code, $0.nameEn, $0.nameAr, $0.country ?? "internal", $0.counterpartName ?? "", $0.adminPcode ?? ""] }).rendered)
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a crossing point.",
            discussion: "A border crossing names the neighbouring country (--country ISO3); a corridor or checkpoint inside the country is --internal.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var who: CallerOptions
        @Option(help: "A short unique code, such as LBN-07.") var code: String
        @Option(help: "The name in English.") var name: String
        @Option(help: "The name in Arabic.") var nameAr: String = ""
        @Option(help: "The name in Russian.") var nameRu: String?
        @Option(help: "The neighbouring country's ISO3 code.") var country: String?
        @Flag(help: "A crossing inside the country.") var `internal` = false
        @Option(help: "The P-code of the area it lies in.") var admin: String?
        @Option(help: "Its name on the other side.") var counterpart: String?
        @Option(help: "A note, such as where its coordinates come from.") var note: String?

        func validate() throws {
            if (country == nil) == !`internal` {
                throw ValidationError("give either --country ISO3 (a border crossing) or --internal (a crossing inside the country)")
            }
        }

        func run() async throws {
            let crossing = CrossingPoint(code: code, nameEn: name, nameAr: nameAr, nameRu: nameRu, country: country?.uppercased(),
                                         counterpartName: counterpart, adminPcode: admin, note: note)
            try await db.withStores { try await $0.places.addCrossing(crossing, by: who.caller) }
            print("added crossing point \(crossing.code)")
        }
    }
}
