/// A partner that reports figures: a UN agency, a ministry, a governorate administration, a working group.
///
/// Organisations are created on first use by name, so that a spreadsheet's `#org` column needs no set-up.
public struct Organisation: Hashable, Sendable, Codable {
    public var id: Int
    public var name: String

    public init(id: Int, name: String) {
        self.id = id
        self.name = name
    }
}
