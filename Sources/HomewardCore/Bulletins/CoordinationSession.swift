/// A coordination session: the day the centre met, who took part, and what each one briefed.
///
/// Briefings are kept as each organisation gave them, in its own words; the joint statement is built from the
/// data, not from the briefings.
public struct CoordinationSession: Hashable, Sendable, Codable {
    public struct Briefing: Hashable, Sendable, Codable {
        public var organisation: String
        public var text: String?

        public init(organisation: String, text: String? = nil) {
            self.organisation = organisation
            self.text = text
        }

        /// `text` is written `null` where a participant gave no briefing, as every absent value is: a script reads the key.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(organisation, forKey: .organisation)
            try container.encode(text, forKey: .text)
        }
    }

    public var id: Int?
    public var date: Day
    public var briefings: [Briefing]

    public init(id: Int? = nil, date: Day, briefings: [Briefing]) {
        self.id = id
        self.date = date
        self.briefings = briefings
    }

    public var organisations: [String] { briefings.map(\.organisation) }
}
