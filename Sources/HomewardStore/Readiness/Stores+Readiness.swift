import HomewardCore

extension Stores {
    /// For each destination area at `level`: returns from the ledger in the window beside the facilities commissioned
    /// in it, those under restoration at its end, and the aid delivered in it.
    ///
    /// - Parameter window: open ends are the first record and `today`.
    public func readiness(_ window: DateWindow, level: AdminLevel, order: ReadinessOrder = .returned, today: Day) async throws -> ReadinessReport {
        let end = window.to ?? today
        try await places.refuseAbsentLevel(level, field: "level", value: "adm\(level.rawValue)")
        let grouping: Grouping = switch level {
        case .adm1: .adm1
        case .adm2: .adm2
        case .adm3: .adm3
        case .adm4: .adm4
        }
        async let returns = ledger.totals(TotalsQuery(window: DateWindow(from: window.from, to: end), grouping: grouping))
        async let facilities = reconstruction.tallies(through: end)
        async let aid = assistance.tallies(DateWindow(from: window.from, to: end))
        async let kinds = reconstruction.kinds()
        let gazetteer = try await places.gazetteer(), known = try await kinds
        // A column of a kind that is not there would sort nothing, and the table would say it did.
        if let kind = order.kind, !known.contains(where: { $0.code == kind }) {
            throw StoreError.invalid(field: "sort", value: order.description, reason: "no facility kind has the code \(kind)"
                                     + (known.isEmpty ? "; none is recorded yet" : "; the kinds are \(known.map(\.code).joined(separator: ", "))"))
        }
        return ReadinessReport(returns: try await returns.groups, facilities: try await facilities, aid: try await aid, kinds: known,
                               from: window.from, to: end, level: level, order: order, names: gazetteer.area)
    }
}
