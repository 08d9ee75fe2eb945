import Foundation
import HomewardCore
import Testing

@Suite struct SmallCountsTests {
    let k5 = SmallCounts(threshold: 5)

    func hidden(_ grid: [[PublicCount?]]) -> [[Bool]] {
        grid.map { $0.map { $0?.isHidden == true } }
    }

    @Test func aSmallCountIsHiddenAndSoIsTheCellThatWouldGiveItAway() {
        // refugees, IDPs, persons; the last row the totals
        let grid: [[Int?]] = [[3, 40, 43], [20, 30, 50], [23, 70, 93]]
        let shown = k5.suppress(grid)
        // 3 is hidden; 40 would give it away in its row (43 - 40), and 20 in its column (23 - 20);
        // hiding 20 makes 30 give it away (50 - 30) … until no line has a single hidden cell.
        let h = hidden(shown)
        #expect(h[0][0])
        for line in [h[0], h[1], h[2], h.map { $0[0] }, h.map { $0[1] }, h.map { $0[2] }] {
            #expect(line.filter { $0 }.count != 1, "a line with one hidden cell gives it away")
        }
        // The smallest cell completing each line is withheld (not "<5": 40 is not fewer than 5); the totals,
        // which give nothing away now, stay.
        #expect(shown == [[.fewerThan(5), .withheld, .exact(43)], [.withheld, .withheld, .exact(50)],
                          [.exact(23), .exact(70), .exact(93)]])
    }

    /// A cell another copy of the table hides is hidden here too whatever its value, and protected as a small one is: alone
    /// in its row, the total less the rest would give it back.
    @Test func aCellHiddenElsewhereIsHiddenAndProtected() {
        let shown = k5.suppress([[100, 10, 0, 110]], hiding: [[true, false, false, false]])
        #expect(shown == [[.withheld, .withheld, .exact(0), .exact(110)]])
        #expect(k5.suppress([[100, 10, 110]]) == [[.exact(100), .exact(10), .exact(110)]])
    }

    @Test func countsOfZeroAndFromKShowExactly() {
        let shown = k5.suppress([[0, 5, 5], [0, 5, 5]])
        #expect(shown == [[.exact(0), .exact(5), .exact(5)], [.exact(0), .exact(5), .exact(5)]])
    }

    @Test func publicTotalsHideSmallCountsInEveryGroup() throws {
        let report = TotalsReport(from: nil, to: nil, total: 1_006, refugees: 1_002, idps: 4, partial: 0, groups: [
            TotalsGroup(key: "LBN-01", name: "Jdeidet Yabous", persons: 1_004, refugees: 1_000, idps: 4),
            TotalsGroup(key: "JOR-01", name: "Nasib", persons: 2, refugees: 2, idps: 0),
        ])
        let shown = PublicTotals(report, smallCounts: k5)
        #expect(shown.groups[0].idps == .fewerThan(5) && shown.groups[1].persons == .fewerThan(5))
        #expect(shown.idps == .fewerThan(5))
        // A second cell hidden to protect a small one is withheld, never called small: null in JSON.
        let withheld = [shown.groups[0].refugees, shown.groups[0].persons, shown.refugees, shown.total].filter { $0 == .withheld }
        #expect(!withheld.isEmpty)
        let json = String(decoding: try JSONEncoder().encode(PublicCount.withheld), as: UTF8.self)
        #expect(json == "null")
        // No exact figure lets the public subtract its way to a hidden one.
        #expect(shown.groups[0].refugees != .exact(1_000) || shown.groups[0].persons != .exact(1_004))
    }

    /// What the window leaves out (periods across its edge) is given to the public too, as its other counts are shown.
    @Test func publicTotalsGiveWhatTheWindowLeavesOutHiddenAndRounded() throws {
        let report = { (partial: Int) in TotalsReport(from: Day("2019-03-01"), to: Day("2019-03-07"), total: 1_006, refugees: 1_002, idps: 4, partial: partial, groups: []) }
        #expect(PublicTotals(report(502), smallCounts: k5, roundingTo: 5).partial == .exact(500))
        #expect(PublicTotals(report(3), smallCounts: k5, roundingTo: 5).partial == .fewerThan(5))
        #expect(PublicTotals(report(0), smallCounts: k5).partial == .exact(0))
        let json = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(PublicTotals(report(3), smallCounts: k5))) as? [String: Any]
        #expect(json?["partial"] as? String == "<5")
    }

    @Test func aHiddenGroupIsNeverTheOnlyUnknownOfAColumnWhetherOrNotTheTableShowsEveryGroup() {
        // Five governorates hold every IDP (263): Idleb's 2 must not be 263 less the others (the overview's leak).
        let all = [TotalsGroup(key: "SY03", name: "Rural Damascus", persons: 700, refugees: 450, idps: 250),
                   TotalsGroup(key: "SY14", name: "Dar'a", persons: 90, refugees: 90, idps: 0),
                   TotalsGroup(key: "SY04", name: "Homs", persons: 80, refugees: 80, idps: 0),
                   TotalsGroup(key: "SY05", name: "Hama", persons: 61, refugees: 50, idps: 11),
                   TotalsGroup(key: "SY07", name: "Idleb", persons: 40, refugees: 38, idps: 2)]
        let covering = PublicTotals(TotalsReport(from: nil, to: nil, total: 971, refugees: 708, idps: 263, partial: 0, groups: all),
                                    smallCounts: k5)
        #expect(covering.groups[4].idps == .fewerThan(5))
        #expect(covering.groups.filter { $0.idps.isHidden }.count >= 2 || covering.idps.isHidden)
        // The same table cut to its top four, with another governorate left out: what is left out can be worked out from
        // the totals, so it counts as a row of its own, and a hidden cell still has a partner in its column and row.
        let top = Array(all.prefix(4)) + [TotalsGroup(key: "SY07", name: "Idleb", persons: 40, refugees: 38, idps: 2)]
        let cut = PublicTotals(TotalsReport(from: nil, to: nil, total: 1_971, refugees: 1_708, idps: 263, partial: 0, groups: Array(top.prefix(4))),
                               smallCounts: k5)
        // Left out: 1,040 persons, 1,000 refugees, 2 IDPs: the 2 is small, so a shown IDP cell is hidden beside it.
        #expect(cut.groups.contains { $0.idps.isHidden })
    }

    /// Two small counts hidden in one line are both given back where their sum leaves each one value: two 1s of a 97 that a
    /// shown 95 leaves. A third cell is withheld then; a sum that leaves each several values is left as it is.
    @Test func twoSmallCountsWhoseSumPinsThemAreProtected() {
        let pinned = k5.suppress([[95, 1, 1, 97]])[0]
        #expect(pinned[1] == .fewerThan(5) && pinned[2] == .fewerThan(5) && (pinned[0] == .withheld || pinned[3] == .withheld), "\(pinned)")
        let open = k5.suppress([[95, 2, 1, 98]])[0]
        #expect(open[0] == .exact(95) && open[3] == .exact(98), "2 + 1 = 3 leaves (1, 2) or (2, 1): \(open)")
    }

    /// A zero is no partner for a hidden count: readers know that no IDP crosses a border, nor does anyone come
    /// through a crossing without a crossing point; the smallest count above zero, or the line's total, is withheld.
    @Test func aZeroIsNeverTheOnlyCellHiddenBesideASmallOne() throws {
        // By crossing: JOR-02's 2 refugees are hidden; hiding the refugees of "not reported" (0) would leave
        // 1,411 − 950 − 459 = 2.
        let byCrossing = PublicTotals(TotalsReport(from: nil, to: nil, total: 1_451, refugees: 1_411, idps: 40, partial: 0, groups: [
            TotalsGroup(key: "LBN-01", name: "Jdeidet Yabous", persons: 950, refugees: 950, idps: 0),
            TotalsGroup(key: "JOR-01", name: "Nasib", persons: 459, refugees: 459, idps: 0),
            TotalsGroup(key: nil, name: "not reported", persons: 40, refugees: 0, idps: 40),
            TotalsGroup(key: "JOR-02", name: "Jaber", persons: 2, refugees: 2, idps: 0),
        ]), smallCounts: k5)
        #expect(byCrossing.groups[3].refugees == .fewerThan(5))
        let refugees = byCrossing.groups.map(\.refugees)
        #expect(refugees.filter { if case .exact(let n) = $0 { n > 0 } else { false } }.count <= 1,
                "two shown refugee counts above zero and the total would give JOR-02's away")
        // By category: 3 refugees hidden; the IDPs' own row must not show 40 beside a total of 43.
        let byCategory = PublicTotals(TotalsReport(from: nil, to: nil, total: 43, refugees: 3, idps: 40, partial: 0, groups: [
            TotalsGroup(key: "refugee", name: "refugee", persons: 3, refugees: 3, idps: 0),
            TotalsGroup(key: "idp", name: "idp", persons: 40, refugees: 0, idps: 40),
        ]), smallCounts: k5)
        #expect(byCategory.refugees == .fewerThan(5) && byCategory.total == .exact(43))
        #expect(byCategory.idps.isHidden && byCategory.groups[1].idps.isHidden && byCategory.groups[1].persons.isHidden)
        // What has no key says so.
        let json = String(decoding: try JSONEncoder().encode(byCrossing.groups[2]), as: UTF8.self)
        #expect(json.contains(#""key":null"#))
    }

    /// Two open answers set side by side (a window to yesterday and one to today) would give today's count by
    /// subtraction; rounded to 5, each on its own, the difference says no more than "about so many".
    @Test func countsShownAreRoundedEachOnItsOwnAfterSmallOnesAreHidden() throws {
        let report = { (lbn: Int, jor: Int) in
            TotalsReport(from: nil, to: nil, total: lbn + jor, refugees: lbn + jor, idps: 0, partial: 0, groups: [
                TotalsGroup(key: "LBN-01", name: "Jdeidet Yabous", persons: lbn, refugees: lbn, idps: 0),
                TotalsGroup(key: "JOR-01", name: "Nasib", persons: jor, refugees: jor, idps: 0)])
        }
        let yesterday = PublicTotals(report(1_201, 457), smallCounts: k5, roundingTo: 5)
        let today = PublicTotals(report(1_202, 457), smallCounts: k5, roundingTo: 5)
        // 1,201 and 1,202 both read 1,200: the one who came today through LBN-01 cannot be subtracted out.
        #expect(yesterday.groups[0].persons == .exact(1_200) && today.groups[0].persons == .exact(1_200))
        #expect(today.groups[1].persons == .exact(455) && today.total == .exact(1_660) && today.roundedTo == 5)
        // Halves go up; hidden counts stay hidden; zero stays zero; 1 leaves every count exact.
        #expect(PublicCount.exact(1_658).rounded(to: 5) == .exact(1_660) && PublicCount.exact(1_657).rounded(to: 5) == .exact(1_655))
        #expect(PublicCount.exact(15).rounded(to: 10) == .exact(20) && PublicCount.exact(0).rounded(to: 5) == .exact(0))
        // A count shown is never rounded to 0, which would read as none.
        #expect(PublicCount.exact(2).rounded(to: 5) == .exact(5) && PublicCount.exact(5).rounded(to: 10) == .exact(10))
        #expect(PublicCount.fewerThan(5).rounded(to: 5) == .fewerThan(5) && PublicCount.withheld.rounded(to: 5) == .withheld)
        #expect(PublicTotals(report(1_203, 457), smallCounts: k5).groups[0].persons == .exact(1_203))
        let json = String(decoding: try JSONEncoder().encode(today), as: UTF8.self)
        #expect(json.contains(#""rounded_to":5"#))
    }
}
