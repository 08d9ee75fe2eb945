import HomewardCore

/// A small SVG chart of each organisation's figures over time: one line and its points per organisation and measure,
/// x by statement date, y by value from zero; labels formatted for the language, every text escaped. Each line's latest
/// figure is written beside its point: on a scale from zero to the largest, a figure a hundred times smaller sits on the
/// axis and would read as none.
///
/// Each organisation's measure, for the country or for one area, is its own series: lines are never stacked or summed,
/// and a line never joins a broad measure to a narrower one (returns to IDP returns), nor the country's figure to a
/// governorate's, either of which would draw a fall that no figure says.
struct SourcesChart {
    struct Series {
        /// The organisation, the measure where the organisation gives several, and the area where not the whole country.
        let name: String
        let colour: String
        /// A dash pattern where the palette has come round again, so that up to 24 series (8 colours, 3 patterns) look apart.
        var dash: String? = nil
        let points: [(day: Day, value: Int, qualifier: Qualifier)]
    }

    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#17becf", "#7f7f7f"]
    static let dashes: [String?] = [nil, "8 4", "2 3"]
    /// Room a latest value's label takes beside its point, to keep it inside the chart and apart from another's.
    static let labelWidth = 90
    static let width = 640, height = 260, left = 96, right = 16, top = 14, bottom = 38
    /// Large enough to read where a phone draws the chart at 390 px, some 0.6 of its size.
    static let fontSize = 15

    let series: [Series]
    let catalogue: Catalogue

    /// - Parameters:
    ///   - measureName: a measure's name in the page's language.
    ///   - areaName: an area's name in the page's language.
    init(rows: [SourceComparison.Row], catalogue: Catalogue, measureName: (String) -> String = { $0 }, areaName: (String) -> String = { $0 }) {
        struct Key: Hashable, Comparable {
            var organisation: String, measure: String, area: String
            static func < (a: Key, b: Key) -> Bool { (a.organisation, a.measure, a.area) < (b.organisation, b.measure, b.area) }
        }
        let grouped = Dictionary(grouping: rows.map(\.figure), by: { Key(organisation: $0.organisation, measure: $0.measure, area: $0.area ?? "") })
        // Every series names its measure where the chart shows more than one: named for some organisations and not others,
        // a reader took the unnamed for the measure asked.
        let severalMeasures = Set(grouped.keys.map(\.measure)).count > 1
        series = grouped.keys.sorted().enumerated().map { index, key in
            let named = [severalMeasures ? measureName(key.measure) : nil, key.area.isEmpty ? nil : areaName(key.area)]
                .compactMap { $0 }
            return Series(name: named.isEmpty ? key.organisation : "\(key.organisation): \(named.joined(separator: catalogue.text("bulletin.listSeparator")))",
                   colour: Self.palette[index % Self.palette.count], dash: Self.dashes[(index / Self.palette.count) % Self.dashes.count],
                   points: grouped[key]!.sorted { $0.date < $1.date }.map { ($0.date, $0.value, $0.qualifier) })
        }
        self.catalogue = catalogue
    }

    /// A qualifier as a sign before a figure, where the label has no room for its words.
    static func sign(_ qualifier: Qualifier) -> String {
        switch qualifier {
        case .exact: ""
        case .about: "≈"
        case .moreThan: ">"
        case .atLeast: "≥"
        case .upTo: "≤"
        case .lessThan: "<"
        }
    }

