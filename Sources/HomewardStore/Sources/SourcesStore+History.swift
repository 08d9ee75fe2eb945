import HomewardCore
import SQLKit

extension SourcesStore {
    /// One version of a figure that a correction replaced: what it said, who recorded it, and who replaced it when.
    public struct Revision: Sendable, Encodable {
        public var value: Int
        public var qualifier: String
        public var citation: String?
        public var recordedAt: String
        public var recordedBy: String
        public var supersededAt: String
        public var supersededBy: String

        enum CodingKeys: String, CodingKey {
            case value, qualifier, citation
            case recordedAt = "recorded_at", recordedBy = "recorded_by", supersededAt = "superseded_at", supersededBy = "superseded_by"
        }

        /// Every key, `citation` as `null` where none was given, as the contract lists it.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(value, forKey: .value)
            try c.encode(qualifier, forKey: .qualifier)
            try c.encode(citation, forKey: .citation)
            try c.encode(recordedAt, forKey: .recordedAt)
            try c.encode(recordedBy, forKey: .recordedBy)
            try c.encode(supersededAt, forKey: .supersededAt)
            try c.encode(supersededBy, forKey: .supersededBy)
        }
    }

    /// A figure as it stands and what it said before its corrections: `sources history` and its API route give the same.
    public struct History: Sendable, Encodable {
        /// The figure's id.
        public var figure: Int
        public var current: SourceFigure
        public var revisions: [Revision]
    }

    /// A figure and its earlier versions, read at one moment (a correction landing between two reads would set a figure in
    /// force beside versions that do not lead to it); `nil` for no figure of that id.
    public func history(ofFigure id: Int) async throws -> History? {
        try await database.consistentRead {
            guard let current = try await figures(id: id).first else { return nil }
            return History(figure: id, current: current, revisions: try await revisions(ofFigure: id))
        }
    }

    /// The versions a figure had before its corrections, oldest first: an organisation restating its figure for the same
    /// day replaces it, and what it said before stays readable.
    public func revisions(ofFigure id: Int) async throws -> [Revision] {
        try await database.read { db in
            try await db.raw("""
                SELECT value, qualifier, citation, recorded_at, recorded_by, superseded_at, superseded_by
                FROM source_figure_revisions WHERE figure_id = \(bind: id) ORDER BY id
                """).all().map { row in
                Revision(value: try row.decode(column: "value", as: Int.self), qualifier: try row.decode(column: "qualifier", as: String.self),
                         citation: try row.decode(column: "citation", as: String?.self),
                         recordedAt: try row.decode(column: "recorded_at", as: String.self), recordedBy: try row.decode(column: "recorded_by", as: String.self),
                         supersededAt: try row.decode(column: "superseded_at", as: String.self),
                         supersededBy: try row.decode(column: "superseded_by", as: String.self))
            }
        }
    }
}
