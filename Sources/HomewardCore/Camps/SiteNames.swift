/// Sites by their names in every language, for the files a camp manager keeps, which name a camp ("Al-Hol", "الهول")
/// rather than give the code Homeward knows it by.
public struct SiteNames: Sendable {
    private var codes: [String: [String]] = [:]

    public init(_ sites: [Site] = []) {
        for site in sites {
            for name in Set([site.name, site.nameAr, site.nameRu].compactMap { $0 }.map(Gazetteer.fold)) where !name.isEmpty {
                codes[name, default: []].append(site.code)
            }
        }
    }

    /// The codes of the sites of that name, in any case, punctuation or Arabic spelling: none, one, or several.
    public func codes(named name: String) -> [String] { codes[Gazetteer.fold(name)] ?? [] }

    /// The code a row gives, else the one site its name fits: whose operator reports a row that names no organisation.
    public func site(code: String?, name: String?) -> String? {
        code ?? name.map(codes(named:)).flatMap { $0.count == 1 ? $0[0] : nil }
    }
}

extension DraftChecks {
    /// The site a row is of: by its code (`#loc+site+code`), else by its name (`#loc+site+name`). A name that fits no site,
    /// or several, rejects the row; a name beside a code that says another site is warned of, and the code kept.
    public mutating func site(code: Field, name: Field, known: RecordCodes, names: SiteNames) -> String? {
        let byName = draft[name].map(names.codes(named:))
        guard let given = draft[code] else {
            guard let byName else {
                fail(code, Message("import.site.missing"))
                return nil
            }
            switch byName.count {
            case 1: return byName[0]
            case 0: fail(name, Message("import.site.unknownName"))
            default: fail(name, Message("import.site.ambiguousName", ["sites": .text(byName.sorted().joined(separator: ", "))]))
            }
            return nil
        }
        guard let stored = known.stored(given) else {
            fail(code, Message("import.site.unknown"))
            return nil
        }
        if let byName, !byName.contains(stored) {
            fail(name, Message("import.site.nameOfAnother", ["code": .code(stored)]), warning: true)
        }
        return stored
    }
}
