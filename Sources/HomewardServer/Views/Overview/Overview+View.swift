import HomewardCore

/// The overview page: plain HTML, no JavaScript, readable on a phone.
struct OverviewView {
    var model: OverviewModel

    var html: String {
        let m = model
        let change = m.lastWeek - m.weekBefore
        var body = ""
        if m.demo {
            body += #"<p class="demo" role="note"><strong>Demo data.</strong> Every figure on this page is generated for demonstration; none is real.</p>"#
        }
        body += """
            <header><h1>Returns overview</h1>
            <p class="meta">Latest data: \(m.latest.map { escapeHTML($0.description) } ?? "none yet") · \(m.movements.grouped) movements recorded</p></header>
            <section class="figures" aria-label="Totals">
            <div><span class="n">\(m.total.grouped)</span><span>returned in all</span></div>
            <div><span class="n">\(m.refugees.grouped)</span><span>refugees from abroad</span></div>
            <div><span class="n">\(m.idps.grouped)</span><span>IDPs inside the country</span></div>
            <div><span class="n">\(m.lastWeek.grouped)</span><span>in the last 7 days (\(m.weekFrom) to \(m.weekTo)); \
            \(change >= 0 ? "+" : "")\(change.grouped) against the 7 days before (\(m.weekBefore.grouped))</span></div>
            </section>
            """
        body += table(title: "By crossing point", groups: m.crossings, empty: "No movements through crossing points yet.")
        body += table(title: "Top destination governorates", groups: m.governorates, empty: "No destinations reported yet.")
        body += #"<footer><p>Figures as reported by partner organisations; each keeps its own. API: <a href="/openapi.yaml">/openapi.yaml</a>.</p></footer>"#
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Homeward: returns overview</title>
            <style>\(Self.css)</style></head>
            <body><main>\(body)</main></body></html>
            """
    }

    private func table(title: String, groups: [TotalsGroup], empty: String) -> String {
        guard !groups.isEmpty else { return "<section><h2>\(escapeHTML(title))</h2><p>\(escapeHTML(empty))</p></section>" }
        let rows = groups.map { g in
            "<tr><td>\(escapeHTML(g.name))<br><small>\(escapeHTML(g.key ?? ""))</small></td><td class=\"num\">\(g.persons.grouped)</td>"
                + "<td class=\"num\">\(g.refugees.grouped)</td><td class=\"num\">\(g.idps.grouped)</td></tr>"
        }.joined()
        return """
            <section><h2>\(escapeHTML(title))</h2><table><thead><tr><th scope="col">Place</th><th scope="col" class="num">Persons</th>\
            <th scope="col" class="num">Refugees</th><th scope="col" class="num">IDPs</th></tr></thead><tbody>\(rows)</tbody></table></section>
            """
    }

    static let css = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:0;color:#1b1b1b;background:#f6f6f4}
        main{max-width:60rem;margin:0 auto;padding:1rem}
        h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
        .meta{color:#555;margin:0}.demo{background:#fff3cd;border:1px solid #d4a72c;padding:.6rem .8rem;border-radius:4px}
        .figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(13rem,1fr));gap:.75rem;margin-top:1rem}
        .figures div{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.75rem}
        .figures .n{display:block;font-size:1.6rem;font-weight:600;font-variant-numeric:tabular-nums}
        table{width:100%;border-collapse:collapse;background:#fff}th,td{padding:.45rem .5rem;border-bottom:1px solid #e3e3e3;text-align:left;vertical-align:top}
        .num{text-align:right;font-variant-numeric:tabular-nums}small{color:#666}
        footer{margin-top:2rem;color:#555;font-size:.9rem}
        """
}
