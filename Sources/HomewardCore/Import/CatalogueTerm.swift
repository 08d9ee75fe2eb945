import Foundation

/// The rules an entry users add to a catalogue (a kind of facility, a type of aid) must pass.
public enum CatalogueTerm {
    /// A code of up to 32 characters without spaces or commas, not in use; an English name; every name text of
    /// at most 200 characters, none another entry's name in the same language (whatever the case), which a statement
    /// or a table would then print twice for two different things.
    /// - Parameter existing: the entries there are, each with its names in the order of `names`.
    public static func check(code: String, given: String, names: [(field: String, value: String?)],
                             existing: [(code: String, names: [String?])]) throws(FieldProblem) {
        guard RecordCode.isValid(code) else {
            throw FieldProblem(field: "code", value: given, Message("term.code.invalid", ["maximum": .count(32)]))
        }
        for (field, value) in names {
            guard let value else { continue }
            guard PlainName.fits(value) else {
                throw FieldProblem(field: field, value: String(value.prefix(40)), value.containsDirectionControl
                                   ? Message("import.directionControl") : Message("site.text.invalid", ["maximum": .count(200)]))
            }
        }
        guard let english = names.first?.value, !english.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw FieldProblem(field: names.first?.field ?? "name", value: "", Message("term.name.missing"))
        }
        if existing.contains(where: { $0.code == code }) {
            throw FieldProblem(field: "code", value: code, Message("term.code.taken", ["code": .code(code)]), isConflict: true)
        }
        let fold = { (name: String) in name.trimmingCharacters(in: .whitespaces).lowercased() }
        for (index, (field, value)) in names.enumerated() {
            guard let value, !fold(value).isEmpty else { continue }
            if let other = existing.first(where: { $0.names.indices.contains(index) && $0.names[index].map(fold) == fold(value) }) {
                throw FieldProblem(field: field, value: value, Message("term.name.taken", ["code": .code(other.code)]), isConflict: true)
            }
        }
    }
}
