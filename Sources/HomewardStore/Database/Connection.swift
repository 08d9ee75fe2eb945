import Foundation
import Synchronization
import HomewardCore
import PostgresNIO
import SQLKit
import SQLiteNIO

/// A connection leased from a ``Database``: its SQL interface, and its driver for the bulk paths.
struct Connection: Sendable {
    let sql: any SQLDatabase
    let driver: Driver

    enum Driver: Sendable {
        case sqlite(SQLiteConnection)
        case postgres(PostgresConnection)
    }

    var backend: Database.Backend {
        switch driver {
        case .sqlite: .sqlite
        case .postgres: .postgres
        }
    }
}

/// The connection of a write, with who makes it and what they may write: stores pass it to everything
/// they write inside one transaction.
struct WriteContext: Sendable {
    let connection: Connection
    let caller: Caller
    /// When the write began, as written into `recorded_at` and revision columns.
    let timestamp: String
    let permit: Permit
    /// The database's clock, for what is stamped when it is written rather than when the write began (an audit entry).
    var now: @Sendable () -> Date = { Date() }
    /// Whether this write has audited anything yet.
    let trail = AuditTrail()
    var sql: any SQLDatabase { connection.sql }
}

extension Caller {
    /// Homeward itself, for what it does on its own account: migrations and the first load of bundled reference data.
    static let homeward = Caller.system(user: "homeward")

    /// The operating-system user running this process, for the command line's writes.
    public static var operatingSystemUser: Caller {
        .system(user: ProcessInfo.processInfo.userName)
    }
}
