import HomewardCore
import SQLKit

extension PlacesStore {
    /// Gives places their names from names files, inside the transaction that loads the gazetteer.
    ///
    /// The names are checked against the places as they now stand (loaded now or before), so that a
    /// mistyped code stops the load instead of leaving a place named only in English.
    static func writeNames(_ names: [PlaceName], on db: any SQLDatabase) async throws {
        guard !names.isEmpty else { return }
        _ = try await gazetteer(on: db).naming(names)
        for name in names {
            let column = switch name.language {
            case .en: "name_en"
            case .ar: "name_ar"
            case .ru: "name_ru"
            }
            let update: SQLQueryString = switch name.kind {
            case .area: "UPDATE admin_areas SET \(ident: column) = \(bind: name.name) WHERE pcode = \(bind: name.code)"
            case .crossing: "UPDATE crossing_points SET \(ident: column) = \(bind: name.name) WHERE code = \(bind: name.code)"
            case .country: "UPDATE countries SET \(ident: column) = \(bind: name.name) WHERE iso3 = \(bind: name.code)"
            }
            try await db.raw(update).run()
        }
    }
}
