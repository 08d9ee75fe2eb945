import ArgumentParser
import HomewardCore
import HomewardStore

struct AreasCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "areas",
        abstract: "Administrative areas with their P-codes.",
        subcommands: [List.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List areas of a level, or inside an area.")
        @OptionGroup var db: DatabaseOptions
        @Option(help: "1 (the first level: governorates, states, provinces) to 4 (the finest: communities, villages); default 1 unless --parent is given.") var level: Int?
        @Option(help: "Only the areas directly inside this P-code.") var parent: String?
        @Option(help: "table, json or csv") var format: OutputFormat = .table

        func validate() throws {
            if let level, AdminLevel(rawValue: level) == nil { throw ValidationError("--level \(level): expected 1 to 4") }
        }

        func run() async throws {
            let adminLevel = level.flatMap(AdminLevel.init(rawValue:)) ?? (parent == nil ? .adm1 : nil)
            let areas = try await db.withStores { try await $0.places.areas(level: adminLevel, parent: parent) }
            switch format {
            case .json: try printJSON(areas)
            case .csv:
                // The Russian name after the columns scripts read by position, as the JSON gives it.
                print("pcode,level,name_en,name_ar,parent_pcode,name_ru")
                for a in areas { print([a.pcode, String(a.level.rawValue), a.nameEn, a.nameAr, a.parent ?? "", a.nameRu ?? ""].map(CSVWriter.field).joined(separator: ",")) }
            case .table:
                print(TextTable(header: ["P-CODE", "NAME", "ARABIC", "PARENT"],
                                rows: areas.map { [$0.pcode, $0.nameEn, $0.nameAr, $0.parent ?? ""] }).rendered)
            }
        }
    }
}
