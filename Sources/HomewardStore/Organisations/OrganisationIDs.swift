/// Organisation ids by name for the length of one import's transaction, created on first use,
/// so that a writer asks the database once per organisation rather than once per record.
struct OrganisationIDs: Sendable {
    private var known: [String: Int] = [:]

    mutating func id(of name: String, on write: WriteContext) async throws -> Int {
        if let id = known[name] { return id }
        let id = try await OrganisationsStore.organisationID(named: name, on: write)
        known[name] = id
        return id
    }

    /// Looks up (or creates) every organisation named, so that a batch then reads the ids without waiting.
    mutating func resolve(_ names: some Sequence<String>, on write: WriteContext) async throws {
        var previous: String?
        for name in names where name != previous {
            previous = name
            if known[name] == nil { _ = try await id(of: name, on: write) }
        }
    }

    /// The id of an organisation ``resolve(_:on:)`` has looked up; anything else is a mistake of the caller.
    subscript(name: String) -> Int {
        guard let id = known[name] else { preconditionFailure("organisation \(name) not resolved before use") }
        return id
    }
}
