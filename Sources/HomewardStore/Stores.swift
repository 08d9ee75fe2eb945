import Foundation
import HomewardCore
import Logging

/// Homeward's stores over one database, opened together: what the command line and the server hold.
public struct Stores: Sendable {
    public let database: Database
    public let places: PlacesStore
    public let organisations: OrganisationsStore
    public let ledger: LedgerStore
    public let idempotency: IdempotencyStore
    public let camps: CampsStore
    public let access: AccessStore
    public let reconstruction: ReconstructionStore
    public let assistance: AssistanceStore
    public let sources: SourcesStore
    public let sessions: SessionsStore

    public init(database: Database) {
        self.database = database
        places = PlacesStore(database: database)
        organisations = OrganisationsStore(database: database)
        ledger = LedgerStore(database: database, places: places)
        idempotency = IdempotencyStore(database: database)
        camps = CampsStore(database: database, places: places)
        access = AccessStore(database: database)
        reconstruction = ReconstructionStore(database: database, places: places)
        assistance = AssistanceStore(database: database, places: places)
        sources = SourcesStore(database: database, places: places)
        sessions = SessionsStore(database: database)
    }

    /// Opens (and on first use creates, migrates and seeds) the database at `location`, and its stores.
    public static func open(_ location: DatabaseLocation, logger: Logger = Logger(label: "homeward.store"),
                            seedReference: Bool = true, now: @escaping @Sendable () -> Date = { Date() }) async throws -> Stores {
        Stores(database: try await Database.open(location, logger: logger, seedReference: seedReference, now: now))
    }

    public func close() async {
        await database.close()
    }
}
