import Foundation
import HomewardCore
@testable import HomewardStore
import HomewardTestSupport
import SQLKit
import Synchronization
import Testing

@Suite struct AccessTests {
    static let header = "#date,#meta+id,#org,#adm1+dest+code,#affected+returnees+idps+num\n"

    func importMovements(_ store: Stores, _ rows: String, by caller: Caller, skipInvalid: Bool = false) async throws -> ImportSummary {
        try await store.importRecords(.movements, ImportRequest(sourceName: "rows.csv", skipInvalid: skipInvalid, today: TestStores.today),
                                      from: .bytes(Array((Self.header + rows).utf8)), by: caller)
    }

    func movementCount(_ store: Stores) async throws -> Int {
        try await store.database.read { try await $0.raw("SELECT COUNT(*) AS n FROM movements").first(decodingColumn: "n", as: Int.self) ?? 0 }
    }

    /// An editor who may write for one organisation only names it by default: a row without one is its organisation's. One
    /// who may write for several (a working group's member), or a coordinator, must say which.
    @Test(arguments: Backend.available)
    func anEditorOfOneOrganisationNamesItByDefault(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            try await store.access.addPerson(Person(login: "amal", name: "Amal", organisation: "UNHCR", role: .editor), password: nil, by: .test)
            try await store.access.addPerson(Person(login: "iman", name: "Iman", organisation: "IOM", role: .editor), password: nil, by: .test)
            try await store.access.addPerson(Person(login: "cora", name: "Cora", organisation: "Centre", role: .coordinator), password: nil, by: .test)
            try await store.organisations.add("Returns WG", workingGroup: true, members: ["IOM"], by: .test)
            let row = "2020-06-01,,,SY01,5\n"
            let own = try await importMovements(store, row, by: .person(login: "amal"))
            #expect(own.imported == 1, "\(own.problems)")
            #expect(try await store.ledger.movementPage().movements.map(\.organisation) == ["UNHCR"])
            for login in ["iman", "cora"] {
                let named = try await importMovements(store, row, by: .person(login: login))
                #expect(named.status == .error && named.problems.first?.code == "import.organisation.missing", "\(login): \(named.problems)")
            }
        }
    }

    @Test(arguments: Backend.available)
    func aPartnersImportOfAnotherOrganisationsRowsIsRefusedWholeUnlessSkipped(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: an editor of UNHCR
            try await store.access.addPerson(Person(login: "amal", name: "Amal", organisation: "UNHCR", role: .editor), password: nil, by: .test)
            // A login left empty is said to be missing, not to be too long.
            let empty = await #expect(throws: StoreError.self) {
                try await store.access.addPerson(Person(login: " ", name: "Nobody", organisation: "UNHCR", role: .viewer), password: nil, by: .test)
            }
            #expect(empty?.description.contains("a login is needed") == true, "\(String(describing: empty))")
            let rows = "2020-06-01,a,UNHCR,SY01,5\n2020-06-01,b,WFP,SY01,7\n"
            // act
            let refused = await #expect(throws: StoreError.self) { try await importMovements(store, rows, by: .person(login: "amal")) }
            let countAfterRefusal = try await movementCount(store)
            let skipped = try await importMovements(store, rows, by: .person(login: "amal"), skipInvalid: true)
            // check: nothing written the first time; the partner's own row the second, the other refused with why
            // The refusal names the row, so that a file of thousands is mended by it.
            guard case .forbiddenRecords(_, let refusedSummary)? = refused else { Issue.record("not refused by its rows: \(String(describing: refused))"); return }
            #expect(refusedSummary.problems.map { "\($0.row) \($0.column) \($0.value)" } == ["3 #org WFP"])
            #expect(refusedSummary.rows == 2 && refusedSummary.rejected == 1 && refusedSummary.status == .error, "the file's counts, as any summary gives them")
            #expect(refused?.description.contains("may write records of UNHCR only, not of WFP") == true)
            #expect(countAfterRefusal == 0)
            #expect(skipped.imported == 1 && skipped.rejected == 1)
            #expect(skipped.problems.first?.column == "#org" && skipped.problems.first?.row == 3)
            // The partner's own name written another way is a spelling to mend, not another organisation's rows.
            let misspelt = try await importMovements(store, "2020-06-01,c,unhcr,SY01,5\n", by: .person(login: "amal"))
            #expect(misspelt.status == .error && misspelt.problems.first?.code == "import.organisation.spelling", "\(misspelt.problems)")
            let audit = try await store.access.audit()
            // The refusal says what was tried: of which kind, from where, how many rows.
            let refusal = audit.first { $0.action == "refused" && $0.actor == "person:amal" && $0.kind == "records" }
            #expect(refusal?.detail == "movements from rows.csv: 1 row of another organisation: this account may write records of UNHCR only, not of WFP",
                    "\(String(describing: refusal))")
            #expect(audit.contains { $0.action == "import" && $0.actor == "person:amal" && $0.detail?.contains("1 imported") == true })
            // Skipped, the rows of another organisation are a refusal all the same: audited, whether the rest was written or
            // nothing was left to write.
            let skippedRefusals = audit.filter { $0.action == "refused" && $0.actor == "person:amal" && $0.detail?.contains(" skipped: ") == true }
            #expect(skippedRefusals.map(\.detail) == ["movements from rows.csv: 1 row of another organisation skipped: this account may write records of UNHCR only, not of WFP"])
            let onlyOthers = try await importMovements(store, "2020-06-01,f,WFP,SY01,5\n", by: .person(login: "amal"), skipInvalid: true)
            #expect(onlyOthers.status == .error && onlyOthers.imported == 0)
            #expect(try await store.access.audit().last?.detail?.hasPrefix("movements from rows.csv: 1 row of another organisation skipped") == true)
            // Every such row is counted, past the 1,000 problems a summary lists.
            let many = (1 ... 1_200).map { "2020-06-01,w\($0),WFP,SY01,5\n" }.joined()
            _ = try await importMovements(store, many, by: .person(login: "amal"), skipInvalid: true)
            #expect(try await store.access.audit().last?.detail?.hasPrefix("movements from rows.csv: 1200 rows of another organisation skipped") == true)
            // A disabled account's login given to the command line did nothing itself: the refusal is the operator's, naming it.
            _ = try await store.access.disable("amal", by: .test)
            try await RequestOrigin.$isCommandLine.withValue(true) {
                await #expect(throws: StoreError.self) { try await importMovements(store, "2020-06-01,d,UNHCR,SY01,5\n", by: .person(login: "amal")) }
            }
            let disabled = try await store.access.audit().last
            #expect(disabled?.action == "refused" && disabled?.actor == Caller.operatingSystemUser.description
                    && disabled?.detail?.hasPrefix("as amal, an account disabled or erased: ") == true, "\(String(describing: disabled))")
            // A server's request under a session the account was disabled under stays the account's.
            try await RequestOrigin.$address.withValue("10.0.0.7") {
                await #expect(throws: StoreError.self) { try await importMovements(store, "2020-06-01,e,UNHCR,SY01,5\n", by: .person(login: "amal")) }
            }
            let served = try await store.access.audit().last
            #expect(served?.actor == "person:amal" && served?.address == "10.0.0.7"
                    && served?.detail?.hasPrefix("the account is disabled or erased: ") == true, "\(String(describing: served))")
        }
    }

    @Test(arguments: Backend.available)
    func aMeasureASessionAndAGazetteerAreAuditedByWhatWasAdded(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // act
            try await store.sources.addMeasure(Measure(code: "returns-camps", nameEn: "Returns from camps", nameRu: "Возвращения из лагерей",
                                                       nameAr: "العودة من المخيمات", within: "returns"), by: .test)
            let session = try await store.sessions.addSession(CoordinationSession(date: TestStores.today, briefings: [.init(organisation: "UNHCR")]),
                                                              today: TestStores.today, by: .test)
            let counts = try await store.places.loadReference(try ReferenceDirectory.bundled(), by: .test)
            // check: one entry each, naming what was added, as `homeward audit` and GET /api/v1/audit list them; the organisation
            // the session named first is created there, and that is audited too
            let audit = try await store.access.audit().filter { $0.actor == "system:test" }
            #expect(audit.map { "\($0.action) \($0.kind) \($0.record ?? "-")" }
                    == ["create measure returns-camps", "create organisation UNHCR", "create coordination-session \(session.id ?? 0)", "load reference -"])
            #expect(audit[0].after?.contains("Returns from camps") == true && audit[2].after?.contains("UNHCR") == true)
            #expect(audit[1].detail == "created where first named")
            #expect(audit[3].detail == "areas: \(counts.areas), countries: \(counts.countries), crossings: \(counts.crossings), "
                    + "names in other languages: \(counts.names); home country SYR")
            #expect(counts.areas > 0 && counts.crossings > 0)
        }
    }

    @Test(arguments: Backend.available)
    func anEditorOfAMemberWritesTheWorkingGroupsRecords(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: a working group of two agencies; an editor of one of them; a viewer
            try await store.organisations.add("Returns WG", workingGroup: true, members: ["UNHCR", "IOM"], by: .test)
            try await store.access.addPerson(Person(login: "amal", name: "Amal", organisation: "IOM", role: .editor), password: nil, by: .test)
            try await store.access.addPerson(Person(login: "vera", name: "Vera", organisation: "IOM", role: .viewer), password: nil, by: .test)
            // act
            let group = try await importMovements(store, "2020-06-01,g,Returns WG,SY01,5\n", by: .person(login: "amal"))
            let viewer = await #expect(throws: StoreError.self) { try await importMovements(store, "2020-06-01,v,IOM,SY01,5\n", by: .person(login: "vera")) }
            let planning = await #expect(throws: StoreError.self) {
                try await store.camps.addSite(Site(code: "X", name: "X", kind: .camp, admin: "SY08"), by: .person(login: "amal"))
            }
            // check
            #expect(group.imported == 1)
            #expect(viewer?.description == "the role viewer may not write figures (movements, censuses, departures, facilities, aid, source figures); editors, coordinators and admins do")
            #expect(planning?.description == "the role editor may not write the centre's planning (sites, evacuations, sessions, bulletins); coordinators and admins do")
            // A password is never quoted back, and no empty quotes stand in for it.
            let short = await #expect(throws: StoreError.self) {
                try await store.access.addPerson(Person(login: "sami", name: "Sami", organisation: "IOM", role: .viewer), password: "short", by: .test)
            }
            #expect(short?.description == "password: a password has at least 12 characters")
            // Reading the audit is refused as a read, not as a write of planning.
            let audit = await #expect(throws: StoreError.self) { try await store.access.audit(readBy: .person(login: "vera")) }
            #expect(audit?.description == "the role viewer may not read the audit log; coordinators and admins do")
            #expect(try await store.organisations.members()["Returns WG"] == ["IOM", "UNHCR"])
        }
    }

    /// A refusal is audited, so the audit reads differently after it: every tag given before must change, on each backend.
    @Test(arguments: Backend.available)
    func aRefusedWriteMovesTheDataVersionAsItsAuditEntryIsNew(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            try await store.access.addPerson(Person(login: "vera", name: "Vera", organisation: "IOM", role: .viewer), password: nil, by: .test)
            let before = try await store.database.dataVersion()
            await #expect(throws: StoreError.self) { try await importMovements(store, "2020-06-01,v,IOM,SY01,5\n", by: .person(login: "vera")) }
            #expect(try await store.access.audit().last?.action == "refused")
            #expect(try await store.database.dataVersion() != before)
        }
    }

    /// What only a person may do, tried with a token (a leaked admin token minting a way in), is refused and audited.
    @Test(arguments: Backend.available)
    func whatATokenMayNotDoIsRefusedAndAudited(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            try await store.access.addPerson(Person(login: "root", name: "Root", organisation: "Centre", role: .admin), password: nil, by: .test)
            try await store.access.addPerson(Person(login: "amal", name: "Amal", organisation: "IOM", role: .viewer), password: nil, by: .test)
            let token = Caller.token(id: try await store.access.createToken(for: "root", by: .test).id, login: "root")
            await #expect(throws: StoreError.self) { try await store.access.setRole("amal", to: .admin, by: token) }
            await #expect(throws: StoreError.self) { try await store.access.createToken(for: "amal", by: token) }
            await #expect(throws: StoreError.self) {
                try await store.access.addPerson(Person(login: "evil", name: "E", organisation: "IOM", role: .admin), password: nil, by: token)
            }
            let refusals = try await store.access.audit().filter { $0.action == "refused" }
            #expect(refusals.count == 3 && refusals.allSatisfy { $0.actor.hasPrefix("token:") })
            #expect(try await store.access.persons().first { $0.login == "amal" }?.role == .viewer)
        }
    }

    /// A member taken out of a group while its editor's import of the group's records is running waits for the import, on
    /// both databases: the rows are written while the member may write them, and none after the removal.
    @Test(arguments: Backend.available)
    func aMemberTakenOutDuringItsEditorsImportWaitsForIt(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            try await store.organisations.add("Returns WG", workingGroup: true, members: ["UNHCR", "IOM"], by: .test)
            try await store.access.addPerson(Person(login: "amal", name: "Amal", organisation: "IOM", role: .editor), password: nil, by: .test)
            let (stream, gate) = AsyncStream<[UInt8]>.makeStream()
            let chunks = Chunks(stream)
            gate.yield(Array((Self.header + "2020-06-01,a,Returns WG,SY01,5\n").utf8))
            let importing = Task {
                try await store.importRecords(.movements, ImportRequest(sourceName: "slow.csv", today: TestStores.today),
                                              from: ByteSource(totalBytes: nil) { await chunks.next() }, by: .person(login: "amal"))
            }
            // The import asks for its second chunk once it has read the first, inside its transaction.
            await chunks.asked(2)
            let removed = Mutex(false)
            let removing = Task {
                try await store.organisations.add("Returns WG", workingGroup: true, removing: ["IOM"], by: .test)
                removed.withLock { $0 = true }
            }
            try await Task.sleep(for: .milliseconds(500))
            // check: the removal waits while the import is open
            #expect(removed.withLock { $0 } == false)
            gate.yield(Array("2020-06-02,b,Returns WG,SY01,5\n".utf8))
            gate.finish()
            #expect(try await importing.value.imported == 2)
            try await removing.value
            let audit = try await store.access.audit().filter { $0.kind == "organisation" || $0.action == "import" }
            #expect(audit.last?.detail == "members removed: IOM", "\(audit.map { "\($0.action) \($0.detail ?? "")" })")
            await #expect(throws: StoreError.self) { try await importMovements(store, "2020-06-03,c,Returns WG,SY01,5\n", by: .person(login: "amal")) }
        }
    }

    /// A member taken out of a group takes its editors' right to write the group's records with it; a partner with accounts of
    /// its own is not made a group (its figures would be another's to write), nor is a group a member of itself or of another.
    @Test(arguments: Backend.available)
    func aWorkingGroupLosesAMemberAndNoPartnerBecomesAGroup(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup
            try await store.organisations.add("Returns WG", workingGroup: true, members: ["UNHCR", "IOM", "SARC"], by: .test)
            try await store.access.addPerson(Person(login: "sami", name: "Sami", organisation: "SARC", role: .editor), password: nil, by: .test)
            #expect(try await importMovements(store, "2020-06-01,s,Returns WG,SY01,5\n", by: .person(login: "sami")).imported == 1)
            // act
            let asked = try await store.organisations.add("Returns WG", workingGroup: true, members: ["UNHCR"], removing: ["SARC"], by: .test)
            let notMember = await #expect(throws: StoreError.self) {
                try await store.organisations.add("Returns WG", workingGroup: true, removing: ["WHO"], by: .test)
            }
            let partner = await #expect(throws: StoreError.self) {
                try await store.organisations.add("SARC", workingGroup: true, members: ["IOM"], by: .test)
            }
            let itself = await #expect(throws: StoreError.self) {
                try await store.organisations.add("New WG", workingGroup: true, members: ["new wg"], by: .test)
            }
            let nested = await #expect(throws: StoreError.self) {
                try await store.organisations.add("Big WG", workingGroup: true, members: ["Returns WG"], by: .test)
            }
            // check
            #expect(asked == .changed)
            #expect(try await store.organisations.members()["Returns WG"] == ["IOM", "UNHCR"])
            await #expect(throws: StoreError.self) { try await importMovements(store, "2020-06-02,s2,Returns WG,SY01,5\n", by: .person(login: "sami")) }
            #expect(notMember?.description == "remove_member 'WHO': is not a member of Returns WG")
            #expect(partner?.description.hasPrefix("name 'SARC': has an account of its own") == true, "\(String(describing: partner))")
            #expect(itself?.description == "member 'new wg': a working group is not a member of itself")
            #expect(nested?.description.hasPrefix("member 'Returns WG': is a working group itself") == true)
            #expect(try await store.organisations.organisations().first { $0.name == "SARC" }?.workingGroup == false)
            #expect(try await store.organisations.members()["Big WG"] == nil)
            let audit = try await store.access.audit().filter { $0.kind == "organisation" && $0.record == "Returns WG" }
            #expect(audit.last?.detail == "members removed: SARC")
            // Nor the other way round: a member made a group, or an account given to a group.
            let memberAsGroup = await #expect(throws: StoreError.self) {
                try await store.organisations.add("IOM", workingGroup: true, members: ["WFP"], by: .test)
            }
            #expect(memberAsGroup?.description == "name 'IOM': is a member of the working group Returns WG: made a group itself, the groups would nest")
            let accountInGroup = await #expect(throws: StoreError.self) {
                try await store.access.addPerson(Person(login: "wg", name: "WG", organisation: "Returns WG", role: .editor), password: nil, by: .test)
            }
            #expect(accountInGroup?.description.hasPrefix("organisation 'Returns WG': is a working group") == true)
            // A member to take out is found by any spelling of its name.
            #expect(try await store.organisations.add("Returns WG", workingGroup: true, removing: ["iom"], by: .test) == .changed)
            #expect(try await store.organisations.members()["Returns WG"] == ["UNHCR"])
        }
    }

    @Test(arguments: Backend.available)
    func tokensExpireAreRevokedAndDieWithTheirAccount(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup
            try await store.access.addPerson(Person(login: "amal", name: "Amal", organisation: "UNHCR", role: .editor), password: nil, by: .test)
            let expiring = try await store.access.createToken(for: "amal", by: .test)
            let revoked = try await store.access.createToken(for: "amal", by: .test)
            let kept = try await store.access.createToken(for: "amal", by: .test)
            // act
            #expect(try await store.access.caller(forToken: expiring.token, at: try? await store.database.dataVersion()) == .token(id: expiring.id, login: "amal"))
            // Proven twice, so that its proof is kept (the first notes its use, a write): revoking it must still count at once.
            for _ in 0 ..< 2 { #expect(try await store.access.caller(forToken: revoked.token, at: try? await store.database.dataVersion()) == .token(id: revoked.id, login: "amal")) }
            try await store.database.read { db in
                try await db.raw("UPDATE api_tokens SET expires_at = '2000-01-01T00:00:00Z' WHERE id = \(bind: expiring.id)").run()
            }
            try await store.access.revokeTokens(id: revoked.id, by: .test)
            // check
            #expect(expiring.token.count == 67 && expiring.token.hasPrefix("hw_"), "256 bits as 64 hex digits")
            #expect(try await store.access.caller(forToken: expiring.token, at: try? await store.database.dataVersion()) == nil)
            #expect(try await store.access.caller(forToken: revoked.token, at: try? await store.database.dataVersion()) == nil)
            #expect(try await store.access.caller(forToken: kept.token, at: try? await store.database.dataVersion()) != nil)
            #expect(try await store.access.caller(forToken: kept.token + "0", at: try? await store.database.dataVersion()) == nil)
            let listed = try await store.access.tokens(of: "amal")
            #expect(listed.first { $0.id == kept.id }?.lastUsed != nil && listed.first { $0.id == revoked.id }?.revoked != nil)
            // The secret is nowhere in the database.
            let stored = try await store.database.read { try await $0.raw("SELECT digest FROM api_tokens").all(decodingColumn: "digest", as: String.self) }
            #expect(!stored.contains(kept.token) && stored.contains(Secret.digest(kept.token)))
            try await store.access.disable("amal", by: .test)
            #expect(try await store.access.caller(forToken: kept.token, at: try? await store.database.dataVersion()) == nil)
        }
    }

    @Test(arguments: Backend.available)
    func theAuditLogCannotBeChangedOrEmptied(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: something audited
            try await store.camps.addSite(Site(code: "HOL", name: "Al-Hol", kind: .camp, admin: "SY080006"), by: .test)
            let entries = try await store.access.audit()
            #expect(entries.contains { $0.action == "create" && $0.kind == "site" && $0.record == "HOL" && $0.after?.contains("Al-Hol") == true })
            // act and check: the database itself refuses
            await #expect(throws: (any Error).self) {
                try await store.database.read { try await $0.raw("UPDATE audit_log SET actor = 'someone else'").run() }
            }
            await #expect(throws: (any Error).self) {
                try await store.database.read { try await $0.raw("DELETE FROM audit_log").run() }
            }
            #expect(try await store.access.audit() == entries)
        }
    }

    /// An erased name is in no page of an SQLite database, nor of its write-ahead log, while the database stays open (a
    /// server running beside the command line that erased it).
    @Test func anErasedNameIsLeftInNoPageOfTheFileOrItsLog() async throws {
        try await withStores(.sqlite) { store in
            guard case .sqlite(let path) = store.database.location else { Issue.record("not SQLite"); return }
            let name = "Qwertzuiop Asdfghjkl"
            try await store.access.addPerson(Person(login: "amal", name: name, organisation: "UNHCR", role: .editor), password: nil, by: .test)
            // Versions of the row in several frames of the log, as edits over a day leave them.
            try await store.access.setRole("amal", to: .viewer, by: .test)
            try await store.access.setRole("amal", to: .editor, by: .test)
            let found = { [path] in
                [path, path + "-wal"].compactMap { FileManager.default.contents(atPath: $0) }.contains { $0.firstRange(of: Data(name.utf8)) != nil }
            }
            #expect(found())
            // act
            try await store.access.erase("amal", by: .test)
            // check
            #expect(!found())
        }
    }

    @Test(arguments: Backend.available)
    func theAuditOfOnePersonIsTheirsAlone(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup: two logins that a pattern would confuse ("_" matches any one character in LIKE), each revoking
            // their own token through it
            for login in ["a_b", "axb"] {
                try await store.access.addPerson(Person(login: login, name: login, organisation: "UNHCR", role: .editor), password: nil, by: .test)
                let token = try await store.access.createToken(for: login, by: .test)
                try await store.access.revokeTokens(id: token.id, by: .token(id: token.id, login: login))
            }
            // act
            let entries = try await store.access.audit(login: "a_b")
            let upper = try await store.access.audit(login: "A_B")
            // check: nothing of axb's on both databases, and a login in other letters names the same account, as it does to sign in
            #expect(entries.map(\.action) == ["token-revoked"] && entries.allSatisfy { $0.actor.hasSuffix(":a_b") })
            #expect(upper == entries)
        }
    }

    @Test(arguments: Backend.available)
    func repeatedWrongPasswordsAreThrottledAndLogged(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            // setup
            try await store.access.addPerson(Person(login: "amal", name: "Amal", organisation: "UNHCR", role: .editor),
                                             password: "correct horse battery", by: .test)
            // act: the right password first (the login as a phone capitalises it), then five wrong ones, counted as the account's
            let session = try await store.access.signIn(login: "Amal", password: "correct horse battery")
            #expect(session.caller == .person(login: "amal"))
            for index in 0 ..< AccessStore.throttleFailures {
                await #expect(throws: AccessStore.SignInRefusal.wrongLoginOrPassword) { try await store.access.signIn(login: index == 0 ? "AMAL" : "amal", password: "wrong") }
            }
            // check: even the right password is refused now; every failure is in the audit
            await #expect { try await store.access.signIn(login: "amal", password: "correct horse battery") } throws: { ($0 as? AccessStore.SignInRefusal)?.isThrottled == true }
            #expect(try await store.access.session(session.id)?.caller == .person(login: "amal"))
            #expect(try await store.access.audit().filter { $0.action == "sign-in-failed" }.count == AccessStore.throttleFailures + 1)
            await #expect(throws: AccessStore.SignInRefusal.wrongLoginOrPassword) { try await store.access.signIn(login: "nobody", password: "x") }
            // A password typed as the login is not kept, nor its digest (which a list of passwords would find): a short keyed tag.
            await #expect(throws: AccessStore.SignInRefusal.wrongLoginOrPassword) { try await store.access.signIn(login: "hunter2.horse", password: "x") }
            let kept = try await store.database.read { db in try await db.raw("SELECT login FROM sign_in_failures").all(decodingColumn: "login", as: String.self) }
            #expect(kept.filter { $0 != "amal" }.count == 2 && kept.allSatisfy { $0 == "amal" || ($0.hasPrefix("?") && $0.count == 5) }, "\(kept)")
            #expect(kept.contains("?" + AccessStore.unknownLoginTag("hunter2.horse", key: try await store.database.answerTagKey())))
        }
    }
}

