import PostgresNIO
import SQLiteNIO

/// Turns both drivers' errors into messages people can act on: which database, and why.
enum DatabaseErrors {
    static func readable(_ error: any Error, location: DatabaseLocation) -> any Error {
        if let psql = error as? PSQLError {
            // PostgreSQL's errors hide their message from `description`; bring it out, without the statement's values.
            guard let info = psql.serverInfo, let message = info[.message] else { return StoreError.database("\(psql.code)") }
            let detail = info[.detail].map { " (\($0))" } ?? ""
            return StoreError.database("\(message)\(detail) [SQLSTATE \(info[.sqlState] ?? "?")]")
        }
        guard let sqlite = error as? SQLiteError, case .sqlite(let path) = location else { return error }
        let reason: String
        switch sqlite.reason {
        case .full:
            reason = "the disk is full"
        case .ioError, .ioErrorFailedWrite, .ioErrorFailedSync, .ioErrorFailedDirSync:
            reason = "the disk refused a write (is it full, or is the file larger than the system allows?)"
        case .readOnly, .readonlyDirectory, .readonlyCantLock, .permission:
            reason = "the file or its folder is read-only"
        case .busy, .busyTimeout, .locked:
            reason = "another process held the database for more than \(Database.busyTimeoutMilliseconds / 1000) seconds"
        default:
            return error
        }
        return StoreError.storage("could not write the SQLite database \(path): \(reason); nothing of this change was written (\(sqlite.message))")
    }
}
