/// The rules a new site must pass: a code, a name, an area of the gazetteer, and for a transit centre its capacity.
public struct SiteRules: Sendable {
    public let gazetteer: Gazetteer
    /// Codes of the sites that exist already.
    public let existing: Set<String>

    public init(gazetteer: Gazetteer, existing: Set<String>) {
        self.gazetteer = gazetteer
        self.existing = existing
    }

    /// The site as it will be stored (code trimmed, a transit centre's usual stay filled in), or the first problem.
    public func check(_ site: Site) throws(FieldProblem) -> Site {
        let code = site.code.trimmingCharacters(in: .whitespaces)
        guard RecordCode.isValid(code) else {
            throw FieldProblem(field: "code", value: site.code, Message("site.code.invalid", ["maximum": .count(32)]))
        }
        for (field, value) in [("name", site.name), ("name_ar", site.nameAr ?? ""), ("name_ru", site.nameRu ?? ""), ("operator", site.operatorName ?? "")]
        where value.contains("\u{0}") || value.unicodeScalars.count > 500 || value.containsDirectionControl {
            throw FieldProblem(field: field, value: String(value.prefix(40)), value.containsDirectionControl && !value.contains("\u{0}")
                               ? Message("import.directionControl") : Message("site.text.invalid", ["maximum": .count(500)]))
        }
        guard !site.name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw FieldProblem(field: "name", value: site.name, Message("site.name.missing"))
        }
        // An operator is an organisation named, or none: a blank one would make an organisation without a name.
        if let operatorName = site.operatorName, operatorName.isBlank {
            throw FieldProblem(field: "operator", value: operatorName, Message("site.operator.blank"))
        }
        guard gazetteer.area(site.admin) != nil else {
            throw FieldProblem(field: "admin", value: site.admin, Message("site.admin.unknown"))
        }
        if let capacity = site.capacity, !(1...10_000_000).contains(capacity) {
            throw FieldProblem(field: "capacity", value: String(capacity), Message("site.capacity.invalid"))
        }
        if let stay = site.stayHours, !(1...24 * 365).contains(stay) {
            throw FieldProblem(field: "stay_hours", value: String(stay), Message("site.stay.invalid"))
        }
        var checked = site
        checked.code = code
        // A name in another language left blank is no name: the pages and the statement then say the English one.
        checked.nameAr = site.nameAr.flatMap { $0.isBlank ? nil : $0.trimmingBlanks }
        checked.nameRu = site.nameRu.flatMap { $0.isBlank ? nil : $0.trimmingBlanks }
        if site.kind == .transitCentre {
            guard site.capacity != nil else {
                throw FieldProblem(field: "capacity", value: "", Message("site.capacity.missing"))
            }
            checked.stayHours = site.stayHours ?? Site.defaultStayHours
        }
        // A code that differs from a stored one only in letter case is taken too: rows naming either would split one site.
        if let taken = RecordCode.taken(code, among: existing) {
            throw FieldProblem(field: "code", value: code, Message("site.code.taken", ["code": .code(taken)]), isConflict: true)
        }
        return checked
    }
}
