import Logging
import PostgresNIO
import SQLiteNIO

extension Database {
    /// Connects once before the pool starts, so that a wrong host, port, database or password is said at once with its
    /// reason: the pool retries in the background and, a minute later, reports only that its circuit breaker tripped.
    static func probe(_ configuration: PostgresConnection.Configuration, logger: Logger) async throws {
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
        try? await connection.close()
    }

    /// An error met opening a database, as the person who named it can act on it: which database, and why.
    static func openingError(_ error: any Error, at location: DatabaseLocation) -> any Error {
        switch location {
        case .postgres:
            guard let psql = error as? PSQLError else { return error }
            if let message = psql.serverInfo?[.message] {
                return StoreError.storage("the \(location) refused the connection: \(message) [SQLSTATE \(psql.serverInfo?[.sqlState] ?? "?")]")
            }
            let cause = psql.underlying.map { String(describing: $0) } ?? "\(psql.code)"
            return StoreError.storage("could not connect to the \(location): \(cause)")
        case .sqlite(let path):
            guard let sqlite = error as? SQLiteError else { return error }
            let reason: String
            switch sqlite.reason {
            case .notADatabase: reason = "the file is not an SQLite database"
            case .cantOpen: reason = "it cannot be opened: its folder is missing or may not be written (SQLite keeps its journal beside the file, so a database on a read-only disk is copied to a writable one first)"
            case .full: reason = "the disk is full"
            case .readOnly, .readonlyDirectory, .readonlyCantLock, .permission: reason = "the file or its folder is read-only"
            case .corrupt: reason = "the file is damaged"
            default:
                guard "\(sqlite.reason)".hasPrefix("ioError") else { return error }
                reason = "the disk refused (is it full?)"
            }
            return StoreError.storage("could not open the SQLite database \(path): \(reason) (\(sqlite.message))")
        }
    }
}
