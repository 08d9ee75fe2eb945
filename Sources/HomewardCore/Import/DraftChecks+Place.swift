extension DraftChecks {
    /// An area given by P-codes at one or more levels, or by one code at any level: the finest known code
    /// and its lineage. `fields` are the codes, coarsest first; those `levels` names (`#adm1+code` … `#adm3+code`) hold codes
    /// of their own level, and one of another is refused, as movements refuse it (a settlement's code under `#adm1+code` was
    /// stored as the settlement, two columns swapped read as places apart); the finest (`#adm4+code`, the settlement of a
    /// gazetteer of any depth) and JSON's `settlement` take any level's.
    ///
    /// Codes that disagree with the finest known one's lineage reject the row; an unknown code beside a known
    /// coarser one keeps the record at the coarser area, with a warning, as movements do; a row with no known
    /// code is rejected.
    /// - Parameter names: the fields that name areas of each level by name, coarsest first; a name finer than every code is
    ///   read within the finest area known above it, and one that fits several areas rejects the row. A name beside codes as
    ///   fine (a 5W sheet's `#adm2+name` beside its `#adm4+code`) is the code's to decide: one that is another place's is
    ///   warned of, as movements do, never refused.
    public mutating func area(_ fields: [Field], levels: [Field: AdminLevel] = [:], names: [Field] = [], gazetteer: Gazetteer,
                              missing: Message) -> Lineage? {
        var known: [(field: Field, area: AdminArea)] = []
        var unknown: [Field] = []
        var unknownNames: [(field: Field, level: AdminLevel)] = []
        for field in fields {
            guard let code = draft[field] else { continue }
            guard let area = gazetteer.area(code) ?? gazetteer.area(code.uppercased()) else {
                unknown.append(field)
                continue
            }
            if let level = levels[field], area.level != level {
                fail(field, Message("import.place.wrongLevel", ["actual": .level(area.level), "expected": .level(level)]))
                return nil
            }
            known.append((field, area))
        }
        let coded = known.max { $0.area.level < $1.area.level }
        let codedLineage = coded.map { gazetteer.lineage(of: $0.area.pcode) } ?? [:]
        for (field, level) in zip(names, AdminLevel.allCases) {
            guard let name = draft[field] else { continue }
            if let coded, level <= coded.area.level {
                if let code = codedLineage[level], !gazetteer.areas(named: name, level: level).contains(where: { $0.pcode == code }) {
                    fail(field, Message("import.place.nameOfAnother", ["code": .code(code), "name": .text(gazetteer.area(code)?.nameEn ?? code)]),
                         warning: true)
                }
                continue
            }
            let within = known.filter { $0.area.level < level }.max { $0.area.level < $1.area.level }?.area.pcode
            let matches = gazetteer.areas(named: name, level: level, within: within)
            switch matches.count {
            case 1: known.append((field, matches[0]))
            case 0:
                if known.isEmpty {
                    fail(field, Message("import.area.unknownName", ["level": .level(level)]))
                    return nil
                }
                unknownNames.append((field, level))
            default:
                fail(field, Message("import.place.ambiguous", ["level": .level(level), "codes": .text(matches.map(\.pcode).joined(separator: ", "))]))
                return nil
            }
        }
        guard let finest = known.max(by: { $0.area.level < $1.area.level }) else {
            fail(unknown.first ?? fields.first(where: draft.has) ?? fields.first, unknown.isEmpty ? missing : Message("import.area.unknown"))
            return nil
        }
        // Two codes of one level ("locality" SY03 beside "adm1" SY02) are two places, not a place and the area above it.
        if let other = known.first(where: { $0.area.level == finest.area.level && $0.area.pcode != finest.area.pcode }) {
            fail(other.field, Message("import.place.twoOfOneLevel", ["level": .level(finest.area.level), "given": .code(other.area.pcode),
                                                                    "other": .code(finest.area.pcode)]))
            return nil
        }
        let lineage = gazetteer.lineage(of: finest.area.pcode)
        for given in known where lineage[given.area.level] != given.area.pcode {
            fail(given.field, Message("import.place.outsideParent", [
                "finestLevel": .level(finest.area.level), "finest": .code(finest.area.pcode), "name": .text(finest.area.nameEn),
                "level": .level(given.area.level), "parent": .code(lineage[given.area.level] ?? "?"), "given": .code(given.area.pcode)]))
            return nil
        }
        for field in unknown {
            fail(field, Message("import.area.keptCoarser", ["finest": .code(finest.area.pcode), "name": .text(finest.area.nameEn)]), warning: true)
        }
        for (field, level) in unknownNames {
            fail(field, Message("import.place.keptCoarser", ["level": .level(level), "finestLevel": .level(finest.area.level),
                                                            "finest": .code(finest.area.pcode), "name": .text(finest.area.nameEn)]), warning: true)
        }
        return Lineage(lineage)
    }
}

extension HXLTag {
    /// The level of an area given by its code (`#adm1+code` … `#adm4+code`, or without `+code`), `nil` for a name
    /// (`+name`) or another tag: how facility records and aid actions name their place.
    public var areaCodeLevel: AdminLevel? {
        guard !attributes.contains("name") else { return nil }
        return AdminLevel.allCases.first { "adm\($0.rawValue)" == hashtag }
    }

    /// The level of an area given by its name (`#adm1+name` … `#adm4+name`), `nil` for any other tag.
    public var areaNameLevel: AdminLevel? {
        guard attributes.contains("name") else { return nil }
        return AdminLevel.allCases.first { "adm\($0.rawValue)" == hashtag }
    }
}
