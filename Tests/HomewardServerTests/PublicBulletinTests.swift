import Foundation
import HomewardCore
import HomewardServer
import HomewardStore
import HomewardTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A bulletin made public: the public reads it with small counts hidden, internal readers exactly; a bulletin not
/// made public stays closed to the public.
@Suite struct PublicBulletinTests {
    /// On a server of generated data, every copy of a statement says so above it: its page, its text and its HTML, the ones
    /// people paste and pass on; on a real one, none does.
    @Test(arguments: [true, false])
    func aStatementOfDemoDataSaysSoInEveryForm(_ demo: Bool) async throws {
        try await withApp(.sqlite, demo: demo) { _, client in
            #expect(try await client.post("/api/v1/sessions", #"{"date": "2020-06-30", "participants": [{"organisation": "Agency"}]}"#).status == .created)
            let id = try #require(try await client.post("/api/v1/bulletins", #"{"date": "2020-06-30"}"#).json["id"] as? Int)
            let text = try await client.get("/api/v1/bulletins/\(id)?format=text").text
            let arabic = try await client.get("/api/v1/bulletins/\(id)?format=text&lang=ar").text
            let html = try await client.get("/api/v1/bulletins/\(id)?format=html&lang=ru").text
            let page = try await client.get("/bulletins/\(id)").text
            #expect(text.hasPrefix("Demo data: every figure in this statement") == demo, "\(text)")
            #expect(arabic.hasPrefix("\u{200F}بيانات تجريبية") == demo)
            #expect(html.contains(#"<p class="demo" role="note" lang="ru" dir="ltr">Демонстрационные данные"#) == demo && page.contains(#"<p class="demo" role="note">"#) == demo)
            // The JSON a script passes on says so too.
            #expect(try await client.get("/api/v1/bulletins/\(id)").json["demo"] as? Bool == demo)
        }
    }

    /// The secretary reads the statement over the API before publishing it, in any language and form: the figures are the ones
    /// publishing would freeze, nothing is stored, and the public may not draft.
    @Test(arguments: Backend.available)
    func aDraftIsReadOverTheAPIWithoutStoringIt(_ backend: Backend) async throws {
        try await withApp(backend) { store, client in
            _ = try await store.importRecords(.movements, ImportRequest(sourceName: "m.csv", today: TestStores.today), from: .bytes(Array(
                "#date,#loc+crossing+code,#affected+returnees+refugees+num,#org\n2020-06-29,LBN-01,1234,UNHCR\n".utf8)), by: .test)
            let draft = try await client.get("/api/v1/bulletins/draft?date=2020-06-30")
            #expect(draft.status == .ok)
            #expect(try draft.json["id"] is NSNull && draft.json["sha256"] is NSNull, "a draft has no id nor hash")
            let blocks = try #require((try draft.json["snapshot"] as? [String: Any])?["blocks"] as? [[String: Any]])
            let entries = blocks.flatMap { $0["entries"] as? [[String: Any]] ?? [] }
            #expect(entries.contains { $0["id"] as? String == "returns.start.total" && $0["value"] as? Int == 1_234 }, "\(entries.prefix(3))")
            let russian = try await client.get("/api/v1/bulletins/draft?date=2020-06-30&lang=ru&format=text")
            #expect(russian.status == .ok && russian.text.contains("1\u{00A0}234"), "\(russian.text.prefix(400))")
            #expect(try await client.get("/api/v1/bulletins/draft?date=2020-06-30&format=html&lang=ar").text.contains("dir=\"rtl\""))
            #expect((try await client.get("/api/v1/bulletins").json["bulletins"] as? [Any])?.isEmpty == true, "a draft stores nothing")
            let missing = try await client.get("/api/v1/bulletins/draft")
            let field = try missing.json["field"] as? String
            #expect(missing.status == .badRequest && field == "date")
            #expect(try await client.get("/api/v1/bulletins/draft?date=2020-07-01").status == .badRequest, "after today")
            // Publishing freezes the same figures.
            let published = try await store.publishBulletin(date: TestStores.today, today: TestStores.today, by: .test)
            #expect(published.snapshot.entry("returns.start.total")?.value == 1_234)
        }
        try await withApp(backend, as: .anonymous) { _, client in
            let status = try await client.get("/api/v1/bulletins/draft?date=2020-06-30").status
            #expect(status == .unauthorized)
        }
    }

