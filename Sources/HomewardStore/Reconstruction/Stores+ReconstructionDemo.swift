import HomewardCore

extension Stores {
    /// Fills facilities and aid with generated records, reported by an organisation named as demo data, through
    /// the same importer and rules as real data.
    public func loadReconstructionDemoData(seed: UInt64 = 2018, lastDay: Day, days: Int = 365, by caller: Caller) async throws -> [ImportSummary] {
        var generator = ReconstructionGenerator(gazetteer: try await places.gazetteer(), seed: seed, lastDay: lastDay, days: days)
        let facilities = generator.facilities(count: 1_500, kinds: try await reconstruction.kinds())
        let aid = generator.aid(count: 600)
        func csv(_ tags: [String], _ rows: [[String]]) -> ByteSource {
            .bytes(Array(([tags] + rows).map(CSVWriter.line).joined().utf8))
        }
        let request = ImportRequest(sourceName: "demo data", skipInvalid: true, today: lastDay)
        return [try await reconstruction.importFacilities(request, from: csv(ReconstructionGenerator.facilityTags, facilities), by: caller),
                try await assistance.importAid(request, from: csv(ReconstructionGenerator.aidTags, aid), by: caller)]
    }
}
