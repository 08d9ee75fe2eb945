/// An organisation as lists give it to scripts: with a working group's members, so that a script can tell whose
/// editors write the group's records (the command line's `organisations list --format json`, `GET /api/v1/organisations`).
public struct ListedOrganisation: Encodable, Sendable {
    public var id: Int
    public var name: String
    public var workingGroup: Bool
    public var members: [String]

    enum CodingKeys: String, CodingKey {
        case id, name, members
        case workingGroup = "working_group"
    }

    public init(_ organisation: Organisation, members: [String: [String]]) {
        id = organisation.id
        name = organisation.name
        workingGroup = organisation.workingGroup
        self.members = members[organisation.name] ?? []
    }
}
