import HomewardCore
import SQLKit
import Testing
@testable import HomewardStore
import HomewardTestSupport

/// Step 0016 moves the key's uniqueness from the column to an index of its own; a ledger written before it
/// keeps every movement, id and earlier version, and its keys stay unique.
@Suite struct MovementKeyIndexMigrationTests {
    static let header = "#date,#meta+id,#adm1+dest+code,#affected+returnees+idps+num\n"
    static let file = header + "2019-07-12,a,SY01,100\n2019-07-12,b,SY02,50\n2019-07-13,c,SY03,7\n"

    @Test(arguments: Backend.available)
    func aLedgerWrittenBeforeTheStepKeepsItsMovementsAndRevisions(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: movements and a correction, then the schema as it stood before the step
            _ = try await store.importCSV(Self.file)
            _ = try await store.importCSV(Self.header + "2019-07-12,a,SY01,120\n")
            let before = try await Self.snapshot(store)
            try await store.database.write(by: .test, for: .bookkeeping) { write in
                if store.database.backend == .postgres {
                    try await write.sql.raw("DROP INDEX movements_row_key").run()
                    try await write.sql.raw("ALTER TABLE movements ADD CONSTRAINT movements_row_key_key UNIQUE (row_key)").run()
                } else {
                    try await write.sql.raw("DROP INDEX movements_row_key").run()
                }
                try await write.sql.raw("DELETE FROM homeward_migrations WHERE name = '0016_index_movement_keys'").run()
            }
            // act
            try await store.database.migrate()
            // check: the same rows, ids and versions; the index there; a key still cannot be written twice
            #expect(try await Self.snapshot(store) == before)
            let again = try await store.importCSV(Self.file)
            #expect(again.imported == 0 && again.updated == 1 && again.ignored == 2)
            #expect(try await store.movementCount() == 3)
            await #expect(throws: (any Error).self) {
                try await store.database.write(by: .test, for: .bookkeeping) { write in
                    try await write.sql.raw("""
                        INSERT INTO movements (row_key, fingerprint, start_day, end_day, category, dest_pcode, persons, organisation_id, recorded_at)
                        SELECT row_key, fingerprint, start_day, end_day, category, dest_pcode, persons, organisation_id, recorded_at FROM movements LIMIT 1
                        """).run()
                }
            }
            if store.database.backend == .sqlite {
                let dangling = try await store.database.read { db in try await db.raw("PRAGMA foreign_key_check").all() }
                #expect(dangling.isEmpty)
            }
        }
    }

    /// Every movement (id, key, persons) and earlier version (movement id, persons), and the indexes of `movements`.
    static func snapshot(_ store: Stores) async throws -> [String] {
        try await store.database.read { db in
            let movements = try await db.raw("SELECT id, row_key, persons FROM movements ORDER BY id").all().map {
                "m \(try $0.decode(column: "id", as: Int.self)) \(try $0.decode(column: "row_key", as: String.self)) \(try $0.decode(column: "persons", as: Int.self))"
            }
            let revisions = try await db.raw("SELECT movement_id, persons FROM movement_revisions ORDER BY id").all().map {
                "r \(try $0.decode(column: "movement_id", as: Int.self)) \(try $0.decode(column: "persons", as: Int.self))"
            }
            let indexes = try await db.raw(store.database.backend == .sqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'movements' AND name NOT LIKE 'sqlite_autoindex%'"
                : "SELECT indexname AS name FROM pg_indexes WHERE tablename = 'movements' AND indexname <> 'movements_pkey'")
                .all(decodingColumn: "name", as: String.self).sorted()
            return movements + revisions + indexes.map { "i \($0)" }
        }
    }
}
