/// What a write needs of its caller, which each store names when it writes, so that no write is unchecked.
public enum WriteNeed: String, Sendable, Hashable, CaseIterable {
    /// Figures an organisation reports (movements, censuses, departures, …): an editor, for its own organisations.
    case records
    /// Sites, evacuation operations and their status: the centre's coordinators.
    case planning
    /// Crossing points, the gazetteer, organisations: admins.
    case reference
    /// People and their credentials: admins.
    case people
    /// A person's own password and tokens: anyone signed in, for their own account only (the store checks whose).
    case account
    /// Homeward's own housekeeping (its schema, a remembered idempotent response, a token's last use): not a
    /// change of the records, so neither checked nor audited.
    case bookkeeping

    /// The least role that may write it; `nil` when anyone may.
    public var leastRole: Role? {
        switch self {
        case .records: .editor
        case .planning: .coordinator
        case .reference, .people: .admin
        case .account: .viewer
        case .bookkeeping: nil
        }
    }
}
