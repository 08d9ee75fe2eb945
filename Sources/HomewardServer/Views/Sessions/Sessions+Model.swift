import HomewardCore
import HomewardStore

/// What the sessions page shows: each coordination session with its participants' briefings as given, and the
/// bulletins published as its joint statement.
struct SessionsModel {
    struct Item {
        var session: CoordinationSession
        /// The bulletins published for the session (or its day), newest first, each with the one that replaces it.
        var bulletins: [(id: Int, replacedBy: Int?)]
    }

    var items: [Item]
    /// Statements that follow no session (published before any was recorded on their day), newest first: listed apart,
    /// as they replace one another apart from any session's (``BulletinLineage``).
    var withoutSession: [(id: Int, replacedBy: Int?)] = []
    var demo: Bool

    static func load(stores: Stores, demo: Bool) async throws -> SessionsModel {
        let bulletins = try await stores.bulletinList()
        let items = try await stores.sessions.sessions().map { session in
            // A bulletin names its session when one was recorded on its day before it was published.
            Item(session: session, bulletins: bulletins.filter { $0.session != nil && $0.session == session.id }.map { ($0.id, $0.lineage.replacedBy) })
        }
        return SessionsModel(items: items, withoutSession: bulletins.filter { $0.session == nil }.map { ($0.id, $0.lineage.replacedBy) }, demo: demo)
    }
}
