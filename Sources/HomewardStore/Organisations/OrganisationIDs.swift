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
}
