import HomewardCore

/// Why the store refused a request, in words for the person who made it.
public enum StoreError: Error, Sendable, CustomStringConvertible, Equatable {
    case closed
    case notFound(String)
    case invalid(field: String, value: String, reason: String)
    case conflict(String)
    /// A record refused by a rule of Core: the field, the value, and why as a catalogue message, which the
    /// API writes in its reader's language. A conflict when another record has the code.
    case refused(FieldProblem)
    /// The caller may not make this change (its role, or another organisation's records); nothing was written.
    case forbidden(Message)
    /// Records of an import the caller may not write (another organisation's), each named by its row; nothing was written.
    case forbiddenRecords(Message, ImportSummary)
    /// The caller is no one the store knows (the public, or a disabled account); nothing was written.
    case unauthenticated(Message)
    /// The database refused a statement; the message is the server's, without the statement's values.
    case database(String)
    /// The database file could not be written (a read-only file, another process holding it); the message names it.
    case storage(String)
    /// The database cannot be used until its operator acts (a full disk, its file removed or replaced): the message tells a
    /// caller so in its language, without the server's paths, and that trying again will not help; `log` names the file.
    case unavailable(Message, log: String)

    public var description: String {
        switch self {
        case .closed: "the database is closed"
        case .notFound(let what): "\(what) not found"
        case .invalid(let field, let value, let reason): "\(FieldProblem.label(field, value)): \(reason)"
        case .conflict(let what): what
        case .refused(let problem): problem.isConflict ? problem.reason : problem.description
        case .forbidden(let message), .unauthenticated(let message): Catalogue.english.text(message)
        case .forbiddenRecords(_, let summary): summary.problems.map(\.description).joined(separator: "\n")
        case .database(let message): "the database refused: \(message)"
        case .storage(let message): message
        case .unavailable(_, let log): log
        }
    }
}

extension StoreError {
    /// Runs a rule of Core; its refusal becomes ``refused(_:)``, which every caller answers in its reader's language.
    static func refusing<T>(_ body: () throws(FieldProblem) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw StoreError.refused(error)
        }
    }
}
