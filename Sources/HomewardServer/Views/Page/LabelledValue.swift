import HomewardCore

/// A figure of a list inside a table cell or a box: "Schools: 3", "Roads: 12,5 km".
struct LabelledValue {
    let label: String
    let value: String
}

extension Catalogue {
    /// A facility quantity in its unit, for the page's language: `3`, `12,5 km`; kilometres always to the tenth, so that
    /// figures side by side read alike (`865.0 km` beside `790.7 km`).
    func quantity(_ q: KindQuantity) -> String {
        let number = numbers.decimal(q.tenths, decimals: 1, fixed: q.kind.unit == .km)
        return q.kind.unit == .km ? text("unit.km", ["quantity": .text(number)]) : number
    }

    /// Each kind's name and quantity.
    func quantities(_ figures: FacilityFigures, in language: Language) -> [LabelledValue] {
        figures.byKind.map { LabelledValue(label: $0.kind.name(in: language), value: quantity($0)) }
    }
}
