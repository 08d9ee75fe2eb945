import HomewardCore
import SQLKit

extension PlacesStore {
    /// Refuses a question about a level finer than the gazetteer's finest: a breakdown by `adm3` of a gazetteer of
    /// two levels answered one "not reported" row, as if no record named its area, and a list of its areas an empty
    /// table, as if it had none. A database with no gazetteer yet refuses nothing: every level is as empty as the rest.
    /// - Parameter value: the level as the caller wrote it (`adm3`, `3`).
    static func refuseAbsentLevel(_ level: AdminLevel, field: String, value: String, on db: any SQLDatabase) async throws {
        guard let deepest = try await deepestLevel(on: db)?.rawValue, deepest < level.rawValue else { return }
        let levels = deepest == 1 ? "one level, adm1" : "\(deepest) levels, adm1 to adm\(deepest)"
        throw StoreError.invalid(field: field, value: value, reason: "the gazetteer has \(levels)")
    }

    public func refuseAbsentLevel(_ level: AdminLevel, field: String, value: String) async throws {
        try await database.read { db in try await PlacesStore.refuseAbsentLevel(level, field: field, value: value, on: db) }
    }
}
