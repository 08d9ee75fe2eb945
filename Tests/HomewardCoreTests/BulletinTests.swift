import Foundation
import HomewardCore
import Testing

@Suite struct BulletinTests {
    static let date = Day("2018-08-15")!

    static var snapshot: BulletinSnapshot {
        let sum = { (value: Int) in SourceComparison.LedgerFigure(value: value, records: 3, organisations: 2) }
        let returns = ReturnsBlock.make(date: date, sinceStart: .init(total: sum(1_490_739), refugees: sum(249_527), idps: sum(1_241_212)),
                                        since: nil, sinceDate: nil, lastWeek: sum(2_659),
                                        byCrossing: [.init(code: "LBN-07", name: "Jdaidet Yabous", nameRu: "Дждейдет-Ябус", nameAr: "جديدة يابوس", sum: sum(2_659))])
        return BulletinSnapshot(date: date, since: nil, participants: ["UNHCR", "SARC"], blocks: [returns])
    }

    @Test func theTextRendersFromTheSnapshotInEachLanguage() throws {
        let en = BulletinText(snapshot: Self.snapshot, catalogue: try Catalogue.bundled(.en)).text
        #expect(en.contains("As of 15 August 2018, 1,490,739 people have returned home since records began."))
        #expect(en.contains("Jdaidet Yabous (LBN-07): 2,659 people"))
        let ru = BulletinText(snapshot: Self.snapshot, catalogue: try Catalogue.bundled(.ru)).text
        #expect(ru.contains("вернулись 1\u{00A0}490\u{00A0}739 человек."))
        let ar = BulletinText(snapshot: Self.snapshot, catalogue: try Catalogue.bundled(.ar)).text
        #expect(ar.contains("١٬٤٩٠٬٧٣٩") && ar.contains("آب"))
        // Each participant's name isolated in the HTML: in an Arabic sentence, Latin names would otherwise run together
        // left to right and read in reverse order.
        let arabicHTML = BulletinText(snapshot: Self.snapshot, catalogue: try Catalogue.bundled(.ar)).html
        #expect(arabicHTML.contains("<bdi>UNHCR</bdi>، <bdi>SARC</bdi>"), "\(arabicHTML.prefix(600))")
        let latin = BulletinText(snapshot: Self.snapshot, catalogue: try Catalogue.bundled(.ar, digits: .latin)).text
        #expect(latin.contains("1,490,739") || latin.contains("1٬490٬739"))
        #expect(!latin.unicodeScalars.contains { ("\u{0660}"..."\u{0669}").contains($0) }, "--digits latin leaves no Arabic-Indic digit")
        // Plain Arabic text has no dir attribute: each line opens with a right-to-left mark, or a line that opens with a
        // Latin name (a crossing's, an organisation's) runs left to right in a mail reader; English needs none.
        let lines = ar.split(separator: "\n")
        #expect(lines.count > 5 && lines.allSatisfy { $0.unicodeScalars.first == "\u{200F}" })
        #expect(!en.unicodeScalars.contains("\u{200F}"))
    }

    /// A statement that replaces another, and one replaced, say so above their text in each language, the number in the
    /// language's digits; one that is neither says nothing of it.
    @Test func aReplacedStatementAndItsReplacementSaySoAboveTheText() throws {
        var ofSession = Self.snapshot
        ofSession.session = 7
        let text = { (language: Language, lineage: BulletinLineage) in
            BulletinText(snapshot: ofSession, catalogue: try Catalogue.bundled(language), published: (4, "abc"), lineage: lineage)
        }
        let replacing = try text(.en, BulletinLineage(replaces: 3))
        #expect(replacing.text.hasPrefix("This statement replaces statement no. 3 of the same day and session"), "\(replacing.text)")
        #expect(replacing.html.contains(#"<p class="notice" role="note">"#) && replacing.html.range(of: "notice")!.lowerBound < replacing.html.range(of: "<h1>")!.lowerBound)
        #expect(try text(.ru, BulletinLineage(replacedBy: 5)).text.hasPrefix("Заявление № 5, опубликованное позднее"))
        #expect(try text(.ar, BulletinLineage(replacedBy: 5)).text.hasPrefix("\u{200F}يحلّ البيان رقم ٥"))
        let plain = try text(.en, BulletinLineage())
        #expect(plain.notices.isEmpty && plain.text.hasPrefix(plain.title))
        // An edited text is told too: the notice is not the centre's prose to leave out.
        let edited = BulletinText(snapshot: Self.snapshot, catalogue: try Catalogue.bundled(.en), published: (4, "abc"), edited: "Edited.",
                                  lineage: BulletinLineage(replaces: 3))
        #expect(edited.readable.hasPrefix("This statement replaces statement no. 3 of the same day, which"), "no session, none claimed")
    }

