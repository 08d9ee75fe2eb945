/// The ledger's own sums over one window: all movements, and each category apart, each with the records and
/// organisations it adds up. What a bulletin and a comparison of sources set beside stated figures.
public struct LedgerSums: Sendable, Hashable {
    public var total: SourceComparison.LedgerFigure
    public var refugees: SourceComparison.LedgerFigure
    public var idps: SourceComparison.LedgerFigure

    public init(total: SourceComparison.LedgerFigure = .zero, refugees: SourceComparison.LedgerFigure = .zero,
                idps: SourceComparison.LedgerFigure = .zero) {
        self.total = total
        self.refugees = refugees
        self.idps = idps
    }

    /// The sum of one category, or of both.
    public func figure(_ category: MovementCategory?) -> SourceComparison.LedgerFigure {
        switch category {
        case nil: total
        case .refugee: refugees
        case .idp: idps
        }
    }

    /// Adds a sum of one category to it and to the total; organisations are counted apart, as they overlap.
    public mutating func add(persons: Int, records: Int, category: MovementCategory) {
        total.value += persons
        total.records += records
        switch category {
        case .refugee:
            refugees.value += persons
            refugees.records += records
        case .idp:
            idps.value += persons
            idps.records += records
        }
    }
}

extension SourceComparison.LedgerFigure {
    public static let zero = SourceComparison.LedgerFigure(value: 0, records: 0, organisations: 0)
}