    var svg: String {
        let points = series.flatMap(\.points)
        guard let first = points.map(\.day).min(), let last = points.map(\.day).max(), let high = points.map(\.value).max() else { return "" }
        let span = max(last.number - first.number, 1), top = max(high, 1)
        let plotWidth = Self.width - Self.left - Self.right, plotHeight = Self.height - Self.top - Self.bottom
        func x(_ day: Day) -> Int { Self.left + (points.count == 1 || last == first ? plotWidth / 2 : (day.number - first.number) * plotWidth / span) }
        func y(_ value: Int) -> Int { Self.top + plotHeight - Int((Double(value) / Double(top)) * Double(plotHeight)) }
        let e = BulletinText.escape
        var out = "<svg class=\"sources-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Self.width) \(Self.height)\" role=\"img\" direction=\"ltr\">"
        out += "<title>\(e(catalogue.text("sources.page.chart")))</title>"
        out += "<line x1=\"\(Self.left)\" y1=\"\(y(0))\" x2=\"\(Self.width - Self.right)\" y2=\"\(y(0))\" stroke=\"#999\"/>"
        out += "<line x1=\"\(Self.left)\" y1=\"\(Self.top)\" x2=\"\(Self.left)\" y2=\"\(y(0))\" stroke=\"#999\"/>"
        for value in [0, top / 2, top] {
            out += "<text x=\"\(Self.left - 6)\" y=\"\(y(value) + 5)\" text-anchor=\"end\" font-size=\"\(Self.fontSize)\">\(e(catalogue.numbers.string(value)))</text>"
        }
        for day in Set([first, last]).sorted(by: <) {
            out += "<text x=\"\(x(day))\" y=\"\(Self.height - 12)\" text-anchor=\"\(day == first && first != last ? "start" : "end")\" font-size=\"\(Self.fontSize)\">\(e(catalogue.days.string(day)))</text>"
        }
        // Where each latest value's label went, so that two series ending side by side do not print one over the other.
        var labels: [(x: Int, y: Int)] = []
        for series in self.series {
            let coordinates = series.points.map { "\(x($0.day)),\(y($0.value))" }
            if coordinates.count > 1 {
                let dash = series.dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
                out += "<polyline fill=\"none\" stroke=\"\(series.colour)\" stroke-width=\"2\"\(dash) points=\"\(coordinates.joined(separator: " "))\"/>"
            }
            for point in series.points {
                // The figure as stated ("more than 1,490,739"), and the day, in the page's language and punctuation.
                let stated = point.qualifier == .exact ? catalogue.numbers.string(point.value)
                    : "\(catalogue.text("sources.qualifier.\(point.qualifier.rawValue)")) \(catalogue.numbers.string(point.value))"
                let title = "\(series.name): \(stated)\(catalogue.text("bulletin.listSeparator"))\(catalogue.days.string(point.day))"
                out += "<circle cx=\"\(x(point.day))\" cy=\"\(y(point.value))\" r=\"3.5\" fill=\"\(series.colour)\"><title>\(e(title))</title></circle>"
            }
            if let latest = series.points.last {
                // Beside the point, on the side with room: to its left where it stands at the right edge.
                let atRight = x(latest.day) > Self.width - Self.right - Self.labelWidth
                let labelX = x(latest.day) + (atRight ? -8 : 8)
                // Its own height, then a line above, below, two above…, within the chart.
                let base = y(latest.value) - 6
                let labelY = (0 ..< 40).lazy.map { base + ($0 % 2 == 0 ? 1 : -1) * (($0 + 1) / 2) * Self.fontSize }.first { candidate in
                    candidate >= Self.fontSize && candidate <= Self.height - Self.bottom
                        && !labels.contains { abs($0.x - labelX) < Self.labelWidth && abs($0.y - candidate) < Self.fontSize }
                } ?? base
                labels.append((labelX, labelY))
                // A white halo keeps the figure readable where a line runs under it; a sign says a figure stated as more or
                // less than it (the words are in the point's title and the table).
                out += "<text x=\"\(labelX)\" y=\"\(labelY)\" text-anchor=\"\(atRight ? "end" : "start")\" "
                    + "font-size=\"\(Self.fontSize)\" fill=\"\(series.colour)\" stroke=\"#fff\" stroke-width=\"4\" paint-order=\"stroke\">"
                    + "\(e(Self.sign(latest.qualifier) + catalogue.numbers.string(latest.value)))</text>"
            }
        }
        return out + "</svg>"
    }
}
