import Foundation
import HomewardCore
import HomewardServer
@testable import HomewardStore
import HomewardTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A damaged spreadsheet's NUL, or a name with a character that shows nothing, is refused by row and field, and takes
/// nothing down: on PostgreSQL a statement refused for a NUL once left a connection inside its failed transaction, and
/// every request after it on that connection answered 503 until the server was restarted.
@Suite struct NULTests {
    static let aid = #"{"date": "2019-06-02", "locality": "C2269", "type": "humanitarian", "tonnes": 1, "organisation": "UNHCR"}"#

    @Test(arguments: Backend.available)
    func aNULIsRefusedByRowAndFieldAndTheServerGoesOn(_ backend: Backend) async throws {
        try await withApp(backend, as: .role(.editor)) { _, client in
            let json: HTTPFields = [.contentType: "application/json"]
            // act: an editor's aid action and a census with a NUL in the organisation, as JSON and as CSV
            let aid = try await client.execute(uri: "/api/v1/aid?dry_run=true", method: .post, headers: json,
                                               body: ByteBuffer(string: Self.aid.replacingOccurrences(of: "UNHCR", with: #"UN\u0000HCR"#)))
            let aidCSV = try await client.execute(uri: "/api/v1/imports?records=aid", method: .post, headers: [.contentType: "text/csv"],
                                                  body: ByteBuffer(string: "#date,#adm4+code,#activity+type,#indicator+tonnes,#org\n2019-06-02,C2269,humanitarian,1,UN\u{0}HCR\n"))
            let census = try await client.execute(uri: "/api/v1/imports?records=censuses", method: .post, headers: [.contentType: "text/csv"],
                                                  body: ByteBuffer(string: "#date,#loc+site+code,#population+ind+num,#org\n2019-06-01,HOL,1000,UN\u{0}HCR\n"))
            let movements = try await client.execute(uri: "/api/v1/imports", method: .post, headers: [.contentType: "text/csv"],
                                                     body: ByteBuffer(string: "#date,#adm1+dest+code,#affected+returnees+idps+num,#org\n2019-06-01,SY03,5,UN\u{0}HCR\n"))
            // check: refused as a damaged file, naming the row and the field
            for (label, response) in [("aid", aid), ("aid csv", aidCSV), ("census csv", census), ("movements csv", movements)] {
                #expect(response.status == .unprocessableContent, "\(label): \(response.status) \(response.text)")
                let problems = try response.json["problems"] as? [[String: Any]] ?? []
                #expect(problems.first?["code"] as? String == "import.nul" && problems.first?["row"] as? Int == (label == "aid" ? 1 : 2), "\(label): \(problems)")
                #expect((problems.first?["column"] as? String).map { ["organisation", "#org"].contains($0) } == true, "\(label): \(problems)")
                #expect(problems.first?["value"] as? String == "UN\u{0}HCR", "\(label): the value as sent")
            }
            // Every connection the writes lease goes on: the same editor writes again and again.
            for _ in 0 ..< 6 {
                let written = try await client.execute(uri: "/api/v1/aid", method: .post, headers: json, body: ByteBuffer(string: Self.aid))
                #expect(written.status == .ok, "\(written.status) \(written.text)")
            }
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
        }
    }

    /// Wherever it stands in whichever cell: the row is refused naming that column, for every kind's import alike.
    @Test func aNULAnywhereInACellIsRefusedByItsColumn() async throws {
        try await withStores(.sqlite) { store in
            let row = ["#date": "2019-01-12", "#loc+crossing+code": "LBN-01", "#adm1+dest+code": "SY03", "#affected+returnees+refugees+num": "950",
                       "#org": "Governorate Returns Office of Dar'a"]
            let tags = row.keys.sorted()
            func csv(_ cells: [String: String]) -> String { tags.joined(separator: ",") + "\n" + tags.map { cells[$0]! }.joined(separator: ",") + "\n" }
            #expect(try await store.importCSV(csv(row), org: nil, dryRun: true).status == .success)
            for tag in ["#date", "#loc+crossing+code", "#org"] {
                let value = row[tag]!
                for bad in ["\u{0}" + value, String(value.prefix(3)) + "\u{0}" + String(value.dropFirst(3)), value + "\u{0}"] {
                    var cells = row
                    cells[tag] = bad
                    let summary = try await store.importCSV(csv(cells), org: nil)
                    #expect(summary.status == .error && summary.problems.map(\.code) == ["import.nul"] && summary.problems.first?.column == tag,
                            "\(tag): \(bad.debugDescription) \(summary.problems)")
                }
            }
        }
    }

    /// A 2 MB source on every row would fill the ledger and every answer listing it: a cell has at most 1,000 characters,
    /// an organisation's name 200 (as on the organisations page), told by the cell's start, for every kind alike.
    @Test(arguments: Backend.available)
    func aCellLongerThanItsFieldHoldsIsRefusedByItsColumn(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            let header = "#date,#loc+crossing+code,#adm1+dest+code,#affected+returnees+refugees+num,#org,#meta+source\n"
            func row(org: String = "UNHCR", source: String = "Border monitoring") -> String { header + "2019-01-12,LBN-01,SY03,950,\(org),\(source)\n" }
            #expect(try await store.importCSV(row(org: String(repeating: "O", count: 200), source: String(repeating: "s", count: 1_000)), org: nil,
                                              dryRun: true).status == .success)
            for (file, column, maximum) in [(row(source: String(repeating: "s", count: 1_001)), "#meta+source", 1_000),
                                            (row(source: String(repeating: "ж", count: 2_000_000)), "#meta+source", 1_000),
                                            (row(org: String(repeating: "O", count: 201)), "#org", 200)] {
                let summary = try await store.importCSV(file, org: nil)
                #expect(summary.status == .error && summary.problems.map(\.code) == ["import.cell.tooLong"] && summary.problems.first?.column == column,
                        "\(column): \(summary.problems)")
                #expect(summary.problems.first?.reason == "longer than the \(maximum.grouped) characters this field holds")
                #expect((summary.problems.first?.value.count ?? 0) <= 41, "the value is told by its start, not echoed whole")
            }
            // The organisation given for every row is held to the same: `?org=`, `--org`.
            let file = "#date,#loc+crossing+code,#adm1+dest+code,#affected+returnees+refugees+num\n2019-01-12,LBN-01,SY03,950\n"
            let given = await #expect(throws: ImportError.self) { try await store.importCSV(file, org: String(repeating: "Q", count: 300)) }
            #expect(given?.problems.map(\.column) == ["org"] && given?.problems.first?.code == "import.cell.tooLong", "\(String(describing: given))")
            #expect(try await store.ledger.totals(TotalsQuery()).total == 0)
            #expect(try await store.organisations.organisations().allSatisfy { $0.name.count <= 200 })
        }
    }

    /// A direction override in a name turns round what follows it wherever the name is shown as plain text: "EvilOrg‮, 1
    /// December: 12,345" in an emailed statement reads its figure backwards. Refused where names come in; marks are taken.
    @Test(arguments: Backend.available)
    func aNameWithADirectionOverrideIsRefusedWhereNamesComeIn(_ backend: Backend) async throws {
        try await withApp(backend) { store, client in
            let json: HTTPFields = [.contentType: "application/json"]
            // act
            let aid = try await client.execute(uri: "/api/v1/aid", method: .post, headers: json,
                                               body: ByteBuffer(string: Self.aid.replacingOccurrences(of: "\"UNHCR\"", with: #""Evil\u202eOrg""#)))
            let source = try await client.execute(uri: "/api/v1/imports", method: .post, headers: [.contentType: "text/csv"],
                body: ByteBuffer(string: "#date,#adm1+dest+code,#affected+returnees+idps+num,#org,#meta+source\n2019-06-01,SY03,5,UNHCR,Report \u{2066}x\u{2069}\n"))
            let site = try await client.execute(uri: "/api/v1/sites", method: .post, headers: json,
                                                body: ByteBuffer(string: #"{"code": "S-9", "name": "Camp\u202e9", "kind": "camp", "admin": "SY08"}"#))
            let marked = try await client.execute(uri: "/api/v1/imports", method: .post, headers: [.contentType: "text/csv"],
                body: ByteBuffer(string: "#date,#adm1+dest+code,#affected+returnees+idps+num,#org,#meta+source\n2019-06-01,SY03,5,UNHCR,تقرير \u{200F}٣\n"))
            // check: each refused naming its field; a right-to-left mark is no override
            for (response, field) in [(aid, "organisation"), (source, "#meta+source")] {
                let problems = try response.json["problems"] as? [[String: Any]] ?? []
                #expect(response.status == .unprocessableContent && problems.first?["code"] as? String == "import.directionControl"
                        && problems.first?["column"] as? String == field, "\(response.text)")
            }
            let siteProblem = try site.json
            #expect(site.status == .badRequest && siteProblem["field"] as? String == "name", "\(site.text)")
            // Codes and briefings too: shown unisolated in lists and on the command line.
            for (uri, body, field) in [("/api/v1/crossings", #"{"code": "BX\u20671", "name_en": "Crossing", "country": "LBN"}"#, "code"),
                                       ("/api/v1/sessions", #"{"date": "2019-06-02", "participants": [{"organisation": "UNHCR", "briefing": "a\u202eb"}]}"#,
                                        "participants[0].briefing")] {
                let refused = try await client.execute(uri: uri, method: .post, headers: json, body: ByteBuffer(string: body))
                let problem = try refused.json
                #expect(refused.status == .badRequest && problem["field"] as? String == field, "\(uri): \(refused.text)")
            }
            #expect(marked.status == .ok, "\(marked.text)")
            await #expect(throws: StoreError.self) {
                try await store.access.addPerson(Person(login: "x", name: "Amal\u{202E}", organisation: "UNHCR", role: .viewer), password: nil, by: .test)
            }
            #expect(try await store.organisations.organisations().allSatisfy { !$0.name.containsDirectionControl })
        }
    }

    /// A refusal's audit holds what the caller sent: a NUL in it must not fail the audit's own transaction and leave it open.
    @Test(arguments: Backend.available)
    func aRefusalNamingANULIsAuditedAndTheConnectionGoesOn(_ backend: Backend) async throws {
        try await withStores(backend) { store in
            try await store.access.addPerson(Person(login: "ed", name: "Ed", organisation: "UNHCR", role: .editor), password: nil, by: .test)
            let editor = Caller.person(login: "ed")
            // act: refusals naming an organisation with a NUL, more of them than the pool has connections
            for _ in 0 ..< 12 {
                await #expect(throws: StoreError.self) {
                    try await store.database.write(by: editor, for: .records) { _ in
                        throw AccessRefusal(message: Message("access.organisation", ["organisation": .text("UN\u{0}HCR"), "allowed": .text("UNHCR")]))
                    }
                }
            }
            // check: audited, the NUL shown as a replacement character; the database answers writes and reads
            let refusals = try await store.access.audit().filter { $0.action == "refused" && ($0.detail ?? "").contains("UN\u{FFFD}HCR") }
            #expect(refusals.count == 12)
            try await store.access.addPerson(Person(login: "after", name: "After", organisation: "UNHCR", role: .viewer), password: nil, by: .test)
            try await store.database.ping()
        }
    }

    /// Text copied from a web page or a spreadsheet carries characters that show nothing, or full-width letters: a second
    /// UNHCR that looks like the first would split its figures.
    @Test(arguments: Backend.available)
    func aNameLookingLikeAKnownOneIsRefusedNamingIt(_ backend: Backend) async throws {
        try await withApp(backend) { store, client in
            let json: HTTPFields = [.contentType: "application/json"]
            #expect(try await client.execute(uri: "/api/v1/aid", method: .post, headers: json, body: ByteBuffer(string: Self.aid)).status == .ok)
            for lookalike in [#"UN\u200bHCR"#, "UNＨCR", #"UNH\u2060CR"#] {
                let response = try await client.execute(uri: "/api/v1/aid", method: .post, headers: json,
                                                        body: ByteBuffer(string: Self.aid.replacingOccurrences(of: "\"UNHCR\"", with: "\"\(lookalike)\"")))
                let problems = try response.json["problems"] as? [[String: Any]] ?? []
                #expect(response.status == .unprocessableContent && problems.first?["code"] as? String == "import.organisation.spelling", "\(lookalike): \(response.text)")
            }
            // At a name's ends such a character is no part of it: the row is UNHCR's.
            let trailing = try await client.execute(uri: "/api/v1/aid", method: .post, headers: json,
                                                    body: ByteBuffer(string: Self.aid.replacingOccurrences(of: "\"UNHCR\"", with: #""UNHCR\u2060""#)))
            #expect(trailing.status == .ok, "\(trailing.text)")
            #expect(try await store.organisations.organisations().filter { $0.name.contains("HCR") }.map(\.name) == ["UNHCR"])
        }
    }
}