/// A dead token sent again is audited with the address it came from, once a minute: a leaked token tried for a way in
/// is traced to where it was tried.
@Suite struct DeadTokenTests {
    @Test(arguments: Backend.available)
    func aRevokedTokenSentAgainIsAuditedWithItsAddressOnceAMinute(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            try await store.access.addPerson(Person(login: "amal", name: "Amal", organisation: "UNHCR", role: .viewer), password: nil, by: .test)
            let token = try await store.access.createToken(for: "amal", by: .test)
            _ = try await store.access.revokeTokens(id: token.id, by: .test)
            for _ in 0 ..< 3 {
                let caller = try await RequestOrigin.$address.withValue("10.0.0.7") {
                    try await store.access.caller(forToken: token.token, at: nil, attempt: "POST /api/v1/movements")
                }
                #expect(caller == nil)
            }
            let refused = try await store.access.audit().filter { $0.action == "refused" && $0.kind == "token" }
            #expect(refused.map(\.address) == ["10.0.0.7"] && refused.map(\.record) == ["amal"])
            #expect(refused.map(\.detail) == ["a revoked token was sent for POST /api/v1/movements"], "what it was tried for")
        }
    }
}

/// A throttled person is told when the login is taken again, and is taken then: a message saying "15 minutes" whatever the
/// failures' times would send someone away for longer than needed, or back too soon to be refused again.
@Suite struct SignInThrottleTests {
    @Test(arguments: Backend.available)
    func aThrottledLoginIsTakenAgainWhenItsFifthLatestFailureAgesOut(_ backend: Backend) async throws {
        let clock = ManualClock("2026-11-01T08:00:00Z")
        try await withStores(backend, now: { clock.now }) { store in
            // setup: five wrong passwords from one address, two minutes apart
            try await store.access.addPerson(Person(login: "amal", name: "Amal", organisation: "UNHCR", role: .viewer),
                                             password: "correct horse battery", by: .test)
            func signIn(at time: String) async throws -> PageSession {
                clock.set("2026-11-01T\(time)Z")
                return try await RequestOrigin.$address.withValue("10.0.0.9") {
                    try await store.access.signIn(login: "amal", password: "correct horse battery")
                }
            }
            for minute in ["00", "02", "04", "06", "08"] {
                clock.set("2026-11-01T08:\(minute):00Z")
                await RequestOrigin.$address.withValue("10.0.0.9") {
                    await #expect(throws: AccessStore.SignInRefusal.wrongLoginOrPassword) { try await store.access.signIn(login: "amal", password: "wrong") }
                }
            }
            // act and check: refused until the first failure is 15 minutes old, told how long is left
            await #expect(throws: AccessStore.SignInRefusal.throttled(retryAfterSeconds: 300)) { try await signIn(at: "08:10:00") }
            await #expect(throws: AccessStore.SignInRefusal.throttled(retryAfterSeconds: 1)) { try await signIn(at: "08:14:59") }
            #expect(try await signIn(at: "08:15:00").caller == .person(login: "amal"))
        }
    }

