/// The rules a new crossing point must pass, with the field and reason of each refusal.
///
/// A pure function of the gazetteer, beside ``MovementRules``: the store only adds that no other
/// crossing point has the code by the time it writes.
public struct CrossingPointRules: Sendable {
    public let gazetteer: Gazetteer
    /// Whose words problems use for options: `--internal` on the command line, a missing `country` in the API.
    public let vocabulary: Vocabulary

    public init(gazetteer: Gazetteer, vocabulary: Vocabulary = .commandLine) {
        self.gazetteer = gazetteer
        self.vocabulary = vocabulary
    }

    /// The crossing point as it will be stored (its code trimmed), or the first problem found.
    public func check(_ crossing: CrossingPoint) throws(FieldProblem) -> CrossingPoint {
        let code = crossing.code.trimmingCharacters(in: .whitespaces)
        guard RecordCode.isValid(code) else {
            throw FieldProblem(field: "code", value: crossing.code, Message("crossing.code.invalid", ["maximum": .count(32)]))
        }
        // The body's keys in the API, the options' names on the command line.
        let api = vocabulary == .api
        let name = api ? "name_en" : "name", admin = api ? "admin_pcode" : "admin"
        for (field, value) in [(name, crossing.nameEn), ("name_ar", crossing.nameAr), ("name_ru", crossing.nameRu ?? ""), ("country", crossing.country ?? ""),
                               ("counterpart_name", crossing.counterpartName ?? ""), (admin, crossing.adminPcode ?? ""),
                               ("note", crossing.note ?? "")]
        where value.contains("\u{0}") || value.unicodeScalars.count > 500 || value.containsDirectionControl {
            throw FieldProblem(field: field, value: String(value.prefix(40)), value.containsDirectionControl && !value.contains("\u{0}")
                               ? Message("import.directionControl") : Message("crossing.text.invalid", ["maximum": .count(500)]))
        }
        guard !crossing.nameEn.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw FieldProblem(field: name, value: crossing.nameEn, Message("crossing.name.missing"))
        }
        if let country = crossing.country {
            guard gazetteer.countries[country] != nil else {
                throw FieldProblem(field: "country", value: country, Message("crossing.country.unknown"))
            }
            if country == gazetteer.homeCountry {
                throw FieldProblem(field: "country", value: country, Message("crossing.country.home", ["home": .code(country), "via": vocabulary.argument]))
            }
        }
        if let admin = crossing.adminPcode, gazetteer.area(admin) == nil {
            throw FieldProblem(field: api ? "admin_pcode" : "admin", value: admin, Message("crossing.admin.unknown"))
        }
        if gazetteer.crossings[code] != nil {
            throw FieldProblem(field: "code", value: code, Message("crossing.code.taken", ["code": .code(code)]), isConflict: true)
        }
        var checked = crossing
        checked.code = code
        return checked
    }
}
