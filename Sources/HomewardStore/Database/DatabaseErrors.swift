import HomewardCore
import PostgresNIO
import SQLiteNIO

/// Turns both drivers' errors into messages people can act on: which database, and why.
enum DatabaseErrors {
    static func readable(_ error: any Error, location: DatabaseLocation) -> any Error {
        if let psql = error as? PSQLError {
            // PostgreSQL's errors hide their message from `description`; bring it out, without the statement's values.
            guard let info = psql.serverInfo, let message = info[.message] else { return StoreError.database("\(psql.code)") }
            let detail = info[.detail].map { " (\($0))" } ?? ""
            let text = "\(message)\(detail) [SQLSTATE \(info[.sqlState] ?? "?")]"
            // disk_full: as SQLite's full disk, its operator must act.
            if info[.sqlState] == "53100" { return StoreError.unavailable(Message("problem.database.full"), log: text) }
            return StoreError.database(text)
        }
        guard case .sqlite(let path) = location else { return error }
        let trouble: StorageTrouble, message: String
        if let sqlite = error as? SQLiteError, let known = StorageTrouble(sqlite.reason) {
            (trouble, message) = (known, sqlite.message)
        } else if let call = error as? SQLiteCallError, let known = StorageTrouble(primaryCode: call.primary, extended: call.code) {
            (trouble, message) = (known, call.message)
        } else {
            return error
        }
        let text = "could not write the SQLite database \(path): \(trouble.reason); nothing of this change was written (\(message))"
        // Trying again does not help a full disk, nor one that refused a write (a file larger than the system allows reads as
        // an I/O error of a write, not as a full disk): its operator must act, and a caller is told so. (Another fault of the
        // disk, a read's, a busy or read-only database: the usual 503.)
        if trouble == .full || trouble == .writeRefused { return StoreError.unavailable(Message("problem.database.full"), log: text) }
        return StoreError.storage(text)
    }

    /// What kept SQLite from writing, from SQLiteNIO's reasons or from a result code of the C API.
    enum StorageTrouble {
        case full, writeRefused, io, readOnly, busy

        init?(_ reason: SQLiteError.Reason) {
            switch reason {
            case .full: self = .full
            case .ioErrorFailedWrite, .ioErrorFailedSync, .ioErrorFailedDirSync, .ioErrorFailedTruncate: self = .writeRefused
            case .ioError: self = .io
            case .readOnly, .readonlyDirectory, .readonlyCantLock, .permission: self = .readOnly
            case .busy, .busyTimeout, .locked: self = .busy
            default: return nil
            }
        }

        /// SQLite's primary result codes: FULL 13, IOERR 10 (of a write, a sync or a truncation: extended 778, 1034, 1290,
        /// 1546), READONLY 8, PERM 3, BUSY 5, LOCKED 6.
        init?(primaryCode: Int32, extended: Int32) {
            switch primaryCode {
            case 13: self = .full
            case 10: self = [778, 1034, 1290, 1546].contains(extended) ? .writeRefused : .io
            case 8, 3: self = .readOnly
            case 5, 6: self = .busy
            default: return nil
            }
        }

        var reason: String {
            switch self {
            case .full: "the disk is full"
            case .writeRefused: "the disk refused a write (is it full, or is the file larger than the system allows?)"
            case .io: "the disk could not be read or written"
            case .readOnly: "the file or its folder is read-only"
            case .busy: "another process held the database for more than \(Database.busyTimeoutMilliseconds / 1000) seconds"
            }
        }
    }
}