    /// Fifty failures of one login from anywhere refuse it everywhere, even from an address that never failed.
    @Test(arguments: Backend.available)
    func fiftyFailuresFromManyAddressesRefuseTheLoginFromAnyUntilTheyAgeOut(_ backend: Backend) async throws {
        let clock = ManualClock("2026-11-01T08:00:00Z")
        try await withStores(backend, now: { clock.now }) { store in
            // setup: 49 failures from 49 addresses over the first minutes (written as sign-in writes them: bcrypt's 49 checks
            // would only slow the test), then the fiftieth by a real sign-in
            try await store.access.addPerson(Person(login: "amal", name: "Amal", organisation: "UNHCR", role: .viewer),
                                             password: "correct horse battery", by: .test)
            try await store.database.write(by: .test, for: .bookkeeping) { write in
                for index in 0 ..< AccessStore.throttleFailuresEverywhere - 1 {
                    let at = Database.timestamp(clock.now.addingTimeInterval(Double(index) * 6))
                    try await write.sql.raw("INSERT INTO sign_in_failures (login, address, at) VALUES ('amal', \(bind: "10.1.0.\(index)"), \(bind: at))").run()
                }
            }
            clock.set("2026-11-01T08:05:00Z")
            await RequestOrigin.$address.withValue("10.2.0.1") {
                await #expect(throws: AccessStore.SignInRefusal.wrongLoginOrPassword) { try await store.access.signIn(login: "amal", password: "wrong") }
            }
            // act and check: refused from an address that never failed, until the oldest of the fifty is 15 minutes old
            clock.set("2026-11-01T08:06:00Z")
            await RequestOrigin.$address.withValue("10.3.0.1") {
                await #expect(throws: AccessStore.SignInRefusal.throttled(retryAfterSeconds: 540)) {
                    try await store.access.signIn(login: "amal", password: "correct horse battery")
                }
            }
            clock.set("2026-11-01T08:15:00Z")
            let session = try await RequestOrigin.$address.withValue("10.3.0.1") {
                try await store.access.signIn(login: "amal", password: "correct horse battery")
            }
            #expect(session.caller == .person(login: "amal"))
        }
    }
}

