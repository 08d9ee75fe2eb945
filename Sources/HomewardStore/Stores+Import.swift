import HomewardCore

extension Stores {
    /// Imports records of any kind through the one importer: the command line's `import --records`
    /// and the API's `POST /api/v1/imports?records=` both come here.
    ///
    /// A new kind of record plugs in here, with a case that hands the request to its store.
    ///
    /// An editor who may write for one organisation only (no working group) names it by default: a partner's script need not
    /// repeat it on every row, and could name no other.
    public func importRecords(_ kind: RecordKind, _ given: ImportRequest, from source: ByteSource, by caller: Caller,
                              progress: (@Sendable (Int) -> Void)? = nil) async throws -> ImportSummary {
        var request = given
        if request.organisation == nil { request.organisation = try await database.soleOrganisation(of: caller) }
        return switch kind {
        case .movements: try await ledger.importMovements(request, from: source, by: caller, progress: progress)
        case .censuses: try await camps.importCensuses(request, from: source, by: caller, progress: progress)
        case .departures: try await camps.importDepartures(request, from: source, by: caller, progress: progress)
        case .facilities: try await reconstruction.importFacilities(request, from: source, by: caller, progress: progress)
        case .aid: try await assistance.importAid(request, from: source, by: caller, progress: progress)
        case .sources: try await sources.importFigures(request, from: source, by: caller, progress: progress)
        }
    }
}
