import HomewardCore

extension Stores {
    /// Imports records of any kind through the one importer: the command line's `import --records`
    /// and the API's `POST /api/v1/imports?records=` both come here.
    ///
    /// A new kind of record plugs in here, with a case that hands the request to its store.
    public func importRecords(_ kind: RecordKind, _ request: ImportRequest, from source: ByteSource, by caller: Caller,
                              progress: (@Sendable (Int) -> Void)? = nil) async throws -> ImportSummary {
        switch kind {
        case .movements: try await ledger.importMovements(request, from: source, by: caller, progress: progress)
        case .censuses: try await camps.importCensuses(request, from: source, by: caller, progress: progress)
        case .departures: try await camps.importDepartures(request, from: source, by: caller, progress: progress)
        case .facilities: try await reconstruction.importFacilities(request, from: source, by: caller, progress: progress)
        case .aid: try await assistance.importAid(request, from: source, by: caller, progress: progress)
        case .sources: try await sources.importFigures(request, from: source, by: caller, progress: progress)
        }
    }
}
