/// Organisation ids by name for the length of one import's transaction, created on first use,
/// so that a writer asks the database once per organisation rather than once per record. The import has held each
/// name to the known spellings already (``ImportRun``), so a new one is created without reading them all again.
struct OrganisationIDs: Sendable {
    private var known: [String: Int] = [:]

    mutating func id(of name: String, on write: WriteContext) async throws -> Int {
        if let id = known[name] { return id }
        let id = try await OrganisationsStore.organisationID(named: name, on: write, checkingSpelling: false)
        known[name] = id
        return id
    }

    /// The id of each organisation named, looked up (or created) once per name; a run of rows of one organisation
    /// costs one comparison a row, not a lookup.
    /// - Parameter beforeAsking: runs before any question to the database (a writer settles its COPY still running).
    mutating func ids(of names: some Sequence<String>, on write: WriteContext,
                      beforeAsking: () async throws -> Void = {}) async throws -> [Int] {
        var ids: [Int] = []
        ids.reserveCapacity(names.underestimatedCount)
        var previous: (name: String, id: Int)?
        for name in names {
            if let previous, previous.name == name {
                ids.append(previous.id)
                continue
            }
            if known[name] == nil { try await beforeAsking() }
            let id = try await id(of: name, on: write)
            previous = (name, id)
            ids.append(id)
        }
        return ids
    }
}
