import HomewardCore

/// The returns ledger: movements, their imports, corrections and totals.
public struct LedgerStore: Sendable {
    let database: Database
    /// Imports are checked against the gazetteer the places store keeps.
    let places: PlacesStore

    public init(database: Database, places: PlacesStore) {
        self.database = database
        self.places = places
    }
}
