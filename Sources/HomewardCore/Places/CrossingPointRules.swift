/// The rules a new crossing point must pass, with the field and reason of each refusal.
///
/// A pure function of the gazetteer, beside ``MovementRules``: the store only adds that no other
/// crossing point has the code by the time it writes.
public struct CrossingPointRules: Sendable {
    public let gazetteer: Gazetteer

    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
    }

    public typealias Problem = FieldProblem

    /// The crossing point as it will be stored (its code trimmed), or the first problem found.
    public func check(_ crossing: CrossingPoint) throws(Problem) -> CrossingPoint {
        let code = crossing.code.trimmingCharacters(in: .whitespaces)
        guard !code.isEmpty, code.count <= 32, !code.contains(where: { $0.isWhitespace || $0 == "," }) else {
            throw Problem(field: "code", value: crossing.code,
                          reason: "a crossing code is up to 32 characters, without spaces or commas, such as LBN-07")
        }
        for (field, value) in [("name", crossing.nameEn), ("name_ar", crossing.nameAr), ("name_ru", crossing.nameRu ?? ""), ("country", crossing.country ?? ""),
                               ("counterpart_name", crossing.counterpartName ?? ""), ("admin", crossing.adminPcode ?? ""),
                               ("note", crossing.note ?? "")]
        where value.contains("\u{0}") || value.count > 500 {
            throw Problem(field: field, value: String(value.prefix(40)), reason: "not text of at most 500 characters")
        }
        guard !crossing.nameEn.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw Problem(field: "name", value: crossing.nameEn, reason: "a crossing point needs a name")
        }
        if let country = crossing.country {
            guard gazetteer.countries[country] != nil else {
                throw Problem(field: "country", value: country, reason: "unknown country: give its ISO 3166 alpha-3 code, such as LBN")
            }
            if country == gazetteer.homeCountry {
                throw Problem(field: "country", value: country,
                              reason: "a border crossing leads to another country; for a crossing inside \(country), use --internal")
            }
        }
        if let admin = crossing.adminPcode, gazetteer.area(admin) == nil {
            throw Problem(field: "admin", value: admin, reason: "unknown area P-code")
        }
        if gazetteer.crossings[code] != nil {
            throw Problem(field: "code", value: code, reason: "a crossing point with code \(code) exists already", isConflict: true)
        }
        var checked = crossing
        checked.code = code
        return checked
    }
}
