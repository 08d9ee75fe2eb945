/// The rules a reported row must pass to become movements, with the reason for each refusal.
///
/// One row may carry two movements (refugees and IDPs). A place code Homeward does not know is
/// kept at the coarser level the same row gives, with a warning; a row with no known place is rejected.
public struct MovementRules: ImportRules {
    public let gazetteer: Gazetteer
    /// Reports cannot be dated after this day.
    public let today: Day
    /// The organisation of rows that name none (`--org`).
    public let defaultOrganisation: String?
    /// Whose words problems use for options and commands: the command line's or the API's.
    public let vocabulary: Vocabulary

    /// The largest count one movement may carry: more is a typing error, or a figure to split by place or date.
    public static let maximumPersons = 10_000_000
    /// People a day, on average over a movement's days, past which a count is warned of (and kept): more than the largest
    /// flows through one crossing that returns coordination has seen, so most often a typing error.
    public static let implausiblePerDay = 100_000

    public init(gazetteer: Gazetteer, today: Day, defaultOrganisation: String? = nil, vocabulary: Vocabulary = .commandLine) {
        self.gazetteer = gazetteer
        self.today = today
        self.defaultOrganisation = defaultOrganisation
        self.vocabulary = vocabulary
    }

    public typealias Outcome = ImportOutcome<Movement>

    public func organisation(of draft: MovementDraft) -> String? { draft[.organisation] ?? defaultOrganisation }

    public func checkWithoutCounting(_ draft: MovementDraft) -> Outcome { check(draft) }

    public func check(_ draft: MovementDraft) -> Outcome {
        var outcome = Outcome()
        func fail(_ field: MovementField?, _ message: Message, value: String? = nil, warning: Bool = false) {
            outcome.problems.append(ImportProblem(
                row: draft.row, column: field.map(draft.label) ?? "",
                value: value ?? field.flatMap { draft[$0] } ?? "", message,
                severity: warning ? .warning : .error))
        }

        var dates = DraftChecks(draft, today: today)
        let period = dates.period(date: .date, start: .dateStart, end: .dateEnd)
        outcome.problems += dates.problems
        let counts = readCounts(draft, fail: fail)
        let organisation = organisation(of: draft)
        if organisation == nil {
            fail(.organisation, Message("import.organisation.missing", ["via": vocabulary.argument]))
        }
        let crossing = readCrossing(draft, fail: fail)
        let destination = readPlace(draft, codes: MovementField.destCode, names: MovementField.destName,
                                    any: .destination, role: .destination, fail: fail)
        let originArea = readPlace(draft, codes: MovementField.originCode, names: MovementField.originName,
                                   any: nil, role: .origin, fail: fail)
        let originCountry = readOriginCountry(draft, fail: fail)
        let countryField: MovementField = draft[.originCountry] != nil ? .originCountry : .origin

        if crossing == nil && destination == nil && !outcome.isRejected {
            fail(nil, Message("import.movements.noPlace"))
        }

        var movements: [Movement] = []
        for (category, persons, written) in counts {
            let origin: Origin?
            switch category {
            // A 0 records nobody: it withdraws what its key holds, whatever the origin says of the category.
            case .refugee where persons == 0: origin = originCountry.map(Origin.country)
            case .idp where persons == 0: origin = originArea.map { .area($0.finest!) } ?? originCountry.map(Origin.country)
            case .refugee:
                if let country = originCountry, country == gazetteer.homeCountry {
                    fail(countryField, Message("import.refugees.fromHome", ["home": .code(gazetteer.homeCountry)]))
                }
                // Named by the cell that gave the area (`#adm1+origin+code`), as the IDPs' mirror refusal names its own.
                // The area's own columns first: `#loc+origin+code` may hold the country beside them.
                let areaField = originArea == nil ? nil : (AdminLevel.allCases.flatMap { [MovementField.originCode($0), MovementField.originName($0)] } + [.origin])
                    .first { draft[$0] != nil }
                if originCountry == nil, originArea != nil {
                    fail(areaField, Message("import.refugees.fromArea", ["home": .code(gazetteer.homeCountry)]))
                } else if let country = originCountry, originArea != nil, areaField != countryField,
                          !counts.contains(where: { $0.0 == .idp && $0.1 > 0 }) {
                    // A refugee's origin is the country returned from: the area (where they lived before, as some forms ask)
                    // is not kept, and the row says so rather than dropping it unsaid; the row's IDPs, if any, keep it.
                    fail(areaField, Message("import.refugees.areaNotKept", ["country": .code(country)]), warning: true)
                }
                // Kept, since a group may have come in by a border crossing and been counted again inside; but said.
                if let crossing, gazetteer.crossings[crossing]?.isInternal == true {
                    fail([MovementField.crossingCode, .crossingName, .crossing].first { draft[$0] != nil },
                         Message("import.refugees.internalCrossing", ["crossing": .code(crossing)]), warning: true)
                }
                origin = originCountry.map(Origin.country)
            case .idp:
                if let country = originCountry, country != gazetteer.homeCountry, originArea == nil {
                    fail(countryField, Message("import.idps.fromAbroad", ["home": .code(gazetteer.homeCountry)]))
                }
                origin = originArea.map { .area($0.finest!) } ?? originCountry.map(Origin.country)
            }
            guard let period, let organisation else { continue }
            // Kept, as given: a count past any day's flow is more often a digit too many than a crowd; said at its cell.
            let days = period.end.number - period.start.number + 1
            if persons > Self.implausiblePerDay * days {
                let countCell = [category == .refugee ? MovementField.refugees : .idps, .persons].first { draft[$0] != nil }
                fail(countCell, Message("import.persons.implausible", ["perDay": .count(Self.implausiblePerDay), "days": .count(days)]), warning: true)
            }
            let key = draft[.externalId].map { MovementKey.forExternalId($0, organisation: organisation, category: category) }
                ?? MovementKey.forContent(draft.content, organisation: organisation, category: category)
            movements.append(Movement(period: period, category: category, crossing: crossing, origin: origin,
                                      destination: destination ?? Lineage(), persons: persons, organisation: organisation,
                                      source: draft[.source], externalId: draft[.externalId], key: key, countSource: written))
        }
        if !outcome.isRejected { outcome.records = movements }
        return outcome
    }

