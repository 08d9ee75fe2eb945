import SQLKit

/// The crossing points, countries, areas and organisations an import's movements name, gathered as they are
/// written and checked once before the import commits.
///
/// SQLite checks every foreign key of every row as it goes in: five lookups a row, a third of what a movement's
/// insert costs. A million movements name a few thousand places, so a movements import turns SQLite's checks off
/// for its transaction and checks each place once here instead, inside the same transaction and write lock, so
/// nothing can disappear in between. A name that is not there fails the import as the foreign key would have.
/// PostgreSQL's path does the same when the role may turn its foreign-key triggers off; there other transactions
/// write at the same time, so the check locks each name it finds (`FOR KEY SHARE`, as the triggers would) until commit,
/// and a name deleted after the rows went in but before the check is missing from it.
struct MovementReferences: Sendable {
    /// Whether to lock the names found against deletion by concurrent transactions (PostgreSQL).
    let locking: Bool

    init(locking: Bool) { self.locking = locking }
    private var crossings: Set<String> = []
    private var countries: Set<String> = []
    private var areas: Set<String> = []
    private var organisations: Set<Int> = []

    mutating func note(crossing: String?, originCountry: String?, originArea: String?, destination: String?, organisation: Int) {
        if let crossing { crossings.insert(crossing) }
        if let originCountry { countries.insert(originCountry) }
        if let originArea { areas.insert(originArea) }
        if let destination { areas.insert(destination) }
        organisations.insert(organisation)
    }

    func check(on db: any SQLDatabase) async throws {
        try await check(crossings, in: "crossing_points", column: "code", on: db)
        try await check(countries, in: "countries", column: "iso3", on: db)
        try await check(areas, in: "admin_areas", column: "pcode", on: db)
        try await check(organisations, in: "organisations", column: "id", on: db)
    }

    private func check<Value: Hashable & Codable & Sendable>(_ values: Set<Value>, in table: String, column: String,
                                                               on db: any SQLDatabase) async throws {
        var missing = values
        let all = Array(values)
        for start in stride(from: 0, to: all.count, by: 1000) {
            let slice = Array(all[start ..< min(start + 1000, all.count)])
            let found = try await db.raw("SELECT \(unsafeRaw: column) AS v FROM \(unsafeRaw: table) WHERE \(unsafeRaw: column) IN (\(binds: slice))\(unsafeRaw: locking ? " FOR KEY SHARE" : "")")
                .all(decodingColumn: "v", as: Value.self)
            missing.subtract(found)
        }
        guard missing.isEmpty else {
            let named = missing.map { "\($0)" }.sorted().prefix(10).joined(separator: ", ")
            throw StoreError.database("FOREIGN KEY constraint failed: movements name \(table).\(column) \(named), which does not exist")
        }
    }
}
