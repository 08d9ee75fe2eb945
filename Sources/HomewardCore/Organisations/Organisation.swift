/// A partner that reports figures: a UN agency, a ministry, a governorate administration, a working group.
///
/// Organisations are created on first use by name, so that a spreadsheet's `#org` column needs no set-up.
public struct Organisation: Hashable, Sendable, Codable {
    public var id: Int
    public var name: String
    /// Whether it is a working group, whose members' editors write its records: one without members yet is still one.
    public var workingGroup: Bool

    enum CodingKeys: String, CodingKey {
        case id, name
        case workingGroup = "working_group"
    }

    public init(id: Int, name: String, workingGroup: Bool = false) {
        self.id = id
        self.name = name
        self.workingGroup = workingGroup
    }

    /// What adding an organisation by name did: a name already known with nothing new is no second creation.
    public enum Addition: Sendable {
        case added, changed, unchanged
    }
}
