import Foundation
import HomewardCore
import Synchronization
import Testing
import HomewardStore
import HomewardTestSupport

/// A clock the test moves by hand, so that corrections happen at known moments.
final class ManualClock: Sendable {
    private let current: Mutex<Date>
    init(_ text: String) { current = Mutex(try! Date(text, strategy: .iso8601)) }
    var now: Date { current.withLock { $0 } }
    func set(_ text: String) { current.withLock { $0 = try! Date(text, strategy: .iso8601) } }
}

@Suite struct RevisionTests {
    static let header = "#date,#meta+id,#adm1+dest+code,#affected+returnees+idps+num\n"
    static func moment(_ text: String) -> Date { RecordingMoment.parse(text)! }

    @Test(arguments: Backend.available)
    func aCorrectionKeepsTheVersionBeforeItAndTotalsCanBeAskedAsRecordedEarlier(_ backend: Backend) async throws {
        let clock = ManualClock("2019-07-20T10:00:00Z")
        try await withStores(backend, now: { clock.now }) { store in
            // setup: the first report, then a correction of one row a day later
            _ = try await store.importCSV(Self.header + "2019-07-12,a,SY01,100\n2019-07-12,b,SY02,50\n", org: "UNHCR")
            clock.set("2019-07-21T10:00:00Z")
            let corrected = try await store.importCSV(Self.header + "2019-07-12,a,SY01,120\n2019-07-12,b,SY02,50\n", org: "UNHCR")
            #expect(corrected.updated == 1 && corrected.ignored == 1)
            // check: the present, and the ledger as it stood before the correction and before anything
            #expect(try await store.ledger.totals(TotalsQuery()).total == 170)
            #expect(try await store.ledger.totals(TotalsQuery(asRecordedOn: Self.moment("2019-07-20T12:00:00Z"))).total == 150)
            #expect(try await store.ledger.totals(TotalsQuery(asRecordedOn: Self.moment("2019-07-20"))).total == 150)
            #expect(try await store.ledger.totals(TotalsQuery(asRecordedOn: Self.moment("2019-07-19"))).total == 0)
            #expect(try await store.ledger.totals(TotalsQuery(asRecordedOn: Self.moment("2019-07-21T10:00:00Z"))).total == 170)
            let before = try await store.ledger.totals(TotalsQuery(grouping: .adm1, asRecordedOn: Self.moment("2019-07-20T23:00:00+02:00")))
            #expect(before.groups.map { [$0.key ?? "", String($0.persons)] } == [["SY01", "100"], ["SY02", "50"]])
        }
    }

    /// The ledger as it stood at a moment holds what had committed by then: an import that began before it and
    /// committed after it is not in it, though its rows are stamped with its start.
    @Test(arguments: Backend.available)
    func anImportInFlightAtAMomentIsNotInTheLedgerAsItStoodThen(_ backend: Backend) async throws {
        let clock = BulletinStoreTests.Ticking()
        try await withStores(backend, now: { clock.now() }) { store in
            // setup: one import, then a correction whose transaction spans several ticks of the clock
            _ = try await store.importCSV(Self.header + "2019-07-12,a,SY01,100\n")
            _ = try await store.importCSV(Self.header + "2019-07-12,a,SY01,120\n2019-07-12,b,SY02,50\n")
            let imports = try await store.database.read { db in
                try await db.raw("SELECT started_at, committed_at FROM imports ORDER BY id").all().map {
                    (try $0.decode(column: "started_at", as: String.self), try $0.decode(column: "committed_at", as: String.self))
                }
            }
            let (started, committed) = try #require(imports.last)
            #expect(started < committed)
            // check: at its start it was in flight; at its commit it was in
            let movementsRecorded = try await store.ledger.movementPage().movements.map(\.recordedAt)
            #expect(movementsRecorded.allSatisfy { $0 == started })
            #expect(try await store.ledger.totals(TotalsQuery(asRecordedOn: Self.moment(started))).total == 100)
            #expect(try await store.ledger.totals(TotalsQuery(asRecordedOn: Self.moment(committed))).total == 170)
            #expect(try await store.ledger.totals(TotalsQuery(asRecordedOn: Self.moment(imports[0].0))).total == 0)
            // A movement's history says when each version's import committed: the moment to ask the ledger from.
            let id = try #require(try await store.ledger.movementPage().movements.first { $0.persons == 120 }?.id)
            let history = try await store.ledger.history(ofMovement: id)
            #expect(history.map(\.committedAt) == [imports[0].1, committed] && history.map(\.movement.persons) == [100, 120])
        }
    }

    @Test(arguments: Backend.available)
    func aMovementsHistorySaysWhoChangedItWhenAndInWhichImport(_ backend: Backend) async throws {
        let clock = ManualClock("2019-07-20T10:00:00Z")
        try await withStores(backend, now: { clock.now }) { store in
            _ = try await store.importCSV(Self.header + "2019-07-12,a,SY01,100\n")
            clock.set("2019-07-21T10:00:00Z")
            _ = try await store.importCSV(Self.header + "2019-07-12,a,SY01,120\n")
            clock.set("2019-07-22T10:00:00Z")
            _ = try await store.importCSV(Self.header + "2019-07-12,a,SY01,125\n")
            let id = try #require(try await store.ledger.movementPage().movements.first?.id)
            // act
            let history = try await store.ledger.history(ofMovement: id)
            // check: oldest first, each replaced by the next, the last in force
            #expect(history.map(\.movement.persons) == [100, 120, 125])
            #expect(history.map(\.movement.recordedAt) == ["2019-07-20T10:00:00Z", "2019-07-21T10:00:00Z", "2019-07-22T10:00:00Z"])
            #expect(history.map(\.supersededAt) == ["2019-07-21T10:00:00Z", "2019-07-22T10:00:00Z", nil])
            #expect(history.allSatisfy { $0.recordedBy == Caller.test.description })
            #expect(history[0].supersededInImport == history[1].importID && history[1].importID != history[0].importID)
            #expect(try await store.ledger.history(ofMovement: id + 1_000).isEmpty)
        }
    }
}
