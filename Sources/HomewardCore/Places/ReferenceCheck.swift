/// The checks a gazetteer load passes before anything is written: what one file cannot tell on its own.
///
/// A parent may be in another file of the folder or already stored, so the database's own refusal (a foreign key)
/// would name neither the file nor the row. Each problem here names both.
public struct ReferenceCheck: Sendable {
    /// An area as stored: its level and its parent.
    public struct Stored: Hashable, Sendable {
        public var level: AdminLevel
        public var parent: String?

        public init(level: AdminLevel, parent: String?) {
            self.level = level
            self.parent = parent
        }
    }

    /// An area the load gives another parent or level than the stored one: figures recorded under it keep the
    /// coarser areas they were recorded with.
    public struct Move: Hashable, Sendable {
        public var area: AdminArea
        public var was: Stored
        public var at: ReferenceRow
    }

    /// The areas the load writes, with the stored ones it leaves (none when the folder replaces the gazetteer).
    public private(set) var areas: [String: Stored] = [:]
    /// Stored areas the load gives another parent or level.
    public private(set) var moves: [Move] = []

    /// - Parameters:
    ///   - stored: the areas stored now, by P-code.
    ///   - countries: the country codes stored now and given by the load.
    ///   - replacing: whether the folder becomes the whole gazetteer, so that stored areas it does not list are gone.
    /// - Throws: ``ImportError`` naming each file, row, column and value at fault.
    public init(areas given: [(AdminArea, ReferenceRow)], crossings: [(CrossingPoint, ReferenceRow)], stored: [String: Stored],
                countries: Set<String>, homeCountry: String?, replacing: Bool) throws {
        areas = replacing ? [:] : stored
        var problems: [ImportProblem] = []
        func problem(_ at: ReferenceRow, _ column: String, _ value: String, _ reason: String) {
            problems.append(ImportProblem(row: at.row, column: column, value: value, reason: "\(at.file): \(reason)"))
        }
        var seen: [String: ReferenceRow] = [:]
        for (area, at) in given {
            if let first = seen[area.pcode], first.file != at.file {
                // The first stays the one the other checks see: its children are not also told of a parent of another level.
                problem(at, "adm\(area.level.rawValue)_pcode", area.pcode, "\(area.pcode) is given again (first in \(first.file), row \(first.row))")
                continue
            }
            seen[area.pcode] = at
            if let was = stored[area.pcode], was.level != area.level || was.parent != area.parent {
                moves.append(Move(area: area, was: was, at: at))
            }
            areas[area.pcode] = Stored(level: area.level, parent: area.parent)
        }
        for (area, at) in given where seen[area.pcode] == at {
            guard let parent = area.parent, let level = area.level.coarser else { continue }
            let column = "adm\(level.rawValue)_pcode"
            guard let found = areas[parent] else {
                problem(at, column, parent, "no adm\(level.rawValue) area has the P-code \(parent), in the folder\(replacing ? "" : " or stored")")
                continue
            }
            if found.level != level {
                problem(at, column, parent, "\(parent) is an adm\(found.level.rawValue) area; the parent of an adm\(area.level.rawValue) area is an adm\(level.rawValue) area")
            }
        }
        // A stored area the folder leaves as it was, under a parent the folder gives another level, would lie in an area
        // of the wrong level.
        for (code, area) in areas.sorted(by: { $0.key < $1.key }) where seen[code] == nil {
            guard let parent = area.parent, let level = area.level.coarser, let found = areas[parent], found.level != level,
                  let at = seen[parent] else { continue }
            problem(at, "adm\(found.level.rawValue)_pcode", parent,
                    "\(parent) would be an adm\(found.level.rawValue) area, but the stored adm\(area.level.rawValue) area \(code) lies in it")
        }
        for (crossing, at) in crossings {
            if let admin = crossing.adminPcode, areas[admin] == nil {
                problem(at, "admin_pcode", admin, "no area has the P-code \(admin), in the folder\(replacing ? "" : " or stored")")
            }
            if let country = crossing.country, !countries.contains(country) {
                problem(at, "country_iso3", country, "no country has the ISO3 code \(country): a country the bundled list lacks is added by a "
                        + "countries file in the folder (columns iso3,iso2,name_en,name_ru,name_ar)")
            }
        }
        if let homeCountry, !countries.contains(homeCountry) {
            problems.append(ImportProblem(row: 0, column: "home country", value: homeCountry, reason: "no country has the ISO3 code \(homeCountry): "
                + "a country the bundled list lacks is added by a countries file in the folder (columns iso3,iso2,name_en,name_ru,name_ar)"))
        }
        if !problems.isEmpty { throw ImportError(problems) }
    }
}
