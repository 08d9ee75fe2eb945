import HomewardCore
import SQLKit

/// Coordination sessions: the day, the participating organisations in order, and each one's briefing.
public struct SessionsStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Records a session and returns it with its id.
    /// - Parameters:
    ///   - today: a session is recorded once held: one dated after it is refused, as a bulletin following it would be.
    ///   - vocabulary: whose words a refusal names its field in: `--org` and `--briefing`, or the JSON's
    ///     `participants[i].organisation` and `participants[i].briefing`.
    /// - Throws: ``StoreError/invalid(field:value:reason:)`` without participants, with one named twice, or dated after `today`.
    public func addSession(_ session: CoordinationSession, today: Day, vocabulary: Vocabulary = .commandLine,
                           by caller: Caller) async throws -> CoordinationSession {
        let api = vocabulary == .api
        func field(_ index: Int?, _ key: String) -> String {
            api ? (index.map { "participants[\($0)].\(key)" } ?? "participants") : (key == "organisation" ? "org" : key)
        }
        guard session.date <= today else {
            throw StoreError.invalid(field: "date", value: session.date.description, reason: "after today (\(today)): a session is recorded once it was held")
        }
        let names = session.briefings.map { $0.organisation.trimmingCharacters(in: .whitespaces) }
        guard !names.isEmpty else {
            throw StoreError.invalid(field: field(nil, "organisation"), value: "", reason: "a session needs at least one participating organisation")
        }
        if let bad = names.firstIndex(where: { !PlainName.isValid($0) }) {
            throw StoreError.invalid(field: field(bad, "organisation"), value: names[bad], reason: names[bad].containsDirectionControl
                                     ? Catalogue.english.text(Message("import.directionControl")) : "an organisation's name of 1 to 200 characters")
        }
        if let twice = names.indices.first(where: { index in names[..<index].contains(names[index]) }) {
            throw StoreError.invalid(field: field(twice, "organisation"), value: names[twice], reason: "each organisation takes part once")
        }
        if let turned = session.briefings.firstIndex(where: { $0.text?.containsDirectionControl == true }) {
            throw StoreError.invalid(field: field(turned, "briefing"), value: String((session.briefings[turned].text ?? "").prefix(40)),
                                     reason: Catalogue.english.text(Message("import.directionControl")))
        }
        if let long = session.briefings.firstIndex(where: { ($0.text?.unicodeScalars.count ?? 0) > 20_000 || $0.text?.utf8.contains(0) == true }) {
            throw StoreError.invalid(field: field(long, "briefing"), value: String((session.briefings[long].text ?? "").prefix(40)),
                                     reason: "a briefing is text of at most 20,000 characters")
        }
        let organisationFields = names.indices.map { field($0, "organisation") }
        return try await database.write(by: caller, for: .planning) { write in
            guard let id = try await write.sql.raw("""
                INSERT INTO coordination_sessions (day, created_at, created_by)
                VALUES (\(bind: session.date.number), \(bind: write.timestamp), \(bind: write.caller.description)) RETURNING id
                """).first(decodingColumn: "id", as: Int.self) else { throw StoreError.notFound("the new session's id") }
            for (position, briefing) in session.briefings.enumerated() {
                let organisation = try await OrganisationsStore.organisationID(named: names[position], on: write,
                                                                               field: organisationFields[position])
                try await write.sql.raw("""
                    INSERT INTO session_briefings (session_id, organisation_id, position, briefing)
                    VALUES (\(bind: id), \(bind: organisation), \(bind: position), \(bind: briefing.text))
                    """).run()
            }
            let stored = CoordinationSession(id: id, date: session.date, briefings: zip(names, session.briefings).map { .init(organisation: $0, text: $1.text) })
            // Not `session`: that kind is a sign-in's.
            try await write.audit("create", kind: "coordination-session", record: String(id), after: stored)
            return stored
        }
    }

    /// Sessions, newest first, or those of one day.
    public func sessions(on day: Day? = nil) async throws -> [CoordinationSession] {
        try await database.read { db in
            var query: SQLQueryString = """
                SELECT s.id, s.day, o.name, b.briefing FROM coordination_sessions s
                JOIN session_briefings b ON b.session_id = s.id JOIN organisations o ON o.id = b.organisation_id
                """
            if let day { query += " WHERE s.day = \(bind: day.number)" }
            query += " ORDER BY s.day DESC, s.id DESC, b.position"
            var sessions: [CoordinationSession] = []
            for row in try await db.raw(query).all() {
                let id = try row.decode(column: "id", as: Int.self)
                let briefing = CoordinationSession.Briefing(organisation: try row.decode(column: "name", as: String.self),
                                                            text: try row.decode(column: "briefing", as: String?.self))
                if sessions.last?.id == id {
                    sessions[sessions.count - 1].briefings.append(briefing)
                } else {
                    sessions.append(CoordinationSession(id: id, date: Day(number: try row.decode(column: "day", as: Int.self)), briefings: [briefing]))
                }
            }
            return sessions
        }
    }
}