    private typealias Fail = (MovementField?, Message, String?, Bool) -> Void

    /// Which place of a movement a code or name gives, as problems name it.
    private enum PlaceRole: String {
        case destination, origin
    }

    /// Each category's count, and where it comes from: a category column left blank counts 0 (so that a row moved
    /// from refugees to IDPs withdraws its refugees), though only for a row that gives a count in another column; so does
    /// the other category of a row with an id that gives one count beside its category (``Movement/CountSource/otherCategoryOfID``).
    private func readCounts(_ draft: MovementDraft, fail: Fail) -> [(MovementCategory, Int, Movement.CountSource)] {
        var result: [(MovementCategory, Int, Movement.CountSource)] = []
        if draft[.persons] != nil, let other = [MovementField.refugees, .idps].first(where: { draft[$0] != nil }) {
            // Two counts of one group, or of two: which is meant cannot be told, and keeping one loses the other.
            fail(.persons, Message("import.persons.twoWays", ["other": .code(draft.label(other))]), nil, false)
            return result
        }
        // A category beside refugees or IDPs that says the other: which of the two is meant cannot be told.
        if draft[.persons] == nil, let text = draft[.category], let category = MovementRules.category(text),
           let other = (category == .refugee ? [MovementField.idps] : [.refugees]).first(where: { draft[$0] != nil }) {
            fail(.category, Message("import.category.contradicts", ["other": .code(draft.label(other))]), nil, false)
            return result
        }
        var sawAny = false
        var columns: [(MovementField, MovementCategory?)] = [(.refugees, .refugee), (.idps, .idp)]
        if draft.has(.persons) {
            var category: MovementCategory?
            if let text = draft[.category] {
                category = MovementRules.category(text)
                if category == nil { fail(.category, Message("import.category.invalid"), nil, false) }
            } else if draft[.persons] != nil {
                fail(.category, Message("import.category.missing"), nil, false)
            }
            columns.append((.persons, category))
        }
        for (field, category) in columns {
            guard let text = draft[field] else { continue }
            sawAny = true
            guard let count = MovementRules.wholeNumber(text), count >= 0 else {
                // A minus sign is the problem, as every other count says it: "-5" is a whole number in all but its sign.
                fail(field, MovementRules.wholeNumber(text).map { $0 < 0 } == true ? Message("import.number.negative")
                        : ScaledNumber.readsEitherWay(text, separator: ".") ? ScaledNumber.eitherWay(text, separator: ".")
                        : Self.isTooLong(text) ? Self.tooMany : Message("import.persons.notWhole"), nil, false)
                continue
            }
            if count > Self.maximumPersons {
                fail(field, Self.tooMany, nil, false)
                continue
            }
            if let category { result.append((category, count, .written)) }
        }
        if !sawAny {
            let field: MovementField = draft.has(.refugees) ? .refugees : draft.has(.idps) ? .idps : .persons
            fail(field, Message("import.persons.missing"), nil, false)
            return result
        }
        for (field, category) in [(MovementField.refugees, MovementCategory.refugee), (.idps, .idp)]
        where draft.has(field) && draft[field] == nil && !result.contains(where: { $0.0 == category }) {
            result.append((category, 0, .blankCell))
        }
        // Only a row that gives one count beside its category could have named the other: a file of a refugees column
        // alone, its ids numbered per form, says nothing of the IDPs another file gives under the same ids.
        if draft[.externalId] != nil, draft[.persons] != nil, result.contains(where: { $0.2 == .written }) {
            for category in MovementCategory.allCases where !result.contains(where: { $0.0 == category }) {
                result.append((category, 0, .otherCategoryOfID))
            }
        }
        return result
    }

