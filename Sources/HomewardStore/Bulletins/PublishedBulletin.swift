import HomewardCore

/// A bulletin as published: its id, its frozen snapshot and that snapshot's SHA-256, and who published it when.
public struct PublishedBulletin: Sendable, Encodable {
    public var id: Int
    public var sha256: String
    public var publishedAt: String
    public var publishedBy: String
    public var snapshot: BulletinSnapshot

    enum CodingKeys: String, CodingKey {
        case id, sha256, snapshot
        case publishedAt = "published_at", publishedBy = "published_by"
    }
}
