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
}
