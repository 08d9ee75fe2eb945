import Foundation
import HomewardCore
import HomewardStore
import HomewardTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct SourcesAPITests {
    @Test(arguments: Backend.available)
    func figuresAreComparedAndABulletinIsPublishedAndReadInThreeLanguages(_ backend: Backend) async throws {
        try await withApp(backend) { _, client in
            // setup: two organisations' figures, one that does not add up, a session
            let posted = try await client.post("/api/v1/sources", """
                [{"organisation": "Ministry", "date": "2020-06-29", "measure": "returns", "value": 1000, "qualifier": "more-than", "reference": "t"},
                 {"organisation": "Ministry", "date": "2020-06-29", "measure": "returns-idps", "value": 600, "part_of": "t"},
                 {"organisation": "Ministry", "date": "2020-06-29", "measure": "returns-refugees", "value": 300, "part_of": "t"},
                 {"organisation": "Agency", "date": "2020-06-28", "measure": "returns-refugees-registered", "value": "90", "year": 2020}]
                """)
            #expect(posted.status == .ok, "\(posted.text)")
            let refused = try await client.post("/api/v1/sources", #"{"organisation": "Agency", "date": "2020-06-28", "measure": "nope", "value": 1}"#)
            #expect(refused.status == .unprocessableContent)
            // Half a period names the key that is missing, in the language asked.
            let half = try await client.post("/api/v1/sources", #"{"organisation": "Agency", "date": "2020-06-28", "measure": "returns", "value": 1, "to": "2020-06-27"}"#,
                                             headers: [.acceptLanguage: "ru"])
            let problem = (try half.json["problems"] as? [[String: Any]])?.first
            #expect(half.status == .unprocessableContent && problem?["code"] as? String == "import.sources.period.noStart" && problem?["column"] as? String == "from")
            #expect((problem?["reason"] as? String)?.contains("нет начала: укажите его первый день в from (#date+start)") == true, "\(half.text)")
            #expect(try await client.post("/api/v1/sessions", #"{"date": "2020-06-30", "participants": [{"organisation": "Ministry", "briefing": "…"}, {"organisation": "Agency"}]}"#).status == .created)
            // A participant given as a bare name is refused in JSON's words, naming where.
            let bare = try await client.post("/api/v1/sessions", #"{"date": "2020-06-30", "participants": ["Ministry"]}"#)
            #expect(try bare.status == .badRequest && bare.json["field"] as? String == "participants[0]" && bare.json["detail"] as? String == "expected an object",
                    "\(bare.text)")
            // Refusals name the body's own fields, not the command line's --org.
            let twice = try await client.post("/api/v1/sessions", #"{"date": "2020-06-30", "participants": [{"organisation": "Ministry"}, {"organisation": "Ministry"}]}"#)
            let nobody = try await client.post("/api/v1/sessions", #"{"date": "2020-06-30", "participants": []}"#)
            let (twiceField, nobodyField) = (try twice.json["field"] as? String, try nobody.json["field"] as? String)
            #expect(twice.status == .badRequest && twiceField == "participants[1].organisation", "\(twice.text)")
            #expect(nobody.status == .badRequest && nobodyField == "participants", "\(nobody.text)")
            let misspelt = try await client.post("/api/v1/sessions", #"{"date": "2020-06-30", "participants": [{"organisation": "Agency"}, {"organisation": "ministry"}]}"#)
            #expect(try misspelt.json["field"] as? String == "participants[1].organisation", "\(misspelt.text)")
            // act and check: compare
            let compare = try await client.get("/api/v1/sources/compare?measure=returns&to=2020-06-30")
            #expect(compare.status == .ok)
            let figures = try compare.json["figures"] as? [[String: Any]] ?? []
            #expect(figures.map { $0["organisation"] as? String } == ["Ministry", "Ministry", "Ministry", "Agency"])
            // Each figure says who recorded the version in force, and when: "who entered this?" is answered from it.
            #expect(figures.allSatisfy { ($0["recorded_by"] as? String)?.isEmpty == false && ($0["recorded_at"] as? String)?.hasPrefix("20") == true }, "\(figures)")
            #expect(figures.map { $0["measure"] as? String } == ["returns", "returns-idps", "returns-refugees", "returns-refugees-registered"])
            #expect((try compare.json["ledger"] as? [String: Any])?["value"] as? Int == 0)
            #expect(try await client.get("/api/v1/sources/compare").status == .badRequest)
            // A figure stated again for the same day corrects it; what it said before is read back, with the figure in force.
            let figureID = try #require((try await client.get("/api/v1/sources?measure=returns-refugees-registered").json["figures"] as? [[String: Any]])?.first?["id"] as? Int)
            let corrected = try await client.post("/api/v1/sources", #"{"organisation": "Agency", "date": "2020-06-28", "measure": "returns-refugees-registered", "value": 95, "year": 2020}"#)
            #expect(corrected.status == .ok, "\(corrected.text)")
            let history = try await client.get("/api/v1/sources/\(figureID)/history")
            let revisions = try history.json["revisions"] as? [[String: Any]] ?? []
            #expect(try (history.json["current"] as? [String: Any])?["value"] as? Int == 95 && history.json["figure"] as? Int == figureID, "\(history.text)")
            #expect(revisions.map { $0["value"] as? Int } == [90] && revisions.first?["superseded_by"] as? String != nil, "\(history.text)")
            #expect(revisions.first?["citation"] is NSNull, "every key the contract lists, null where none was given: \(history.text)")
            #expect(try await client.get("/api/v1/sources/999/history").status == .notFound)
            #expect(try await client.get("/api/v1/sources/x/history").status == .badRequest)
            let check = try await client.get("/api/v1/sources/check")
            #expect((try check.json["problems"] as? [[String: Any]])?.first?["kind"] as? String == "parts-do-not-add-up")
            // The detail in the reader's language, as `sources check --lang` writes it; its code the same.
            let english = try #require((try check.json["problems"] as? [[String: Any]])?.first)
            let arabic = try await client.execute(uri: "/api/v1/sources/check", method: .get, headers: [.acceptLanguage: "ar"])
            let written = try #require((try arabic.json["problems"] as? [[String: Any]])?.first)
            #expect(written["code"] as? String == english["code"] as? String && written["detail"] as? String != english["detail"] as? String)
            #expect((written["detail"] as? String)?.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) } == true, "\(written)")
            // publish and read
            let published = try await client.post("/api/v1/bulletins", #"{"date": "2020-06-30"}"#)
            #expect(published.status == .created)
            let id = try #require(try published.json["id"] as? Int)
            let hash = try #require(try published.json["sha256"] as? String)
            let json = try await client.get("/api/v1/bulletins/\(id)?lang=ru")
            #expect(try json.json["sha256"] as? String == hash && json.json["language"] as? String == "ru")
            let html = try await client.get("/api/v1/bulletins/\(id)?lang=ar&format=html")
            #expect(html.text.contains(#"lang="ar" dir="rtl""#))
            let page = try await client.get("/bulletins/\(id)?lang=ar")
            #expect(page.status == .ok && page.text.contains(#"<html lang="ar" dir="rtl">"#) && page.text.contains(hash))
            let text = try await client.get("/api/v1/bulletins/\(id)?format=text")
            // Each figure says what it covers: a year's registered returns are not set under a cumulative total as like for like.
            #expect(text.text.contains("Ministry, 29 June 2020: more than 1,000 (returns, cumulative since records began)"))
            #expect(text.text.contains("Agency, 28 June 2020: 95 (refugee returns verified by a refugee agency, 1 January 2020 to 31 December 2020)"))
            let russian = try await client.get("/api/v1/bulletins/\(id)?format=text&lang=ru").text
            #expect(russian.contains("нарастающим итогом с начала учёта") && russian.contains("с 1 января 2020\u{202F}г. по 31 декабря 2020\u{202F}г."), "\(russian)")
            #expect(try await client.get("/api/v1/bulletins/999").status == .notFound)
            // A second session that day: a bulletin names the one it follows.
            let evening = try await client.post("/api/v1/sessions", #"{"date": "2020-06-30", "participants": [{"organisation": "Agency"}]}"#)
            let eveningID = try #require(try evening.json["id"] as? Int)
            let unnamed = try await client.post("/api/v1/bulletins", #"{"date": "2020-06-30"}"#)
            #expect(try unnamed.status == .badRequest && unnamed.json["field"] as? String == "session")
            let named = try await client.post("/api/v1/bulletins", #"{"date": "2020-06-30", "session": \#(eveningID)}"#)
            #expect(named.status == .created, "\(named.text)")
            let namedID = try #require(try named.json["id"] as? Int)
            #expect(try await client.get("/api/v1/bulletins/\(namedID)?format=text").text.contains("Participant: Agency."))
            let sources = try await client.get("/sources?lang=ru")
            #expect(sources.status == .ok && sources.text.contains("<svg") && sources.text.contains("Ministry"))
            #expect(try await client.get("/sources?measure=nope").status == .badRequest)
        }
    }
}
