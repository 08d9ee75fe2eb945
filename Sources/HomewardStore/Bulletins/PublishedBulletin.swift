import HomewardCore

/// A bulletin as published: its id, its frozen snapshot and that snapshot's SHA-256, and who published it when.
public struct PublishedBulletin: Sendable, Encodable {
    public var id: Int
    public var sha256: String
    public var publishedAt: String
    public var publishedBy: String
    public var snapshot: BulletinSnapshot

    public init(id: Int, sha256: String, publishedAt: String, publishedBy: String, snapshot: BulletinSnapshot) {
        self.id = id
        self.sha256 = sha256
        self.publishedAt = publishedAt
        self.publishedBy = publishedBy
        self.snapshot = snapshot
    }

    enum CodingKeys: String, CodingKey {
        case id, sha256, snapshot
        case publishedAt = "published_at", publishedBy = "published_by"
    }
}