    @Test func aPartOfNoneIsLeftUnsaidAndItsEntryKept() throws {
        let sum = { (value: Int) in SourceComparison.LedgerFigure(value: value, records: value == 0 ? 0 : 3, organisations: value == 0 ? 0 : 1) }
        let returns = ReturnsBlock.make(date: Self.date, sinceStart: .init(total: sum(1_200), refugees: sum(0), idps: sum(1_200)),
                                        since: Day("2018-08-01"), sinceDate: .init(total: sum(40), refugees: sum(40), idps: sum(0)),
                                        lastWeek: sum(40), byCrossing: [])
        let snapshot = BulletinSnapshot(date: Self.date, since: Day("2018-08-01"), participants: ["UNHCR"], blocks: [returns])
        let en = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.en)).text
        #expect(!en.contains("Of them, 0"), "no sentence says that none of them came from abroad")
        #expect(en.contains("1,200 internally displaced persons returned to their homes."))
        #expect(en.contains("Of them, 40 people returned from abroad."))
        #expect(!en.contains(" 0 internally displaced"))
        #expect(returns.lines.map(\.key).filter { $0.hasPrefix("bulletin.returns.refugees") || $0.hasPrefix("bulletin.returns.idps") }.count == 2)
        let entries = Dictionary(uniqueKeysWithValues: returns.entries.map { ($0.id, $0.value) })
        #expect(entries["returns.start.refugees"] == 0 && entries["returns.since.idps"] == 0, "the figures stay, for the next bulletin's diff")
    }

    /// A week with nothing in the ledger: the three languages say alike that no return was recorded, which is what the
    /// ledger holds, not that nobody returned.
    @Test func aWeekWithNoReturnRecordedIsSaidAlikeInTheThreeLanguages() throws {
        let sum = { (value: Int) in SourceComparison.LedgerFigure(value: value, records: value == 0 ? 0 : 3, organisations: value == 0 ? 0 : 1) }
        let returns = ReturnsBlock.make(date: Self.date, sinceStart: .init(total: sum(1_200), refugees: sum(0), idps: sum(1_200)),
                                        since: Day("2018-08-01"), sinceDate: .init(total: sum(0), refugees: sum(0), idps: sum(0)),
                                        lastWeek: sum(0), byCrossing: [])
        let snapshot = BulletinSnapshot(date: Self.date, since: Day("2018-08-01"), blocks: [returns])
        let text = { (language: Language) in BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(language)).text }
        let en = try text(.en), ru = try text(.ru), ar = try text(.ar)
        #expect(en.contains("Over the 7 days from 9 August 2018 to 15 August 2018, no return was recorded.") && !en.contains(" 0 people"), "\(en)")
        #expect(en.contains("Since 1 August 2018, no return has been recorded."))
        #expect(ru.contains("возвращений не зафиксировано.") && !ru.contains(" 0 человек"), "\(ru)")
        #expect(ar.contains("لم يُسجَّل أي عائد."), "\(ar)")
        // No session was recorded that day: the statement is the centre's, and claims no session.
        #expect(en.hasPrefix("Statement of the returns coordination centre, 15 August 2018"), "\(en)")
        #expect(BulletinText(snapshot: Self.snapshot, catalogue: try Catalogue.bundled(.en)).text.hasPrefix("Joint statement of the coordination session"))
        // A count of 1,200 keeps its number.
        #expect(en.contains("As of 15 August 2018, 1,200 people have returned home since records began."))
    }

    @Test func everyNumberInTheHTMLLinksToItsEntryAndArabicRunsRightToLeft() throws {
        let html = BulletinText(snapshot: Self.snapshot, catalogue: try Catalogue.bundled(.ar), published: (7, String(repeating: "ab", count: 32))).html
        #expect(html.hasPrefix(#"<article class="bulletin" lang="ar" dir="rtl">"#))
        #expect(html.contains(##"<a class="figure" href="#entry-returns.start.total"><bdi dir="ltr">١٬٤٩٠٬٧٣٩</bdi></a>"##))
        #expect(html.contains(#"<tr id="entry-returns.start.total">"#))
        #expect(html.contains(String(repeating: "ab", count: 32)))
        // The footer reads right to left, its bulletin number in Arabic digits; only the number and the hash run left to right.
        #expect(html.contains(#"<p class="footer">البيان رقم <bdi dir="ltr">٧</bdi>. بصمة SHA-256 للقطة البيانات: <bdi dir="ltr">abab"#), "\(html)")
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(BulletinText(snapshot: Self.snapshot, catalogue: try Catalogue.bundled(.en)))) as! [String: Any]
        let paragraphs = ((json["blocks"] as! [[String: Any]])[0]["paragraphs"] as! [[String: Any]])
        #expect((paragraphs[0]["figures"] as! [[String: Any]]).first?["entry"] as? String == "returns.start.total")
    }

    /// The IDPs' line of the window since a day names the day in each language (after the refugees' "Of them" it read as
    /// the total since records began); Russian gives 21 of them "places" of residence, and only 1 "a place".
    @Test func theIDPsLineSinceADayNamesTheDay() throws {
        let sum = { (value: Int) in SourceComparison.LedgerFigure(value: value, records: 1, organisations: 1) }
        let since = Day("2018-08-01")!
        let returns = ReturnsBlock.make(date: Self.date, sinceStart: .init(total: sum(900), refugees: sum(100), idps: sum(800)), since: since,
                                        sinceDate: .init(total: sum(60), refugees: sum(39), idps: sum(21)), lastWeek: sum(10), byCrossing: [])
        let snapshot = BulletinSnapshot(date: Self.date, since: since, participants: [], blocks: [returns])
        let text = { (language: Language) in BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(language)).text }
        #expect(try text(.en).contains("800 internally displaced persons returned to their homes."))
        #expect(try text(.en).contains("Since 1 August 2018, 21 internally displaced persons have returned to their homes."))
        let russian = try text(.ru)
        #expect(russian.contains("С 1 августа 2018\u{202F}г. к местам жительства вернулось 21 внутренне перемещённое лицо."), "\(russian)")
        #expect(try text(.ar).contains("منذ ١ آب ٢٠١٨، عاد ٢١ نازحاً داخلياً إلى منازلهم."))
        let ru = try Catalogue.bundled(.ru)
        #expect(ru.text("bulletin.returns.idps", ["count": .count(1)]) == "1 внутренне перемещённое лицо вернулось к месту жительства.")
        #expect(ru.text("bulletin.returns.idps", ["count": .count(21)]) == "21 внутренне перемещённое лицо вернулось к местам жительства.")
    }

    /// A count Arabic writes as words (one person, two persons) links to its entry all the same, as every number does.
    @Test func aCountWrittenAsWordsLinksToItsEntry() throws {
        let sum = { (value: Int) in SourceComparison.LedgerFigure(value: value, records: 1, organisations: 1) }
        let returns = ReturnsBlock.make(date: Self.date, sinceStart: .init(total: sum(2), refugees: sum(1), idps: sum(1)),
                                        since: nil, sinceDate: nil, lastWeek: sum(1), byCrossing: [])
        let snapshot = BulletinSnapshot(date: Self.date, since: nil, participants: [], blocks: [returns])
        let html = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(.ar)).html
        #expect(html.contains(##"<p><a class="figure" href="#entry-returns.week.total">"##) && html.contains("عاد شخص واحد"), "\(html)")
        #expect(html.contains(##"<a class="figure" href="#entry-returns.start.total">"##))
    }

    @Test func theSnapshotsHashIsStableAndTheDiffNamesWhatChanged() throws {
        let a = Self.snapshot
        let decoded = try JSONDecoder().decode(BulletinSnapshot.self, from: a.canonicalJSON)
        #expect(decoded.canonicalJSON == a.canonicalJSON, "the stored snapshot hashes the same when read back")
        var b = a
        b.blocks[0].entries[0].value += 100
        #expect(b.canonicalJSON != a.canonicalJSON)
        let diff = BulletinDiff(from: a, to: b)
        #expect(diff.changes.map(\.entry) == ["returns.start.total"])
        #expect(diff.changes.first?.before == 1_490_739 && diff.changes.first?.after == 1_490_839)
        // Km kept in tenths and tonnes in kilograms are written as the bulletin writes them, not 10 or 1,000 times over.
        let road = { (tenths: Int) in BulletinSnapshot(date: Self.date, since: nil, blocks: [BulletinBlock(kind: "reconstruction", heading: "h", lines: [],
            entries: [SnapshotEntry(id: "reconstruction.road.commissioned", value: tenths, unit: .tenths, query: "q"),
                      SnapshotEntry(id: "aid.week.tonnes", value: tenths * 100, unit: .thousandths, query: "q")])]) }
        let km = BulletinDiff(from: road(125), to: road(250)).changes
        #expect(km.map(\.unit) == [.thousandths, .tenths])
        #expect(km.map { [$0.written($0.before!), $0.written($0.after!), $0.written($0.after! - $0.before!)] }
                == [["12.5", "25", "12.5"], ["12.5", "25", "12.5"]])
        // A source figure's qualifier changed alone ("more than" 1,265,000 to "about" it) is a change, read from the
        // sentence that states it, as every stored snapshot has it; the same qualifier on both sides is none.
        let stated = { (qualifier: String) in
            BulletinSnapshot(date: Self.date, since: nil, blocks: [BulletinBlock(kind: "sources", heading: "h",
                lines: [BulletinLine("bulletin.sources.figure", ["qualifier": .code(qualifier), "count": .entry("sources.10")])],
                entries: [SnapshotEntry(id: "sources.10", value: 1_265_000, query: "q")])])
        }
        let qualified = BulletinDiff(from: stated("more-than"), to: stated("about")).changes
        #expect(qualified.map { "\($0.beforeQualifier ?? "-") \($0.afterQualifier ?? "-")" } == ["more-than about"])
        #expect(BulletinDiff(from: stated("more-than"), to: stated("more-than")).changes.isEmpty)
        #expect(BulletinDiff(from: stated("exact"), to: stated("about")).changes.map { $0.beforeQualifier == nil && $0.afterQualifier == "about" } == [true])
        // The total a statement published, in two corrections of it, is no. 2's in one and no. 3's in the other: two figures
        // of different statements, not a change of one, so no difference is given.
        // The total as it stands now, on the same line and to the same day, is one figure: comparable.
        let revised = { (statement: Int, total: Int) in
            BulletinSnapshot(date: Self.date, since: nil, blocks: [BulletinBlock(kind: "returns", heading: "h",
                lines: [BulletinLine("bulletin.returns.revised", ["bulletin": .serial(statement), "before": .entry("returns.revised.published"),
                                                                 "count": .entry("returns.revised.total")])],
                entries: [SnapshotEntry(id: "returns.revised.published", value: total, query: "homeward bulletin show \(statement)"),
                          SnapshotEntry(id: "returns.revised.total", value: total + 40, query: "homeward totals --to 2018-08-15")])])
        }
        let other = BulletinDiff(from: revised(2, 1_168), to: revised(3, 1_167)).changes
        #expect(other.map { "\($0.entry) \($0.isComparable) \($0.beforeQuery ?? "-")" }
                == ["returns.revised.published false homeward bulletin show 2", "returns.revised.total true -"])
        #expect(BulletinDiff(from: revised(3, 1_168), to: revised(3, 1_167)).changes.map(\.isComparable) == [true, true])
        // Two statements that published the same total are still two figures: listed, not counted unchanged.
        let same = BulletinDiff(from: revised(1, 2_609), to: revised(2, 2_609))
        #expect(same.changes.map { "\($0.entry) \($0.isComparable)" } == ["returns.revised.published false"] && same.unchanged == 1)
        // A total to another day is the same figure later: comparable, the earlier question given.
        var later = Self.snapshot
        later.blocks[0].entries[0].value += 100
        later.blocks[0].entries[0].query += " --to 2099-01-01"
        let grown = BulletinDiff(from: Self.snapshot, to: later).changes
        #expect(grown.map(\.isComparable) == [true] && grown.first?.beforeQuery == Self.snapshot.blocks[0].entries[0].query)
    }
}
