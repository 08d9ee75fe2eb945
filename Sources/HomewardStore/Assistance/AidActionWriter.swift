import HomewardCore
import SQLKit

/// Writes aid actions by their key: a new key is imported; a known one with other figures, another place or type is
/// corrected, the version it replaces kept in `aid_action_revisions`; the same one again is ignored. Figures given all as 0
/// withdraw the action (``counted``).
struct AidActionWriter: BatchWriter {
    /// The actions every sum counts: not those whose figures are all given as 0, an action taken back (its key's
    /// earlier version kept), as a facility record's 0 or a movement's is; one that gives no figure still counts.
    static let counted = """
        NOT (COALESCE(kilograms, parcels, reached, treated) IS NOT NULL
             AND COALESCE(kilograms, 0) = 0 AND COALESCE(parcels, 0) = 0 AND COALESCE(reached, 0) = 0 AND COALESCE(treated, 0) = 0)
        """

    static let table = RevisedTable(table: "aid_actions", revisions: "aid_action_revisions", recordColumn: "action_id",
                                    columns: ["day", "place_pcode", "adm1", "adm2", "adm3", "adm4", "type_code", "kilograms", "parcels", "reached",
                                              "treated", "description"],
                                    figures: ["kilograms": ("tonnes", 3), "parcels": ("parcels", 0), "reached": ("reached", 0), "treated": ("treated", 0)],
                                    texts: ["description": "description"])
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
        counts.shared = try await write.stillCounted(counts.shared, in: "aid_actions", where: Self.counted)
        counts.twins = try await write.twinsStillStanding(counts.twins, messages: ["import.aid.twin", "import.aid.sameFigures"], in: "aid_actions",
                                                          where: Self.counted, importID: importID)
    }

    mutating func write(_ batch: [AidAction], rows: [Int]) async throws {
        let same = write.connection.backend.nullSafeEquals
        for (action, row) in zip(batch, rows) {
            // Figures all given as 0 take back the action the key finds, and record nothing where none is: no organisation made.
            let figures = [action.kilograms, action.parcels, action.reached, action.treated]
            let withdrawal = figures.contains { $0 != nil } && figures.allSatisfy { $0 == nil || $0 == 0 }
            let organisationID = withdrawal ? 0 : try await organisations.id(of: action.organisation, on: write)
            let values = [BulkValue(action.date.number), BulkValue(action.place.finest ?? ""), BulkValue(action.place[.adm1]),
                          BulkValue(action.place[.adm2]), BulkValue(action.place[.adm3]), BulkValue(action.place[.adm4]),
                          BulkValue(action.type), BulkValue(action.kilograms), BulkValue(action.parcels), BulkValue(action.reached),
                          BulkValue(action.treated), BulkValue(action.description)]
            // Counted where it takes one back; else all its figures and words as the record's, given again in another layout.
            let alike: SQLQueryString = withdrawal ? "\(unsafeRaw: Self.counted)" : """
                (NOT \(unsafeRaw: Self.counted) OR (w.kilograms \(unsafeRaw: same) \(bind: action.kilograms) AND w.parcels \(unsafeRaw: same) \(bind: action.parcels)
                AND w.reached \(unsafeRaw: same) \(bind: action.reached) AND w.treated \(unsafeRaw: same) \(bind: action.treated)
                AND w.description \(unsafeRaw: same) \(bind: action.description)))
                """
            let otherwise = try await write.recordWrittenOtherwise(in: "aid_actions", key: action.key, externalId: action.externalId,
                                                             organisation: action.organisation, importID: importID, withdrawal: withdrawal,
                                                             withdrawn: "NOT \(Self.counted)", matching: """
                w.day = \(bind: action.date.number) AND w.place_pcode = \(bind: action.place.finest ?? "") AND w.type_code = \(bind: action.type) AND 
                """ + alike)
            let key = otherwise?.key ?? action.key
            if let otherwise { counts.twins.append(TwinRecord(row: row, twin: otherwise.id, message: "import.record.writtenOtherwise", argument: "record")) }
            let stored = try await write.store(values, in: Self.table, rowKey: key, importID: importID, row: row, seen: &seen, insert: withdrawal ? nil : """
                INSERT INTO aid_actions (row_key, day, place_pcode, adm1, adm2, adm3, adm4, organisation_id, type_code, kilograms, parcels,
                                         reached, treated, description, external_id, recorded_at, recorded_by, import_id)
                VALUES (\(bind: action.key), \(bind: action.date.number), \(bind: action.place.finest ?? ""), \(bind: action.place[.adm1]),
                        \(bind: action.place[.adm2]), \(bind: action.place[.adm3]), \(bind: action.place[.adm4]), \(bind: organisationID),
                        \(bind: action.type), \(bind: action.kilograms), \(bind: action.parcels), \(bind: action.reached), \(bind: action.treated),
                        \(bind: action.description), \(bind: action.externalId), \(bind: write.timestamp), \(bind: write.caller.description),
                        \(bind: importID))
                """)
            counts += stored
            // Without an id, any action alike is one this row may give again; with one, an action alike in its figures too is
            // the same delivery under another id (a form's submission sent twice, or a spreadsheet's row sent again as the form's).
            let sameFigures: SQLQueryString = action.externalId == nil ? "" : """
                 AND kilograms \(unsafeRaw: same) \(bind: action.kilograms) AND parcels \(unsafeRaw: same) \(bind: action.parcels)
                AND reached \(unsafeRaw: same) \(bind: action.reached) AND treated \(unsafeRaw: same) \(bind: action.treated)
                """
            if stored.imported == 1, let twin = try await write.twin(in: "aid_actions", key: action.key, importID: importID, row: row,
                                                                     message: action.externalId == nil ? "import.aid.twin" : "import.aid.sameFigures", matching: """
                organisation_id = \(bind: organisationID) AND day = \(bind: action.date.number) AND place_pcode = \(bind: action.place.finest ?? "")
                AND type_code = \(bind: action.type) AND \(unsafeRaw: Self.counted)
                """ + sameFigures) {
                counts.twins.append(twin)
            }
            if stored.imported == 1, let other = try await write.otherOrganisation(in: "aid_actions", organisationID: organisationID, importID: importID, matching: """
                r.day = \(bind: action.date.number) AND r.place_pcode = \(bind: action.place.finest ?? "") AND r.type_code = \(bind: action.type)
                AND \(unsafeRaw: Self.counted)
                """, seen: seen, row: row,
                message: "import.aid.otherOrganisation", recordArgument: "record") {
                counts.shared.append(other)
            }
        }
    }
}
