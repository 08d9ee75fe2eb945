import Foundation

/// The reference data of one deployment, indexed for the checks every imported row goes through.
///
/// Built once per import or request from the store; lookups are dictionary reads.
public struct Gazetteer: Sendable {
    /// The ISO3 code of the country people return to (`SYR` for the first deployment).
    public let homeCountry: String
    public private(set) var areas: [String: AdminArea] = [:]
    public private(set) var countries: [String: Country] = [:]
    public private(set) var crossings: [String: CrossingPoint] = [:]
    /// Every area's lineage, worked out once: an import's every row asks for its destination's.
    public private(set) var lineages: [String: Lineage] = [:]
    private var areasByName: [NameKey: [String]] = [:]
    /// Names a source cut short ("…"), folded: a name written out in full begins with one of them.
    private var cutNames: [(key: NameKey, pcode: String)] = []
    private var crossingsByName: [String: [String]] = [:]
    private var countriesByName: [String: String] = [:]
    private let countryPatterns: CountryPatterns

    /// "City" before a name in Arabic (مدينة), with its space.
    private static let arabicCity = "مدينة "

    private struct NameKey: Hashable {
        var level: AdminLevel
        var name: String
    }

    public init(homeCountry: String, areas: [AdminArea], countries: [Country], crossings: [CrossingPoint]) {
        self.homeCountry = homeCountry
        countryPatterns = CountryPatterns(countries.compactMap { country in country.namePattern.map { (country.iso3, $0) } })
        for area in areas {
            self.areas[area.pcode] = area
            for name in Set([area.nameEn, area.nameAr, area.nameRu].compactMap { $0 }.map(Gazetteer.fold)) where !name.isEmpty {
                areasByName[NameKey(level: area.level, name: name), default: []].append(area.pcode)
            }
            for name in [area.nameEn, area.nameAr, area.nameRu].compactMap({ $0 }) where name.hasSuffix(AdminArea.cutMark) {
                cutNames.append((NameKey(level: area.level, name: Gazetteer.fold(name)), area.pcode))
            }
        }
        // A city that is an area of its own is named in Arabic "مدينة دمشق" (Damascus City) in gazetteers, and "دمشق" in
        // speech and forms: the short name finds it too, where no area of its level is so named.
        // Two cities of one level that shorten alike are both found by it, and the name is ambiguous, as any name two share.
        var shortNames: [NameKey: [String]] = [:]
        for area in areas {
            guard area.nameAr.hasPrefix(Self.arabicCity) else { continue }
            let short = NameKey(level: area.level, name: Gazetteer.fold(String(area.nameAr.dropFirst(Self.arabicCity.count))))
            if !short.name.isEmpty && areasByName[short] == nil { shortNames[short, default: []].append(area.pcode) }
        }
        areasByName.merge(shortNames) { own, _ in own }
        for code in self.areas.keys { lineages[code] = Lineage(lineage(of: code)) }
        for country in countries { self.countries[country.iso3] = country }
        // A country's own names before its other terms; an other term that two countries share names neither.
        var others: [String: Set<String>] = [:]
        for country in countries {
            for name in country.otherNames.map(Gazetteer.fold) where !name.isEmpty { others[name, default: []].insert(country.iso3) }
        }
        for (name, codes) in others where codes.count == 1 { countriesByName[name] = codes.first }
        for country in countries {
            for name in [country.nameEn, country.nameRu, country.nameAr].map(Gazetteer.fold) where !name.isEmpty { countriesByName[name] = country.iso3 }
        }

        for crossing in crossings {
            self.crossings[crossing.code] = crossing
            for name in Set([crossing.nameEn, crossing.nameAr, crossing.nameRu].compactMap { $0 }.map(Gazetteer.fold)) where !name.isEmpty {
                crossingsByName[name, default: []].append(crossing.code)
            }
        }
        // The name the other side gives a border crossing (Masnaa for Jdeidet Yabous), which teams on that side write,
        // finds it too, where no crossing's own name is that: as written, and without what it adds in brackets
        // ("Masnaa (Al-Masnaa)").
        var counterparts: [String: [String]] = [:]
        for crossing in crossings {
            guard let written = crossing.counterpartName else { continue }
            let bare = written.split(separator: "(", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? written
            for name in Set([written, bare].map(Gazetteer.fold)) where !name.isEmpty && crossingsByName[name] == nil {
                counterparts[name, default: []].append(crossing.code)
            }
        }
        crossingsByName.merge(counterparts) { _, other in other }
    }

    public func area(_ pcode: String) -> AdminArea? { areas[pcode] }

    /// The country a file names: by its ISO3 code, one of its names in English, Russian or Arabic or another term of the
    /// taxonomy's (Iran, Russia, UK), else the one country whose pattern finds the name (Turkey: `turkey|t(ü|u)rkiye`).
    public func country(named text: String) -> Country? {
        // Most rows give the code as it is stored: one lookup, before any trimming (Foundation's, 2 % of an import's time).
        if let country = countries[text] ?? countries[text.uppercased()] { return country }
        let trimmed = text.trimmingBlanks
        if let country = countries[trimmed.uppercased()] { return country }
        if let code = countriesByName[Gazetteer.fold(trimmed)] { return countries[code] }
        return countryPatterns.country(matching: trimmed).flatMap { countries[$0] }
    }

    /// The P-codes of the area and all areas above it, by level.
    public func lineage(of pcode: String) -> [AdminLevel: String] {
        var result: [AdminLevel: String] = [:]
        var next: String? = pcode
        while let code = next, let area = areas[code], result[area.level] == nil {
            result[area.level] = code
            next = area.parent
        }
        return result
    }

    /// Areas of `level` whose English, Arabic or Russian name matches, optionally only those inside `within`; a name the
    /// source cut short ("…") matches the name written out in full too.
    public func areas(named name: String, level: AdminLevel, within: String? = nil) -> [AdminArea] {
        let folded = Gazetteer.fold(name)
        var codes = areasByName[NameKey(level: level, name: folded)] ?? []
        if codes.isEmpty { codes = cutNames.filter { $0.key.level == level && !$0.key.name.isEmpty && folded.hasPrefix($0.key.name) }.map(\.pcode) }
        return codes.compactMap { areas[$0] }.filter { area in
            guard let within else { return true }
            return lineage(of: area.pcode).values.contains(within)
        }
    }

    public func crossings(named name: String) -> [CrossingPoint] {
        (crossingsByName[Gazetteer.fold(name)] ?? []).compactMap { crossings[$0] }
    }

    /// Folds case, diacritics and punctuation so that "Dar'a", "DAR'A" and "Dar a" compare equal; and Arabic's spelling
    /// variants, which Foundation leaves as they are, so that "ادلب" finds إدلب and "حماه" حماة.
    public static func fold(_ name: String) -> String {
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var scalars = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars {
            guard let kept = arabicSpelling(scalar), CharacterSet.alphanumerics.contains(kept) else { continue }
            scalars.append(kept)
        }
        return String(scalars)
    }

    /// One Arabic letter as names are written in every spelling of them: hamza on or under alef, madda and wasla are
    /// alef; ta marbuta is ha; alif maqsura and Persian yeh are yeh; hamza on waw or yeh is the letter; Persian kaf is kaf.
    /// Vowel marks and the tatweel are dropped (`nil`).
    private static func arabicSpelling(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x064B ... 0x065F, 0x0670, 0x0640: nil
        case 0x0622, 0x0623, 0x0625, 0x0671: "\u{0627}"
        case 0x0629: "\u{0647}"
        case 0x0649, 0x06CC, 0x0626: "\u{064A}"
        case 0x0624: "\u{0648}"
        case 0x06A9: "\u{0643}"
        default: scalar
        }
    }
}