    private func readCrossing(_ draft: MovementDraft, fail: Fail) -> String? {
        if let code = draft[.crossingCode] {
            if let crossing = gazetteer.crossings[code] ?? gazetteer.crossings[code.uppercased()] {
                // A name beside the code that is another crossing's: columns shifted in a copy, most often.
                if let name = draft[.crossingName], case let named = gazetteer.crossings(named: name), !named.contains(where: { $0.code == crossing.code }) {
                    fail(.crossingName, Message(named.isEmpty ? "import.place.nameUnknown" : "import.place.nameOfAnother",
                                                ["code": .code(crossing.code), "name": .text(crossing.nameEn)]), nil, true)
                }
                return crossing.code
            }
            fail(.crossingCode, Message("import.crossing.unknownCode", ["via": vocabulary.argument]), nil, false)
            return nil
        }
        for field in [MovementField.crossingName, .crossing] {
            guard let text = draft[field] else { continue }
            let matches = gazetteer.crossings(named: text)
            // A code where a name is asked (LBN-01 in `#loc+crossing+name`) is that crossing, as the JSON's `crossing` takes either.
            if field == .crossing || matches.isEmpty, let crossing = gazetteer.crossings[text] ?? gazetteer.crossings[text.uppercased()] {
                return crossing.code
            }
            if matches.count == 1 { return matches[0].code }
            if matches.isEmpty {
                fail(field, Message("import.crossing.unknown", ["via": vocabulary.argument]), nil, false)
            } else {
                fail(field, Message("import.crossing.ambiguous", ["codes": .text(matches.map(\.code).joined(separator: ", "))]), nil, false)
            }
            return nil
        }
        return nil
    }

    private func readOriginCountry(_ draft: MovementDraft, fail: Fail) -> String? {
        if let text = draft[.originCountry] {
            if let country = gazetteer.country(named: text) { return country.iso3 }
            fail(.originCountry, Message("import.country.unknown"), nil, false)
            return nil
        }
        if let text = draft[.origin], gazetteer.area(text) == nil {
            if let country = gazetteer.countries[text.uppercased()] { return country.iso3 }
            fail(.origin, Message("import.origin.unknown"), nil, false)
        }
        return nil
    }

