import Foundation
import HomewardCore

/// A folder of gazetteer CSV files: the bundled Syria deployment, or another country's.
public struct ReferenceDirectory: Sendable {
    public var tables: [ReferenceTable]
    /// From `home_country.txt`, when the folder has one.
    public var homeCountry: String?

    /// Reads every `.csv` file in `url`, each recognised by its columns.
    /// - Throws: ``ImportError`` naming the file, row and column at fault.
    public init(url: URL) throws {
        let files = try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension.lowercased() == "csv" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        tables = try files.map { file in
            let data = try Data(contentsOf: file)
            do {
                var reader = CSVReader()
                var rows: [[String]] = []
                try reader.read(data, into: &rows)
                try reader.finish(into: &rows)
                return try ReferenceTable.read(rows: rows, file: file.lastPathComponent)
            } catch let failure as CSVReader.Failure {
                throw ImportError([ImportProblem(row: failure.row, column: "", value: "", reason: "\(file.lastPathComponent): \(failure.reason)")])
            }
        }
        let homeFile = url.appendingPathComponent("home_country.txt")
        homeCountry = (try? String(contentsOf: homeFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The reference data that ships with Homeward.
    public static func bundled() throws -> [ReferenceDirectory] {
        try [bundled("world"), bundled("syria")]
    }

    /// One folder of the bundled reference data: `world` (the countries) or `syria`.
    static func bundled(_ folder: String) throws -> ReferenceDirectory {
        guard let root = Bundle.module.url(forResource: "reference", withExtension: nil) else {
            throw StoreError.notFound("the bundled reference data")
        }
        return try ReferenceDirectory(url: root.appendingPathComponent(folder))
    }
}

extension Gazetteer {
    /// The bundled gazetteer without a database, for generators and tools.
    public static func bundled() throws -> Gazetteer {
        var areas: [AdminArea] = [], countries: [Country] = [], crossings: [CrossingPoint] = [], names: [PlaceName] = []
        var home = ""
        for directory in try ReferenceDirectory.bundled() {
            if let country = directory.homeCountry { home = country }
            for table in directory.tables {
                switch table {
                case .areas(let list, _): areas += list
                case .countries(let list): countries += list
                case .crossings(let list, _): crossings += list
                case .names(let list): names += list
                }
            }
        }
        return try Gazetteer(homeCountry: home, areas: areas, countries: countries, crossings: crossings).naming(names)
    }
}
