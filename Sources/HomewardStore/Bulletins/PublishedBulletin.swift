import HomewardCore

/// A published bulletin as a list names it: what its table row says, without its snapshot or edited texts.
public struct ListedBulletin: Hashable, Sendable, Encodable {
    public var id: Int
    public var date: Day
    public var since: Day?
    /// The session it is the joint statement of, when one was recorded on its day before it was published.
    public var session: Int?
    public var sha256: String
    public var publishedAt: String
    public var publishedBy: String
    public var publicSince: String?
    /// The statements of its day and session it replaces and is replaced by (among those the reader may read).
    public var lineage = BulletinLineage()

    public init(id: Int, date: Day, since: Day?, session: Int?, sha256: String, publishedAt: String, publishedBy: String, publicSince: String?) {
        self.id = id
        self.date = date
        self.since = since
        self.session = session
        self.sha256 = sha256
        self.publishedAt = publishedAt
        self.publishedBy = publishedBy
        self.publicSince = publicSince
    }

    enum CodingKeys: String, CodingKey {
        case id, date, since, session, sha256, replaces
        case publishedAt = "published_at", publishedBy = "published_by", publicSince = "public_since", replacedBy = "replaced_by"
    }

    /// As `GET /api/v1/bulletins` answers an account, with who published each.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(date, forKey: .date)
        try c.encode(since, forKey: .since)
        try c.encode(session, forKey: .session)
        try c.encode(sha256, forKey: .sha256)
        try c.encode(publishedAt, forKey: .publishedAt)
        try c.encode(publishedBy, forKey: .publishedBy)
        try c.encode(publicSince, forKey: .publicSince)
        try c.encode(lineage.replaces, forKey: .replaces)
        try c.encode(lineage.replacedBy, forKey: .replacedBy)
    }
}

/// A bulletin as published: its id, its frozen snapshot and that snapshot's SHA-256, and who published it when.
public struct PublishedBulletin: Sendable, Encodable {
    public var id: Int
    public var sha256: String
    public var publishedAt: String
    public var publishedBy: String
    public var snapshot: BulletinSnapshot
    /// The text the centre edited before publishing, by language; the other languages read as generated.
    public var editedTexts: [Language: String]
    /// Since when the public may read it (small counts hidden); `nil` while it is internal.
    public var publicSince: String?
    /// The statements of its day and session it replaces and is replaced by (among those the reader may read).
    public var lineage = BulletinLineage()

    public var isPublic: Bool { publicSince != nil }

    public init(id: Int, sha256: String, publishedAt: String, publishedBy: String, snapshot: BulletinSnapshot,
                editedTexts: [Language: String] = [:], publicSince: String? = nil) {
        self.editedTexts = editedTexts
        self.publicSince = publicSince
        self.id = id
        self.sha256 = sha256
        self.publishedAt = publishedAt
        self.publishedBy = publishedBy
        self.snapshot = snapshot
    }

    enum CodingKeys: String, CodingKey {
        case id, sha256, snapshot
        case replaces
        case publishedAt = "published_at", publishedBy = "published_by", editedTexts = "edited_texts", publicSince = "public_since"
        case replacedBy = "replaced_by"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(sha256, forKey: .sha256)
        try c.encode(publishedAt, forKey: .publishedAt)
        try c.encode(publishedBy, forKey: .publishedBy)
        try c.encode(publicSince, forKey: .publicSince)
        try c.encode(lineage.replaces, forKey: .replaces)
        try c.encode(lineage.replacedBy, forKey: .replacedBy)
        try c.encode(Dictionary(uniqueKeysWithValues: editedTexts.map { ($0.key.rawValue, $0.value) }), forKey: .editedTexts)
        try c.encode(snapshot, forKey: .snapshot)
    }
}

/// What publishing answers: the statement's id, its snapshot's hash, and the statement it replaces.
public struct PublishedID: Encodable, Sendable {
    public var id: Int
    public var sha256: String
    /// The statement of the same day and session it replaces; null where it is the first.
    public var replaces: Int?
    /// Made public at once: the entries its public copy withholds (``Stores/withheldFromThePublic(_:smallCounts:)``).
    public var withheld: [String]?

    public init(_ published: PublishedBulletin, withheld: [String]? = nil) {
        id = published.id
        sha256 = published.sha256
        replaces = published.lineage.replaces
        self.withheld = withheld
    }

    enum CodingKeys: String, CodingKey { case id, sha256, replaces, withheld }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(sha256, forKey: .sha256)
        try c.encode(replaces, forKey: .replaces)
        try c.encodeIfPresent(withheld, forKey: .withheld)
    }
}