    /// Resolves the place a row gives at one or more levels, by code or name, to its finest known area.
    private func readPlace(_ draft: MovementDraft, codes: (AdminLevel) -> MovementField, names: (AdminLevel) -> MovementField,
                           any: MovementField?, role: PlaceRole, fail: Fail) -> Lineage? {
        // Areas are known by their lineages, worked out once for every area: one lookup a level, no area copied out.
        if let any, let code = draft[any] {
            guard let lineage = gazetteer.lineages[code] else {
                fail(any, Message("import.place.unknownCode", ["role": .code(role.rawValue)]), nil, false)
                return nil
            }
            return lineage
        }
        if any == nil, let code = draft[.origin], let lineage = gazetteer.lineages[code] {
            return lineage
        }
        // In level order, coarsest first: at most four, so an array rather than a dictionary per row.
        var known: [(level: AdminLevel, code: String, field: MovementField)] = []
        var unknown: [(level: AdminLevel, field: MovementField)] = []
        var parent: String?
        var finestLineage: Lineage?
        for level in AdminLevel.allCases {
            if let given = draft[codes(level)] {
                // P-codes are one whatever their letter case (sy07 is SY07), as the other kinds of record read them.
                let code = gazetteer.lineages[given] == nil && gazetteer.lineages[given.uppercased()] != nil ? given.uppercased() : given
                if let lineage = gazetteer.lineages[code], lineage[level] == code { // the area is at this level
                    // A name beside the code that is not this area's: columns shifted in a copy, most often. The code is kept.
                    if let name = draft[names(level)], case let named = gazetteer.areas(named: name, level: level), !named.contains(where: { $0.pcode == code }) {
                        fail(names(level), Message(named.isEmpty ? "import.place.nameUnknown" : "import.place.nameOfAnother",
                                                   ["code": .code(code), "name": .text(gazetteer.area(code)?.nameEn ?? code)]), nil, true)
                    }
                    known.append((level, code, codes(level)))
                    parent = code
                    finestLineage = lineage
                } else if let area = gazetteer.area(code) {
                    fail(codes(level), Message("import.place.wrongLevel", ["actual": .level(area.level), "expected": .level(level)]), nil, false)
                    return nil
                } else {
                    unknown.append((level, codes(level)))
                }
            } else if let name = draft[names(level)] {
                let matches = gazetteer.areas(named: name, level: level, within: parent)
                if matches.count == 1 {
                    known.append((level, matches[0].pcode, names(level)))
                    parent = matches[0].pcode
                    finestLineage = nil
                } else if matches.isEmpty {
                    unknown.append((level, names(level)))
                } else {
                    fail(names(level), Message("import.place.ambiguous",
                                               ["level": .level(level), "codes": .text(matches.map(\.pcode).joined(separator: ", "))]), nil, false)
                    return nil
                }
            }
        }
        guard !known.isEmpty || !unknown.isEmpty else { return nil }
        guard let (finest, finestCode, _) = known.last else {
            let first = unknown[0]
            fail(first.field, Message("import.place.unknownWithoutCoarser", ["level": .level(first.level), "role": .code(role.rawValue)]), nil, false)
            return nil
        }
        let lineage = finestLineage ?? self.lineage(of: finestCode)
        for (level, code, field) in known where lineage[level] != code {
            let area = gazetteer.area(finestCode)!
            fail(field, Message("import.place.outsideParent", [
                "finestLevel": .level(finest), "finest": .code(finestCode), "name": .text(area.nameEn),
                "level": .level(level), "parent": .code(lineage[level] ?? "?"), "given": .code(code)]), nil, false)
            return nil
        }
        for missing in unknown {
            if missing.level < finest {
                fail(missing.field, Message("import.place.unknownAboveKnown", [
                    "level": .level(missing.level), "finestLevel": .level(finest), "finest": .code(finestCode),
                    "parent": .code(lineage[missing.level] ?? "?")]), nil, false)
                return nil
            }
            let area = gazetteer.area(finestCode)!
            fail(missing.field, Message("import.place.keptCoarser", [
                "level": .level(missing.level), "finestLevel": .level(finest), "finest": .code(finestCode), "name": .text(area.nameEn)]),
                 nil, true)
        }
        return lineage
    }

