import HomewardCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file a path named when the database was opened (its device and inode), so that one removed or replaced while the
/// program runs is noticed: SQLite's open connections would go on with the removed file, whose writes are lost once they
/// close, and a new connection would make an empty database in its place and serve it as a new deployment.
struct SQLiteFileIdentity: Sendable, Equatable {
    let path: String
    private let device: UInt64
    private let inode: UInt64

    /// The file at `path` now; `nil` where there is none.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.path = path
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }

    /// Throws where `path` no longer names this file.
    func check() throws {
        guard SQLiteFileIdentity(path: path) != self else { return }
        throw StoreError.unavailable(Message("problem.database.replaced"), log: """
            the SQLite database \(path) was removed or replaced while Homeward had it open: nothing is read or written until \
            Homeward is restarted on the right file (restore a backup with Homeward stopped)
            """)
    }
}
