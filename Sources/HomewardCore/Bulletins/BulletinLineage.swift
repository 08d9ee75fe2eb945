/// Where a published statement stands among those of its day and session: a statement published again for the same
/// session (a late report, a correction) replaces the one before it, which stays as it was published, so that readers of
/// either are told of the other.
public struct BulletinLineage: Hashable, Sendable {
    /// The statement of the same day and session published just before this one.
    public var replaces: Int?
    /// The statement of the same day and session published just after this one.
    public var replacedBy: Int?

    public init(replaces: Int? = nil, replacedBy: Int? = nil) {
        self.replaces = replaces
        self.replacedBy = replacedBy
    }

    /// Each statement's lineage, from every statement's id, day and session (`nil` where it follows none).
    public static func of(_ statements: [(id: Int, day: Day, session: Int?)]) -> [Int: BulletinLineage] {
        var lineage: [Int: BulletinLineage] = [:]
        for group in Dictionary(grouping: statements, by: { "\($0.day.number) \($0.session.map(String.init) ?? "-")" }).values {
            let ids = group.map(\.id).sorted()
            for (index, id) in ids.enumerated() {
                lineage[id] = BulletinLineage(replaces: index > 0 ? ids[index - 1] : nil, replacedBy: index + 1 < ids.count ? ids[index + 1] : nil)
            }
        }
        return lineage
    }
}
