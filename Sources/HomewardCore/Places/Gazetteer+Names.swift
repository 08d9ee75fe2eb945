extension Gazetteer {
    /// The gazetteer with the names of a names file given to its places.
    ///
    /// A name for a place the gazetteer lacks is an error rather than skipped: it is most often a
    /// mistyped code, and a name silently dropped would show as English on every page.
    /// - Throws: ``ImportError`` naming the file, row and code.
    public func naming(_ names: [PlaceName]) throws -> Gazetteer {
        var areas = self.areas, countries = self.countries, crossings = self.crossings
        for name in names {
            switch name.kind {
            case .area(let level) where areas[name.code]?.level == level: areas[name.code]?.setName(name.name, in: name.language)
            case .crossing where crossings[name.code] != nil: crossings[name.code]?.setName(name.name, in: name.language)
            case .country where countries[name.code] != nil: countries[name.code]?.setName(name.name, in: name.language)
            default:
                throw ImportError([ImportProblem(row: name.row, column: "code", value: name.code,
                                                 reason: "\(name.file): the gazetteer has no \(name.kind.noun) \(name.code)")])
            }
        }
        // Sorted by code, as the store reads them, so that lookups by name list places in the same order.
        return Gazetteer(homeCountry: homeCountry, areas: areas.values.sorted { $0.pcode < $1.pcode },
                         countries: countries.values.sorted { $0.iso3 < $1.iso3 },
                         crossings: crossings.values.sorted { $0.code < $1.code })
    }
}
