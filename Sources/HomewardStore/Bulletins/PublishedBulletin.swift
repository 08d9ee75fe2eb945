import HomewardCore

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
        case publishedAt = "published_at", publishedBy = "published_by", editedTexts = "edited_texts", publicSince = "public_since"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(sha256, forKey: .sha256)
        try c.encode(publishedAt, forKey: .publishedAt)
        try c.encode(publishedBy, forKey: .publishedBy)
        try c.encode(publicSince, forKey: .publicSince)
        try c.encode(Dictionary(uniqueKeysWithValues: editedTexts.map { ($0.key.rawValue, $0.value) }), forKey: .editedTexts)
        try c.encode(snapshot, forKey: .snapshot)
    }
}
