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

    /// The largest count one movement may carry: more is a typing error, or a figure to split by place or date.
    public static let maximumPersons = 10_000_000

    public init(gazetteer: Gazetteer, today: Day, defaultOrganisation: String? = nil) {
        self.gazetteer = gazetteer
        self.today = today
        self.defaultOrganisation = defaultOrganisation
    }

    public typealias Outcome = ImportOutcome<Movement>

    public func check(_ draft: MovementDraft) -> Outcome {
        var outcome = Outcome()
        func fail(_ field: MovementField?, _ reason: String, value: String? = nil, warning: Bool = false) {
            outcome.problems.append(ImportProblem(
                row: draft.row, column: field.map(draft.label) ?? "",
                value: value ?? field.flatMap { draft[$0] } ?? "", reason: reason,
                severity: warning ? .warning : .error))
        }

        for field in MovementField.allCases where draft.values[field.rawValue]?.utf8.contains(0) == true {
            fail(field, "contains a NUL character; the file is damaged or not text")
            return outcome
        }
        let period = readPeriod(draft, fail: fail)
        var zeroCounts = 0
        let counts = readCounts(draft, zeroCounts: &zeroCounts, fail: fail)
        outcome.ignored = zeroCounts
        let organisation = draft[.organisation] ?? defaultOrganisation
        if organisation == nil {
            fail(.organisation, "no reporting organisation: add an #org column, or give --org for the whole file")
        }
        let crossing = readCrossing(draft, fail: fail)
        let destination = readPlace(draft, codes: MovementField.destCode, names: MovementField.destName,
                                    any: .destination, role: "destination", fail: fail)
        let originArea = readPlace(draft, codes: MovementField.originCode, names: MovementField.originName,
                                   any: nil, role: "origin", fail: fail)
        let originCountry = readOriginCountry(draft, fail: fail)
        let countryField: MovementField = draft[.originCountry] != nil ? .originCountry : .origin

        if crossing == nil && destination == nil && !outcome.isRejected {
            fail(nil, "a movement needs a crossing point or a destination, and the row gives neither")
        }

        var movements: [Movement] = []
        for (category, persons) in counts {
            let origin: Origin?
            switch category {
            case .refugee:
                if let country = originCountry, country == gazetteer.homeCountry {
                    fail(countryField, "refugees return from abroad: their origin is a country other than \(gazetteer.homeCountry); for returns from inside it, count IDPs")
                }
                if originCountry == nil, originArea != nil {
                    fail(draft.has(.origin) ? .origin : nil, "refugees return from abroad: their origin is a country, not an area inside \(gazetteer.homeCountry)")
                }
                origin = originCountry.map(Origin.country)
            case .idp:
                if let country = originCountry, country != gazetteer.homeCountry, originArea == nil {
                    fail(countryField, "IDPs return from inside \(gazetteer.homeCountry): their origin is an area of it, not another country")
                }
                origin = originArea.map { .area($0.finest!) } ?? originCountry.map(Origin.country)
            }
            guard let period, let organisation else { continue }
            let key = draft[.externalId].map { MovementKey.forExternalId($0, organisation: organisation, category: category) }
                ?? MovementKey.forContent(draft.content, organisation: organisation, category: category)
            movements.append(Movement(period: period, category: category, crossing: crossing, origin: origin,
                                      destination: destination ?? Lineage(), persons: persons, organisation: organisation,
                                      source: draft[.source], externalId: draft[.externalId], key: key))
        }
        if !outcome.isRejected { outcome.records = movements }
        return outcome
    }

    private typealias Fail = (MovementField?, String, String?, Bool) -> Void

    private func readPeriod(_ draft: MovementDraft, fail: Fail) -> Period? {
        let format = "a date is YYYY-MM-DD, or YYYY-MM for a whole month, or YYYY for a whole year"
        var period: Period?
        if let text = draft[.date] {
            guard let parsed = Period.parse(text) else { fail(.date, "not a real date: \(format)", nil, false); return nil }
            period = parsed
        } else if draft[.dateStart] != nil || draft[.dateEnd] != nil {
            guard let startText = draft[.dateStart] else { fail(.dateStart, "the period has an end but no start", nil, false); return nil }
            guard let endText = draft[.dateEnd] else { fail(.dateEnd, "the period has a start but no end", nil, false); return nil }
            guard let start = Period.parse(startText)?.start else { fail(.dateStart, "not a real date: \(format)", nil, false); return nil }
            guard let end = Period.parse(endText)?.end else { fail(.dateEnd, "not a real date: \(format)", nil, false); return nil }
            guard end >= start else { fail(.dateEnd, "the period ends before it starts (\(start))", nil, false); return nil }
            period = Period(start: start, end: end)
        } else {
            fail(draft.has(.date) ? .date : .dateStart, "no date", nil, false)
            return nil
        }
        if let period, period.end > today {
            let field: MovementField = draft[.date] != nil ? .date : .dateEnd
            fail(field, "the date is in the future (today is \(today)); figures are recorded after the fact", nil, false)
            return nil
        }
        return period
    }

    private func readCounts(_ draft: MovementDraft, zeroCounts: inout Int, fail: Fail) -> [(MovementCategory, Int)] {
        var result: [(MovementCategory, Int)] = []
        var sawAny = false
        var columns: [(MovementField, MovementCategory?)] = [(.refugees, .refugee), (.idps, .idp)]
        if draft.has(.persons) {
            var category: MovementCategory?
            if let text = draft[.category] {
                category = MovementRules.category(text)
                if category == nil { fail(.category, "the category is 'refugee' (from abroad) or 'idp' (inside the country)", nil, false) }
            } else if draft[.persons] != nil {
                fail(.category, "no category: 'refugee' (from abroad) or 'idp' (inside the country)", nil, false)
            }
            columns.append((.persons, category))
        }
        for (field, category) in columns {
            guard let text = draft[field] else { continue }
            sawAny = true
            guard let count = MovementRules.wholeNumber(text), count >= 0 else {
                fail(field, "the number of persons is a whole number above zero", nil, false)
                continue
            }
            if count == 0 { zeroCounts += 1; continue }
            if count > Self.maximumPersons {
                fail(field, "more than \(Self.maximumPersons) persons in one movement: check the figure, or split it by place or date", nil, false)
                continue
            }
            if let category { result.append((category, count)) }
        }
        if !sawAny {
            let field: MovementField = draft.has(.refugees) ? .refugees : draft.has(.idps) ? .idps : .persons
            fail(field, "no count: the row gives no number of persons", nil, false)
        }
        return result
    }

    private func readCrossing(_ draft: MovementDraft, fail: Fail) -> String? {
        if let code = draft[.crossingCode] {
            if let crossing = gazetteer.crossings[code] ?? gazetteer.crossings[code.uppercased()] { return crossing.code }
            fail(.crossingCode, "unknown crossing point code; `homeward crossings list` shows the known ones, `homeward crossings add` adds one", nil, false)
            return nil
        }
        for field in [MovementField.crossingName, .crossing] {
            guard let text = draft[field] else { continue }
            if field == .crossing, let crossing = gazetteer.crossings[text] ?? gazetteer.crossings[text.uppercased()] {
                return crossing.code
            }
            let matches = gazetteer.crossings(named: text)
            if matches.count == 1 { return matches[0].code }
            if matches.isEmpty {
                fail(field, "unknown crossing point; `homeward crossings list` shows the known ones", nil, false)
            } else {
                fail(field, "several crossing points have this name (\(matches.map(\.code).joined(separator: ", "))); give the code", nil, false)
            }
            return nil
        }
        return nil
    }

    private func readOriginCountry(_ draft: MovementDraft, fail: Fail) -> String? {
        if let text = draft[.originCountry] {
            if let country = gazetteer.countries[text.uppercased()] { return country.iso3 }
            let folded = Gazetteer.fold(text)
            if let country = gazetteer.countries.values.first(where: { [$0.nameEn, $0.nameRu, $0.nameAr].map(Gazetteer.fold).contains(folded) }) {
                return country.iso3
            }
            fail(.originCountry, "unknown country: give its ISO 3166 alpha-3 code, such as LBN", nil, false)
            return nil
        }
        if let text = draft[.origin], gazetteer.area(text) == nil {
            if let country = gazetteer.countries[text.uppercased()] { return country.iso3 }
            fail(.origin, "unknown origin: give a country's ISO3 code or an area's P-code", nil, false)
        }
        return nil
    }

    /// Resolves the place a row gives at one or more levels, by code or name, to its finest known area.
    private func readPlace(_ draft: MovementDraft, codes: (AdminLevel) -> MovementField, names: (AdminLevel) -> MovementField,
                           any: MovementField?, role: String, fail: Fail) -> Lineage? {
        if let any, let code = draft[any] {
            guard gazetteer.area(code) != nil else {
                fail(any, "unknown \(role): no area has this P-code", nil, false)
                return nil
            }
            return Lineage(gazetteer.lineage(of: code))
        }
        if any == nil, let code = draft[.origin], gazetteer.area(code) != nil {
            return Lineage(gazetteer.lineage(of: code))
        }
        var known: [AdminLevel: (code: String, field: MovementField)] = [:]
        var unknown: [(level: AdminLevel, field: MovementField)] = []
        var parent: String?
        for level in AdminLevel.allCases {
            if let code = draft[codes(level)] {
                if let area = gazetteer.area(code), area.level == level {
                    known[level] = (code, codes(level))
                    parent = code
                } else if let area = gazetteer.area(code) {
                    fail(codes(level), "this P-code is a \(area.level.noun), not a \(level.noun)", nil, false)
                    return nil
                } else {
                    unknown.append((level, codes(level)))
                }
            } else if let name = draft[names(level)] {
                let matches = gazetteer.areas(named: name, level: level, within: parent)
                if matches.count == 1 {
                    known[level] = (matches[0].pcode, names(level))
                    parent = matches[0].pcode
                } else if matches.isEmpty {
                    unknown.append((level, names(level)))
                } else {
                    fail(names(level), "several \(level.noun) areas have this name (\(matches.map(\.pcode).joined(separator: ", "))); give the P-code", nil, false)
                    return nil
                }
            }
        }
        guard !known.isEmpty || !unknown.isEmpty else { return nil }
        guard let finest = known.keys.max(), let finestCode = known[finest]?.code else {
            let first = unknown[0]
            fail(first.field, "unknown \(first.level.noun) in the \(role), and the row gives no known coarser area", nil, false)
            return nil
        }
        let lineage = gazetteer.lineage(of: finestCode)
        for (level, given) in known where lineage[level] != given.code {
            let area = gazetteer.area(finestCode)!
            fail(given.field, "the \(finest.noun) \(finestCode) (\(area.nameEn)) lies in the \(level.noun) \(lineage[level] ?? "?"), not in \(given.code)", nil, false)
            return nil
        }
        for missing in unknown {
            if missing.level < finest {
                fail(missing.field, "unknown \(missing.level.noun), though the \(finest.noun) \(finestCode) is known and lies in \(lineage[missing.level] ?? "?")", nil, false)
                return nil
            }
            let area = gazetteer.area(finestCode)!
            fail(missing.field, "unknown \(missing.level.noun); kept at the \(finest.noun) \(finestCode) (\(area.nameEn))", nil, true)
        }
        return Lineage(lineage)
    }

    /// Reads `1234`, `1,234`, `1 234` or `1234.0` as a whole number; `nil` for anything else.
    public static func wholeNumber(_ text: String) -> Int? {
        if let value = Int(text) { return value }
        var digits = Substring(text)
        if let dot = digits.firstIndex(of: ".") {
            guard digits[digits.index(after: dot)...].allSatisfy({ $0 == "0" }) else { return nil }
            digits = digits[..<dot]
        }
        let groups = digits.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "," || $0 == " " || $0 == "\u{A0}" })
        if groups.count > 1 {
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        return Int(groups.joined())
    }

    /// Reads a category as people write it: `refugee`, `refugees`, `idp`, `IDPs`.
    public static func category(_ text: String) -> MovementCategory? {
        switch text.lowercased() {
        case "refugee", "refugees": .refugee
        case "idp", "idps": .idp
        default: nil
        }
    }
}