/// What sign-in keeps about people only as long as it serves: expired sessions and old failures go.
@Suite struct SignInHousekeepingTests {
    @Test(arguments: Backend.available)
    func expiredSessionsAndOldFailuresAreForgottenAtTheNextSignIn(_ backend: Backend) async throws {
        let clock = ManualClock("2026-11-01T08:00:00Z")
        try await withStores(backend, now: { clock.now }) { store in
            // setup: a session and a failure one morning
            try await store.access.addPerson(Person(login: "amal", name: "Amal", organisation: "UNHCR", role: .viewer),
                                             password: "correct horse battery", by: .test)
            _ = try await store.access.signIn(login: "amal", password: "correct horse battery")
            await #expect(throws: AccessStore.SignInRefusal.self) { _ = try await store.access.signIn(login: "amal", password: "wrong") }
            func count(_ table: String) async throws -> Int {
                try await store.database.read { try await $0.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first(decodingColumn: "n", as: Int.self) ?? -1 }
            }
            #expect(try await count("sessions") == 1)
            #expect(try await count("sign_in_failures") == 1)
            // act: the next day
            clock.set("2026-11-02T08:00:00Z")
            _ = try await store.access.signIn(login: "amal", password: "correct horse battery")
            // check: only the new session; the failure is in the audit, no longer in the throttle's table
            #expect(try await count("sessions") == 1)
            #expect(try await count("sign_in_failures") == 0)
            #expect(try await store.access.audit().contains { $0.action == "sign-in-failed" && $0.record == "amal" })
            // A login with the blank a phone's keyboard adds after a word signs in.
            _ = try await store.access.signIn(login: " AMAL ", password: "correct horse battery")
            // Disabled, the account is refused as any wrong password is; the audit says it is disabled, and whether the
            // password given was its own (someone holding it).
            _ = try await store.access.disable("amal", by: .test)
            for password in ["correct horse battery", "a wrong guess"] {
                await #expect(throws: AccessStore.SignInRefusal.wrongLoginOrPassword) { _ = try await store.access.signIn(login: "amal", password: password) }
            }
            let failed = try await store.access.audit().filter { $0.action == "sign-in-failed" }.suffix(2).map { $0.detail ?? "" }
            #expect(failed == ["wrong login or password: the account is disabled or erased, and the password given is its own",
                               "wrong login or password: the account is disabled or erased"], "\(failed)")
        }
    }

    /// "Known already" is an admin's answer: anyone else adding an organisation, known or new, is refused and audited.
    @Test(arguments: Backend.available)
    func aViewerAddingAKnownOrganisationIsRefusedAsForANewOne(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            try await store.organisations.add("UNHCR", by: .test)
            try await store.access.addPerson(Person(login: "reader", name: "Reader", organisation: "UNHCR", role: .viewer), password: nil, by: .test)
            for name in ["UNHCR", "WFP"] {
                await #expect(throws: StoreError.self, "\(name)") { try await store.organisations.add(name, by: .person(login: "reader")) }
            }
            #expect(try await store.access.audit().filter { $0.action == "refused" && $0.actor == "person:reader" }.count == 2)
        }
    }
}

/// The chunks of a source that arrive when the test sends them, telling the test how many have been asked for.
private final class Chunks: @unchecked Sendable {
    private var iterator: AsyncStream<[UInt8]>.Iterator
    private let requests: AsyncStream<Int>
    private let request: AsyncStream<Int>.Continuation
    private var count = 0

    init(_ stream: AsyncStream<[UInt8]>) {
        iterator = stream.makeAsyncIterator()
        (requests, request) = AsyncStream<Int>.makeStream()
    }

    func next() async -> [UInt8]? {
        count += 1
        request.yield(count)
        return await iterator.next()
    }

    /// Returns once `n` chunks have been asked for.
    func asked(_ n: Int) async {
        for await count in requests where count >= n { return }
    }
}
