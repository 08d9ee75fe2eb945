import HomewardCore

/// Planned against actual persons per cycle as the geometry of a small SVG bar chart, drawn on the server
/// so that the page needs no script: for each cycle a planned bar and, once the cycle has begun, an actual one.
///
/// Only numbers reach the template's attributes; the one text per bar, its `<title>`, is escaped there.
struct CycleChart {
    struct Bar {
        let x: Int
        let y: Int
        let width: Int
        let height: Int
        let kind: String
        let title: String
    }

    static let slot = 12
    static let barWidth = 5
    static let height = 100

    let width: Int
    let bars: [Bar]
    /// The figure the tallest bar stands for: the scale, which the page says in words beside the chart.
    let top: Int

    /// - Parameter title: what a reader hears or sees on hovering a cycle's bars.
    init(cycles: [EvacuationProgress.CycleProgress], asOf: Day, title: (EvacuationProgress.CycleProgress) -> String) {
        width = max(cycles.count, 1) * Self.slot
        let top = max(cycles.map { max($0.planned, $0.actual) }.max() ?? 0, 1)
        self.top = top
        func scaled(_ n: Int) -> Int { (n * Self.height + top - 1) / top }
        bars = cycles.enumerated().flatMap { index, cycle -> [Bar] in
            let left = index * Self.slot + 1
            let text = title(cycle)
            var bars = [Bar(x: left, y: Self.height - scaled(cycle.planned), width: Self.barWidth, height: scaled(cycle.planned),
                            kind: "planned", title: text)]
            if cycle.start <= asOf {
                bars.append(Bar(x: left + Self.barWidth, y: Self.height - scaled(cycle.actual), width: Self.barWidth,
                                height: scaled(cycle.actual), kind: "actual", title: text))
            }
            return bars
        }
    }
}
