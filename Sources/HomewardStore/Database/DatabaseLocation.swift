/// Where a store lives: an SQLite file (the embedded default) or a PostgreSQL server.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String)

    /// The default file, in the working directory.
    public static let defaultPath = "homeward.sqlite"

    /// Reads `--database` or `HOMEWARD_DATABASE`: a `postgres://` URL, or a file path.
    public init(_ text: String) {
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(url: text)
        } else {
            self = .sqlite(path: text)
        }
    }

    /// Without the password, for logs and messages.
    public var description: String {
        switch self {
        case .sqlite(let path): return "SQLite database \(path)"
        case .postgres(let given):
            // A query may hold the password too (`?password=`): left out whole.
            let url = given.firstIndex(of: "?").map { String(given[..<$0]) + "?…" } ?? given
            guard let at = url.lastIndex(of: "@"), let scheme = url.range(of: "://") else { return "PostgreSQL database \(url)" }
            return "PostgreSQL database \(url[..<scheme.upperBound])…\(url[at...])"
        }
    }
}
