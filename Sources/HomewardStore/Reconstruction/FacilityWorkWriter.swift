import HomewardCore
import SQLKit

/// Writes facility records by their key: a new key is imported; a known one with another date, place, kind or quantity
/// is corrected, the version it replaces kept in `facility_work_revisions`; the same one again is ignored. A 0 under a known
/// id withdraws the record (kept, at 0, with its revision); one that finds nothing records nothing.
struct FacilityWorkWriter: BatchWriter {
    static let table = RevisedTable(table: "facility_works", revisions: "facility_work_revisions", recordColumn: "work_id",
                                    columns: ["day", "place_pcode", "adm1", "adm2", "adm3", "adm4", "kind_code", "quantity_tenths"],
                                    withdrawn: "quantity_tenths = 0")
    let write: WriteContext
    let importID: Int
    private(set) var counts = WriteCounts()
    /// The records this import gave, by identity, with their rows: a second is a repeat within the file.
    private var seen: [String: Int] = [:]
    private var organisations = OrganisationIDs()

    init(write: WriteContext, importID: Int) {
        self.write = write
        self.importID = importID
    }

    /// Keeps the warnings of another organisation's record alike only where that record still counts once the file is
    /// read: a later row may have withdrawn it, and nothing is then added twice.
    mutating func finish() async throws {
        counts.shared = try await write.stillCounted(counts.shared, in: "facility_works", where: "quantity_tenths > 0")
        counts.twins = try await write.twinsStillStanding(counts.twins, messages: ["import.facilities.twin", "import.facilities.damagedAgain",
                                                                                   "import.facilities.sameFigures"],
                                                          in: "facility_works", where: "quantity_tenths > 0", importID: importID)
    }

    mutating func write(_ batch: [FacilityWork], rows: [Int]) async throws {
        for (work, row) in zip(batch, rows) {
            // A 0 inserts nothing (``WriteContext/store``: over none it records nothing; over a record, withdrawn already or
            // not, it leaves it at 0 with the row's date and place), so it names no organisation into being.
            let organisationID = work.tenths == 0 ? 0 : try await organisations.id(of: work.organisation, on: write)
            let otherwise = try await write.recordWrittenOtherwise(in: "facility_works", key: work.key, externalId: work.externalId,
                                                             organisation: work.organisation, importID: importID, withdrawal: work.tenths == 0,
                                                             withdrawn: "w.quantity_tenths = 0", matching: """
                w.day = \(bind: work.date.number) AND w.place_pcode = \(bind: work.place.finest ?? "") AND w.kind_code = \(bind: work.kind)
                AND w.status = \(bind: work.status.rawValue)
                AND \(unsafeRaw: work.tenths == 0 ? "w.quantity_tenths > 0" : "w.quantity_tenths IN (0, \(work.tenths))")
                """)
            let key = otherwise?.key ?? work.key
            // Said: the row's own cells named no record, and one that cells not read told apart would be merged unseen.
            if let otherwise { counts.twins.append(TwinRecord(row: row, twin: otherwise.id, message: "import.record.writtenOtherwise", argument: "record")) }
            let stored = try await write.store(
                [BulkValue(work.date.number), BulkValue(work.place.finest ?? ""), BulkValue(work.place[.adm1]), BulkValue(work.place[.adm2]),
                 BulkValue(work.place[.adm3]), BulkValue(work.place[.adm4]), BulkValue(work.kind), BulkValue(work.tenths)], in: Self.table, rowKey: key, importID: importID, row: row, seen: &seen,
                insert: work.tenths == 0 ? nil : """
                    INSERT INTO facility_works (row_key, day, place_pcode, adm1, adm2, adm3, adm4, kind_code, status, quantity_tenths,
                                                organisation_id, external_id, recorded_at, recorded_by, import_id)
                    VALUES (\(bind: work.key), \(bind: work.date.number), \(bind: work.place.finest ?? ""), \(bind: work.place[.adm1]),
                            \(bind: work.place[.adm2]), \(bind: work.place[.adm3]), \(bind: work.place[.adm4]), \(bind: work.kind),
                            \(bind: work.status.rawValue), \(bind: work.tenths), \(bind: organisationID), \(bind: work.externalId),
                            \(bind: write.timestamp), \(bind: write.caller.description), \(bind: importID))
                    """)
            counts += stored
            // Damage is summed record by record: the same organisation's damage of a settlement's kind assessed again without an
            // id, on another day, counts twice; said, as a report sent again on its own day is.
            let damage = work.status == .damaged
            // With an id, only a record of the same day and quantity too is the same report under another id (a form's
            // submission sent twice): a new assessment with its own id is a record of its own.
            let withID = work.externalId != nil
            let message = withID ? "import.facilities.sameFigures" : damage ? "import.facilities.damagedAgain" : "import.facilities.twin"
            if stored.imported == 1, let twin = try await write.twin(in: "facility_works", key: work.key, importID: importID, row: row, message: message,
                                                                     matching: """
                organisation_id = \(bind: organisationID) AND place_pcode = \(bind: work.place.finest ?? "") AND kind_code = \(bind: work.kind)
                AND status = \(bind: work.status.rawValue) AND quantity_tenths > 0 AND (\(bind: damage && !withID) OR day = \(bind: work.date.number))
                AND (\(bind: !withID) OR quantity_tenths = \(bind: work.tenths))
                """) {
                counts.twins.append(twin)
            }
            if stored.imported == 1, let other = try await write.otherOrganisation(in: "facility_works", organisationID: organisationID, importID: importID, matching: """
                r.day = \(bind: work.date.number) AND r.place_pcode = \(bind: work.place.finest ?? "") AND r.kind_code = \(bind: work.kind)
                AND r.status = \(bind: work.status.rawValue) AND r.quantity_tenths > 0
                """, seen: seen, row: row,
                message: "import.facilities.otherOrganisation", recordArgument: "record") {
                counts.shared.append(other)
            }
        }
    }

}