    @Test(arguments: Backend.available)
    func thePublicReadsAPublicBulletinWithSmallCountsHidden(_ backend: Backend) async throws {
        try await withApp(backend, as: .anonymous) { store, client in
            // setup: 3 IDPs this week at one crossing, 60 at another; two bulletins, neither public yet
            _ = try await store.importRecords(.movements, ImportRequest(sourceName: "m.csv", today: TestStores.today), from: .bytes(Array("""
                #date,#loc+crossing+code,#affected+returnees+refugees+num,#affected+returnees+idps+num,#org
                2020-06-01,LBN-01,1200,,UNHCR
                2020-06-25,JOR-01,,60,SARC
                2020-06-29,LBN-01,,3,UNHCR

                """.utf8)), by: .test)
            let first = try await store.publishBulletin(date: TestStores.today, today: TestStores.today, by: .test)
            // A late report: the second statement of the day replaces the first (the same one again is refused).
            _ = try await store.importRecords(.movements, ImportRequest(sourceName: "late.csv", today: TestStores.today), from: .bytes(Array(
                "#date,#loc+crossing+code,#affected+returnees+refugees+num,#org\n2020-05-01,LBN-01,7,UNHCR\n".utf8)), by: .test)
            let second = try await store.publishBulletin(date: TestStores.today, today: TestStores.today, by: .test)
            let coordinator = "Bearer " + (try await TestAccounts.token(store, role: .coordinator))
            let editor = "Bearer " + (try await TestAccounts.token(store, role: .editor))
            func patch(_ id: Int, _ body: String, as token: String?) async throws -> TestResponse {
                var headers: HTTPFields = [.contentType: "application/json"]
                headers[.authorization] = token
                return try await client.executeRequest(uri: "/api/v1/bulletins/\(id)", method: .patch, headers: headers, body: ByteBuffer(string: body))
            }
            // check: nothing public yet
            #expect(try await client.get("/api/v1/bulletins").json["bulletins"] as? [Any] != nil)
            #expect((try await client.get("/api/v1/bulletins").json["bulletins"] as? [Any])?.isEmpty == true)
            #expect(try await client.get("/api/v1/bulletins/\(first.id)").status == .unauthorized)
            #expect(try await client.get("/bulletins/\(first.id)?lang=ar").status == .seeOther)
            let noneYet = try await client.get("/bulletins?lang=en")
            #expect(noneYet.status == .ok && noneYet.text.contains("No statement has been made public yet.") && !noneYet.text.contains("/bulletins/\(first.id)?"))
            // act: an editor may not make it public, the public may not, a coordinator may
            #expect(try await patch(first.id, #"{"public": true}"#, as: editor).status == .forbidden)
            #expect(try await patch(first.id, #"{"public": true}"#, as: nil).status == .unauthorized)
            let made = try await patch(first.id, #"{"public": true}"#, as: coordinator)
            #expect(made.status == .ok)
            #expect(try made.json["public_since"] as? String != nil)
            // The coordinator is told what the public copy withholds: the week's 3 IDPs at JOR-01, and what would give them back.
            let withheld = try made.json["withheld"] as? [String]
            #expect(withheld?.contains("returns.week.crossing.JOR-01") == true, "\(String(describing: withheld))")
            // check: the public lists and reads only that one, small counts hidden, and no hash to try them against
            let listed = try #require(try await client.get("/api/v1/bulletins").json["bulletins"] as? [[String: Any]])
            #expect(listed.map { $0["id"] as? Int } == [first.id] && listed.first?["sha256"] is NSNull)
            #expect(try await client.get("/api/v1/bulletins/\(second.id)").status == .unauthorized)
            let text = try await client.get("/api/v1/bulletins/\(first.id)?format=text").text
            #expect(text.contains("LBN-01): <5 people") && text.contains("JOR-01): [withheld] people"))
            #expect(text.contains("As of 30 June 2020, 1,263 people have returned home") && !text.contains(first.sha256))
            #expect(!text.contains(" 3 ") && !text.contains("60 people"))
            let json = try await client.get("/api/v1/bulletins/\(first.id)?lang=ru").json
            #expect(json["sha256"] is NSNull)
            let entries = try #require((json["snapshot"] as? [String: Any])?["entries"] as? [[String: Any]])
            #expect(entries.first { $0["id"] as? String == "returns.week.crossing.LBN-01" }?["value"] as? String == "<5")
            #expect(entries.first { $0["id"] as? String == "returns.week.crossing.JOR-01" }?["value"] is NSNull)
            let page = try await client.get("/bulletins/\(first.id)?lang=ar")
            #expect(page.status == .ok && page.text.contains("&lt;٥") && !page.text.contains(first.sha256))
            // The public's list of statements links the public one alone, and says nothing of the internal one that replaces it.
            let index = try await client.get("/bulletins?lang=en").text
            #expect(index.contains(#"<a href="/bulletins/\#(first.id)?lang=en">Statement no. \#(first.id)</a>"#) && !index.contains("/bulletins/\(second.id)?")
                    && !index.contains("internal") && !index.contains("replaced by"), "\(index)")
            // Internal readers see the exact figures and the hash; the snapshot is as it was.
            var headers: HTTPFields = [:]
            headers[.authorization] = editor
            let exact = try await client.executeRequest(uri: "/api/v1/bulletins/\(first.id)?format=text", method: .get, headers: headers, body: nil).text
            #expect(exact.contains("LBN-01): 3 people") && exact.contains("JOR-01): 60 people") && exact.contains(first.sha256))
            #expect(try await store.bulletin(first.id)?.sha256 == first.sha256)
            // The second statement of the day replaces the first: internal readers are told, above the text and in the list;
            // the public, who cannot read the second, is not (checked above: its text opens with the statement).
            #expect(exact.hasPrefix("Statement no. \(second.id), published later for the same day, replaces this one"), "\(exact)")
            #expect(!text.contains("replaces this one") && text.hasPrefix("Statement of the returns coordination centre"), "\(text)")
            let internalList = try await client.executeRequest(uri: "/api/v1/bulletins", method: .get, headers: headers, body: nil).json["bulletins"] as? [[String: Any]]
            // Internal readers' list: both, which is public and which internal, and which replaces which.
            let internalIndex = try await client.executeRequest(uri: "/bulletins?lang=en", method: .get, headers: headers, body: nil).text
            #expect(internalIndex.contains("/bulletins/\(second.id)?lang=en") && internalIndex.contains(">internal<") && internalIndex.contains("public since")
                    && internalIndex.contains("replaced by statement no. \(second.id)") && internalIndex.contains("replaces statement no. \(first.id)"), "\(internalIndex)")
            #expect(internalList?.map { "\($0["id"] as? Int ?? 0) \($0["replaces"] as? Int ?? 0) \($0["replaced_by"] as? Int ?? 0)" }
                    == ["\(second.id) \(first.id) 0", "\(first.id) 0 \(second.id)"])
            #expect(internalList?.allSatisfy { $0["session"] is NSNull } == true, "statements of no session")
            #expect(listed.first?["replaced_by"] is NSNull && json["replaced_by"] is NSNull)
            // The records of a number: internal only, a page at a time, each as it stood.
            #expect(try await client.get("/api/v1/bulletins/\(first.id)/records?entry=returns.week.total").status == .unauthorized)
            let firstPage = try await client.executeRequest(uri: "/api/v1/bulletins/\(first.id)/records?entry=returns.week.total&limit=1", method: .get,
                                                       headers: headers, body: nil).json
            let cursor = try #require(firstPage["next_cursor"] as? String)
            let rest = try await client.executeRequest(uri: "/api/v1/bulletins/\(first.id)/records?entry=returns.week.total&cursor=\(cursor)", method: .get,
                                                       headers: headers, body: nil).json
            let persons = ((firstPage["movements"] as? [[String: Any]] ?? []) + (rest["movements"] as? [[String: Any]] ?? [])).compactMap { $0["persons"] as? Int }
            #expect(persons.sorted() == [3, 60] && rest["next_cursor"] is NSNull && firstPage["value"] as? Int == 63)
            #expect(firstPage["recorded_through"] as? Int == first.snapshot.recordedThrough && first.snapshot.recordedThrough != nil)
            // Withdrawn: closed to the public again.
            #expect(try await patch(first.id, #"{"public": false}"#, as: coordinator).status == .ok)
            #expect(try await client.get("/api/v1/bulletins/\(first.id)").status == .unauthorized)
        }
    }

    /// Two public versions of one day's statement, read side by side, give back no count either hides: a late report of 10
    /// through another crossing moved the protection of 3 IDPs from one crossing to the other, and 103 − 100 gave them back.
    @Test(arguments: Backend.available)
    func publicVersionsOfOneDaysStatementHideWhatEitherHides(_ backend: Backend) async throws {
        try await withApp(backend, as: .anonymous) { store, client in
            let importing = { (text: String) in
                _ = try await store.importRecords(.movements, ImportRequest(sourceName: "m.csv", today: TestStores.today), from: .bytes(Array(text.utf8)), by: .test)
            }
            try await importing("#date,#loc+crossing+code,#adm1+dest+code,#affected+returnees+refugees+num,#affected+returnees+idps+num,#org\n"
                + "2020-06-28,LBN-01,SY03,100,,UNHCR\n2020-06-29,,SY04,,3,UNHCR\n")
            let first = try await store.publishBulletin(date: TestStores.today, isPublic: true, today: TestStores.today, by: .test)
            let alone = try await client.get("/api/v1/bulletins/\(first.id)?format=text").text
            #expect(alone.contains("LBN-01): [withheld] people") && alone.contains("<5 people"), "\(alone)")
            try await importing("#date,#loc+crossing+code,#adm1+dest+code,#affected+returnees+refugees+num,#org\n2020-06-30,JOR-01,SY12,10,UNHCR\n")
            let second = try await store.publishBulletin(date: TestStores.today, isPublic: true, today: TestStores.today, by: .test)
            for id in [first.id, second.id] {
                for uri in ["/api/v1/bulletins/\(id)?format=text", "/bulletins/\(id)?lang=en"] {
                    let text = try await client.get(uri).text
                    #expect(!text.contains("100 people") && !text.contains(">100<") && text.contains("[withheld]"), "\(uri): \(text)")
                }
            }
            // The crossing still has its own figure to internal readers, and the snapshots are as published.
            #expect(second.snapshot.entry("returns.week.crossing.LBN-01")?.value == 100)
        }
    }

    /// A late report of 2 moves the totals of the day's second public version by 2 over the first's: set side by side, the two
    /// would give the 2 back, so the totals that moved by a few are withheld in both copies; and the same statement once more,
    /// after the one that revised the first, is refused (it differs only by having no revision to make).
    @Test(arguments: Backend.available)
    func totalsThatMovedByAFewBetweenPublicVersionsAreWithheldInBoth(_ backend: Backend) async throws {
        try await withApp(backend, as: .anonymous) { store, client in
            let importing = { (text: String) in
                _ = try await store.importRecords(.movements, ImportRequest(sourceName: "m.csv", today: TestStores.today), from: .bytes(Array(text.utf8)), by: .test)
            }
            let header = "#date,#loc+crossing+code,#affected+returnees+refugees+num,#org\n"
            try await importing(header + "2020-06-27,LBN-01,1200,UNHCR\n2020-06-28,JOR-01,460,UNHCR\n")
            let first = try await store.publishBulletin(date: TestStores.today, isPublic: true, today: TestStores.today, by: .test)
            #expect(try await client.get("/api/v1/bulletins/\(first.id)?format=text").text.contains("1,660"))
            try await importing(header + "2020-06-29,IRQ-01,2,IOM\n")
            let second = try await store.publishBulletin(date: TestStores.today, isPublic: true, today: TestStores.today, by: .test)
            for id in [first.id, second.id] {
                let text = try await client.get("/api/v1/bulletins/\(id)?format=text").text
                #expect(!text.contains("1,660") && !text.contains("1,662"), "\(id): \(text)")
            }
            // Internal readers see both totals exactly.
            #expect(second.snapshot.entry("returns.start.total")?.value == 1_662)
            let again = await #expect(throws: StoreError.self) {
                try await store.publishBulletin(date: TestStores.today, isPublic: true, today: TestStores.today, by: .test)
            }
            guard case .refused(let problem)? = again else { Issue.record("\(String(describing: again))"); return }
            #expect(problem.isConflict && problem.message.key == "bulletin.publish.unchanged" && problem.message.arguments["id"] == .serial(second.id))
        }
    }

    /// A public statement published after an internal one tells the public how the total of the last statement it could
    /// read has moved (it dropped the revision line naming the internal one, and the total moved by 42 unexplained);
    /// internal readers read both lines.
    @Test(arguments: Backend.available)
    func aPublicStatementSaysHowTheLastPublicTotalWasRevised(_ backend: Backend) async throws {
        try await withApp(backend, as: .anonymous) { store, client in
            let importing = { (rows: String) in
                _ = try await store.importRecords(.movements, ImportRequest(sourceName: "m.csv", today: TestStores.today), from: .bytes(Array(
                    ("#date,#loc+crossing+code,#affected+returnees+refugees+num,#org\n" + rows).utf8)), by: .test)
            }
            try await importing("2020-06-10,LBN-01,3500,UNHCR\n")
            let first = try await store.publishBulletin(date: TestStores.today, isPublic: true, today: TestStores.today, by: .test)
            try await importing("2020-06-11,LBN-01,20,UNHCR\n")
            let second = try await store.publishBulletin(date: TestStores.today, today: TestStores.today, by: .test)
            try await importing("2020-06-12,JOR-01,40,UNHCR\n")
            let third = try await store.publishBulletin(date: TestStores.today, isPublic: true, today: TestStores.today, by: .test)
            let text = try await client.get("/api/v1/bulletins/\(third.id)?format=text").text
            #expect(text.contains("(no. \(first.id)), late reports and corrections have revised the total up to that day from 3,500 to 3,560."), "\(text)")
            #expect(!text.contains("no. \(second.id)") && !text.contains("3,520"), "\(text)")
            let lines = third.snapshot.blocks.flatMap(\.lines).filter { $0.key == "bulletin.returns.revised" }.compactMap { $0.statements["bulletin"] }
            #expect(lines == [second.id, first.id])
        }
    }

    /// A public statement that revises an internal one tells the public neither that statement's number nor what it
    /// published, in any form the server gives: JSON (text and snapshot), plain text, HTML and its page.
    @Test(arguments: Backend.available)
    func thePublicIsNotToldOfAnInternalStatementARevisionNames(_ backend: Backend) async throws {
        try await withApp(backend, as: .anonymous) { store, client in
            // setup: an internal statement of a day, a late report, then a public one of the day after revising it
            let header = "#date,#loc+crossing+code,#affected+returnees+refugees+num,#org\n"
            let yesterday = TestStores.today.adding(days: -10)
            _ = try await store.importRecords(.movements, ImportRequest(sourceName: "a.csv", today: TestStores.today),
                                              from: .bytes(Array((header + "\(yesterday),LBN-01,1200,UNHCR\n").utf8)), by: .test)
            let internalOne = try await store.publishBulletin(date: yesterday, today: TestStores.today, by: .test)
            _ = try await store.importRecords(.movements, ImportRequest(sourceName: "b.csv", today: TestStores.today),
                                              from: .bytes(Array((header + "\(yesterday),LBN-02,300,UNHCR\n").utf8)), by: .test)
            let published = try await store.publishBulletin(date: TestStores.today, isPublic: true, today: TestStores.today, by: .test)
            #expect(published.snapshot.entry("returns.revised.published")?.value == 1_200, "the revision line is there to hide")
            // act and check: no form names the internal statement or its 1,200
            let path = "/api/v1/bulletins/\(published.id)"
            for uri in [path, path + "?format=text", path + "?format=html", "/bulletins/\(published.id)?lang=en"] {
                let text = try await client.get(uri).text
                #expect(!text.contains("bulletin show \(internalOne.id)") && !text.contains("1,200") && !text.contains("revised"), "\(uri): \(text)")
            }
        }
    }
}
