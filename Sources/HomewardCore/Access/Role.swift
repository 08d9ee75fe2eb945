/// What a person may do, from least to most.
///
/// A viewer reads everything internal; an editor (a partner) also writes the records of its own organisation
/// and of the working groups it belongs to; a coordinator (the centre's information officers) writes any
/// organisation's records and plans evacuations; an admin also keeps people, organisations and reference data.
public enum Role: String, CaseIterable, Sendable, Codable, Comparable {
    case viewer, editor, coordinator, admin

    public static func < (a: Role, b: Role) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