    private func lineage(of code: String) -> Lineage {
        gazetteer.lineages[code] ?? Lineage(gazetteer.lineage(of: code))
    }

    /// Reads `1234`, `1,234`, `1 234` or `1234.0` as a whole number, in Latin or Arabic digits (`١٬٢٣٤`); `nil` for anything else.
    public static func wholeNumber(_ text: String) -> Int? {
        if let value = Int(text) { return value }
        var digits = Substring(text.withLatinDigits)
        if let dot = digits.firstIndex(of: ".") {
            let fraction = digits[digits.index(after: dot)...]
            guard fraction.allSatisfy({ $0 == "0" }) else { return nil }
            digits = digits[..<dot]
            // `1.000`: a thousand to one writer, one to another (``ScaledNumber/readsEitherWay(_:separator:)``), read here
            // from the parts already split rather than by a second pass over every grouped count.
            if fraction.count == 3, (1 ... 3).contains(digits.count), digits != "0", digits.allSatisfy(\.isASCII) { return nil }
        }
        let groups = digits.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "," || $0 == " " || $0 == "\u{A0}" || $0 == "\u{202F}" || $0 == "\u{2009}" })
        if groups.count > 1 {
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        return Int(groups.joined())
    }

    /// Made once, not for every row's count on the import's path.
    static let tooMany = Message("import.persons.tooMany", ["maximum": .count(maximumPersons)])

    /// Whether the text is written as a whole number (`99999999999999999999`, `1,234,…,567.0`) with more digits than
    /// one holds: a count too large, not a malformed one.
    public static func isTooLong(_ text: String) -> Bool {
        guard wholeNumber(text) == nil, !ScaledNumber.readsEitherWay(text, separator: ".") else { return false }
        // The whole part's digits as 0: a number of a whole number's shape then reads, a fraction (`1.5`) still does not.
        var fraction = false
        return wholeNumber(String(text.withLatinDigits.map { character -> Character in
            if character == "." { fraction = true }
            return !fraction && character.isASCII && character.isNumber ? "0" : character
        })) != nil
    }

    /// Reads a category as people write it: `refugee`, `refugees`, `idp`, `IDPs`, spelt out, or in Arabic or Russian.
    public static func category(_ text: String) -> MovementCategory? {
        // Most rows write the category in English: no folding for them.
        switch text.lowercased() {
        case "refugee", "refugees": return .refugee
        case "idp", "idps": return .idp
        default: break
        }
        let folded = Gazetteer.fold(text)
        if categoryWords.refugee.contains(folded) { return .refugee }
        if categoryWords.idp.contains(folded) { return .idp }
        return nil
    }

    /// The words a form's labels give a category by, in English, Arabic and Russian (a KoboToolbox export of labels
    /// writes لاجئ or беженец where one of names writes `refugee`), folded as names are.
    private static let categoryWords = (
        refugee: Set(["refugee", "refugees", "لاجئ", "لاجئة", "لاجئون", "لاجئين", "اللاجئون", "اللاجئين",
                      "беженец", "беженка", "беженцы", "беженцев"].map(Gazetteer.fold)),
        idp: Set(["idp", "idps", "internally displaced", "internally displaced person", "internally displaced persons",
                  "internally displaced people", "نازح", "نازحة", "نازحون", "نازحين", "النازحون", "النازحين", "نازح داخليا",
                  "نازحون داخليا", "نازحين داخليا", "впл", "внутренне перемещенное лицо", "внутренне перемещенные лица",
                  "вынужденный переселенец", "вынужденные переселенцы", "переселенец", "переселенцы"].map(Gazetteer.fold)))
}
