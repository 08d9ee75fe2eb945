import Foundation

/// A bulletin written out in one language from its snapshot alone: as plain text, as an HTML fragment whose
/// every number links to its snapshot entry, or as JSON whose every number names its entry.
///
/// Words come from the catalogue (`bulletin.…` keys); numbers and dates are formatted for the language, with
/// the catalogue's plural forms chosen by the count they govern.
public struct BulletinText: Sendable {
    /// One sentence: its phrase, and for each argument that is a number, the entry it comes from.
    public struct Sentence: Sendable {
        public var phrase: Phrase
        public var entries: [String: String]
        /// Arguments that list names (``BulletinValue/names(_:)``): each is isolated in HTML, as the participants' are.
        public var lists: [String: [String]] = [:]
    }

    public struct Section: Sendable {
        public var kind: String
        public var heading: String
        public var sentences: [Sentence]
    }

    public let snapshot: BulletinSnapshot
    public let catalogue: Catalogue
    /// The published bulletin's id and hash; `nil` for a draft.
    public let published: (id: Int, sha256: String)?
    /// The prose the centre edited by hand in this language, if it did; numbers checked against the snapshot.
    public let edited: String?
    /// Set when the text is for the public: small counts are hidden (see ``BulletinSuppression``).
    public let smallCounts: SmallCounts?
    /// The entries the public does not see, and why.
    public let hidden: [String: BulletinSuppression.Reason]
    /// The statements of the same day and session this one replaces or is replaced by, told above its text.
    public let lineage: BulletinLineage
    /// Whether its figures are generated (a demo's database): its JSON says so, as its text and HTML open with
    /// ``demoNote(html:)``, so that a script passing it on can too.
    public var demo = false
    /// What the snapshot table's row ids and the figures' links begin with: one document of the three languages gives each
    /// its own (`entry-ar-`, English keeping `entry-`), so that a figure's link in the Arabic article reaches the Arabic table.
    public var anchorPrefix = "entry-"

    /// - Parameter forThePublic: hide small counts. The snapshot's hash is then left out, as trying each small value
    ///   against it would give the hidden ones back; so is edited prose, whose numbers are not the snapshot's entries,
    ///   wherever a count is hidden.
    /// - Parameter publicStatements: for the public, the statements it may read: a sentence naming another is withheld.
    /// - Parameter hiddenElsewhere: for the public, what the statement's other public versions hide
    ///   (``BulletinSuppression/hiddenInAnyVersion(_:smallCounts:publicStatements:)``): hidden here too.
    public init(snapshot: BulletinSnapshot, catalogue: Catalogue, published: (id: Int, sha256: String)? = nil, edited: String? = nil,
                forThePublic smallCounts: SmallCounts? = nil, publicStatements: Set<Int>? = nil, hiddenElsewhere: Set<String> = [],
                lineage: BulletinLineage = BulletinLineage()) {
        self.snapshot = snapshot
        self.lineage = lineage
        self.catalogue = catalogue
        self.published = published
        self.smallCounts = smallCounts
        hidden = smallCounts.map { BulletinSuppression.hidden(in: snapshot, smallCounts: $0, publicStatements: publicStatements, elsewhere: hiddenElsewhere) } ?? [:]
        self.edited = hidden.isEmpty ? edited : nil
    }

    /// The note a statement of generated data carries above it, in its language: a paragraph of HTML, or a line of text
    /// (opened by a right-to-left mark in Arabic) and a blank line. The copies people paste and pass on say so.
    public func demoNote(html: Bool) -> String {
        let note = catalogue.text("demo.statement"), language = catalogue.language
        return html ? "<p class=\"demo\" role=\"note\" lang=\"\(language.rawValue)\" dir=\"\(language.direction.rawValue)\">\(Self.escape(note))</p>\n"
            : (language.direction == .rtl ? "\u{200F}" : "") + note + "\n\n"
    }

    /// The edited prose with the footer when there is one, else the generated text.
    public var readable: String {
        guard let edited else { return text }
        let lines = edited.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n", omittingEmptySubsequences: false)
        let notes = notices.map { directed($0.text) + "\n\n" }.joined()
        return notes + lines.map { directed(String($0)) }.joined(separator: "\n") + "\n\n" + directed(footer) + "\n"
    }

    /// What a reader must know before reading the text: the statement it replaces, and the one that replaces it.
    public var notices: [Phrase] {
        // A statement of no session replaces one of the same day: "and session" would claim a session it does not follow.
        let of = snapshot.session == nil ? ".day" : ""
        return [lineage.replacedBy.map { catalogue.phrase("bulletin.replacedBy" + of, ["id": .serial($0)]) },
                lineage.replaces.map { catalogue.phrase("bulletin.replaces" + of, ["id": .serial($0)]) }].compactMap { $0 }
    }

    /// A session's joint statement where the snapshot follows one (or names its participants, as older ones do); else the
    /// centre's statement of the day, which claims no session.
    public var title: String {
        let followsSession = snapshot.session != nil || !snapshot.participants.isEmpty
        return catalogue.text(followsSession ? "bulletin.title" : "bulletin.title.noSession", ["date": .day(snapshot.date)])
    }

    public var participants: String? { participantsPhrase?.text }

    private var participantsPhrase: Phrase? {
        snapshot.participants.isEmpty ? nil
            : catalogue.phrase("bulletin.participants", ["count": .count(snapshot.participants.count),
                                                         "organisations": .text(snapshot.participants.joined(separator: catalogue.text("bulletin.listSeparator")))])
    }

    /// The participants' line, each organisation's name isolated: Latin names listed in an Arabic sentence otherwise run
    /// together left to right, and their order reverses for its reader.
    private var participantsHTML: String? {
        participantsPhrase.map { phrase in
            phrase.segments.map { segment in
                switch segment {
                case .text(let text): Self.escape(text)
                case .argument("organisations", _, _):
                    snapshot.participants.map { "<bdi>\(Self.escape($0))</bdi>" }.joined(separator: Self.escape(catalogue.text("bulletin.listSeparator")))
                case .argument(_, let text, let leftToRight): "<bdi\(leftToRight ? " dir=\"ltr\"" : "")>\(Self.escape(text))</bdi>"
                }
            }.joined()
        }
    }

    public var footer: String { footerPhrase.text }

    /// The footer with its arguments marked, so that in HTML only the id, the hash and "<5" run left to right.
    var footerPhrase: Phrase {
        guard let published else { return catalogue.phrase("bulletin.footer.draft") }
        if let smallCounts {
            return catalogue.phrase("bulletin.footer.public", ["id": .serial(published.id), "below": .code(fewerThan(smallCounts))])
        }
        return catalogue.phrase("bulletin.footer.published", ["id": .serial(published.id), "hash": .code(published.sha256)])
    }

    /// "<5" with the language's digits; in a right-to-left text isolated left to right (U+2066 … U+2069), as the page's
    /// `<bdi dir="ltr">` shows it: left to the text's direction, the sign was mirrored in the text and not on the page.
    func fewerThan(_ smallCounts: SmallCounts) -> String {
        let sign = "<" + catalogue.numbers.string(smallCounts.threshold)
        return catalogue.language.direction == .rtl ? "\u{2066}" + sign + "\u{2069}" : sign
    }

    public var sections: [Section] {
        snapshot.blocks.map { block in
            Section(kind: block.kind, heading: catalogue.text(block.heading),
                    sentences: BulletinSuppression.publicLines(of: block, hidden: hidden).map(sentence))
        }
    }

    func sentence(_ line: BulletinLine) -> Sentence {
        var arguments: [String: MessageArgument] = [:], entries: [String: String] = [:], lists: [String: [String]] = [:]
        for (name, value) in line.arguments {
            switch value {
            case .entry(let id):
                entries[name] = id
                guard let entry = snapshot.entry(id) else { continue }
                arguments[name] = argument(entry)
            case .day(let day): arguments[name] = .day(day)
            case .code(let code): arguments[name] = .code(code)
            case .serial(let number): arguments[name] = .serial(number)
            case .name(let en, let ru, let ar):
                arguments[name] = .text(catalogue.language == .ru ? ru ?? en : catalogue.language == .ar ? ar ?? en : en)
            case .names(let names):
                arguments[name] = .text(names.joined(separator: catalogue.text("bulletin.listSeparator")))
                lists[name] = names
            }
        }
        // A figure hidden from the public is "<5", not "about <5": its qualifier was of the number no longer shown. A lower
        // bound ("more than 2") may stand for any larger number, which "<5" would deny: withheld.
        for (qualifierName, countName) in [("qualifier", "count"), ("minQualifier", "min"), ("maxQualifier", "max")] {
            guard case .code(let qualifier)? = line.arguments[qualifierName], let id = entries[countName], hidden[id] != nil, let smallCounts else { continue }
            if [Qualifier.moreThan.rawValue, Qualifier.atLeast.rawValue].contains(qualifier) {
                arguments[countName] = .hidden(shown: catalogue.text("bulletin.withheld"), threshold: smallCounts.threshold)
            }
            arguments[qualifierName] = .code(Qualifier.exact.rawValue)
        }
        return Sentence(phrase: catalogue.phrase(Message(line.key, arguments)), entries: entries, lists: lists)
    }

    /// An entry as a sentence takes it: a count chooses its noun's form; a percentage carries its sign, so that a
    /// withheld one reads without it.
    ///
    /// - Important: a hidden count's noun reads as after "fewer than" its threshold, never as after the count ("one"
    ///   or "two" would give it away).
    func argument(_ entry: SnapshotEntry) -> MessageArgument {
        if let smallCounts, hidden[entry.id] != nil { return .hidden(shown: value(entry), threshold: smallCounts.threshold) }
        return switch entry.unit {
        case .count: .count(entry.value)
        case .hundredths: .percent(hundredths: entry.value)
        case .tenths, .thousandths: .code(value(entry))
        }
    }

    /// Hundredths of a percent as the language writes a number with two decimals.
    func percent(_ hundredths: Int) -> String { Self.decimal(hundredths, in: catalogue) }

    /// A number given in hundredths, written with two decimals as the catalogue's language writes them.
    public static func decimal(_ hundredths: Int, in catalogue: Catalogue) -> String {
        (Decimal(hundredths) / 100).formatted(.number.precision(.fractionLength(2)).locale(catalogue.language.locale(digits: catalogue.numbers.digits)))
    }

    /// The number of an entry as the language writes it: percentages with both decimals, quantities without
    /// trailing zeros (12.5 km, 3 tonnes).
    public func value(_ entry: SnapshotEntry) -> String {
        if let smallCounts, let reason = hidden[entry.id] {
            return reason == .small ? fewerThan(smallCounts) : catalogue.text("bulletin.withheld")
        }
        return switch entry.unit {
        case .count: catalogue.numbers.string(entry.value)
        case .hundredths: percent(entry.value)
        case .tenths, .thousandths: catalogue.numbers.decimal(entry.value, decimals: entry.unit.decimals!)
        }
    }

    public var text: String {
        var lines = notices.flatMap { [$0.text, ""] } + [title]
        if let participants { lines.append(participants) }
        for section in sections {
            lines += ["", section.heading] + section.sentences.map(\.phrase.text)
        }
        return (lines + ["", footer]).map(directed).joined(separator: "\n") + "\n"
    }

    /// A line of plain text that opens with a right-to-left mark in a right-to-left language: a mail reader, an editor or
    /// a terminal sets a line's direction by its first letter, and an Arabic line that opens with a Latin name
    /// ("UNHCR، ١٥ آب ٢٠١٨: …") would run left to right, its figures on the wrong side.
    private func directed(_ line: String) -> String {
        catalogue.language.direction == .rtl && !line.isEmpty && line.unicodeScalars.first != "\u{200F}" ? "\u{200F}" + line : line
    }

    /// An `<article>` with the language and direction of its text; each number an `<a>` to its row in the
    /// snapshot table at the end, in a `<bdi dir="ltr">` so that digits and codes keep their order in Arabic.
    public var html: String {
        let language = catalogue.language
        var out = "<article class=\"bulletin\" lang=\"\(language.rawValue)\" dir=\"\(language.direction.rawValue)\">\n"
        for notice in notices { out += "<p class=\"notice\" role=\"note\">\(html(Sentence(phrase: notice, entries: [:])))</p>\n" }
        out += "<h1>\(Self.escape(title))</h1>\n"
        if let participantsHTML { out += "<p class=\"participants\">\(participantsHTML)</p>\n" }
        for section in sections {
            out += "<section class=\"block block-\(Self.escape(section.kind))\">\n<h2>\(Self.escape(section.heading))</h2>\n"
            for sentence in section.sentences { out += "<p>\(html(sentence))</p>\n" }
            out += "</section>\n"
        }
        out += "<section class=\"snapshot\" tabindex=\"0\">\n<h2>\(Self.escape(catalogue.text("bulletin.snapshot.heading")))</h2>\n<table>\n"
        // The public is not told how many records a figure sums (a count of records can single out a family): no column for it.
        let columns = ["bulletin.snapshot.entry", "bulletin.snapshot.value", "bulletin.snapshot.query"] + (smallCounts == nil ? ["bulletin.snapshot.records"] : [])
        out += "<thead><tr>" + columns.map { "<th>\(Self.escape(catalogue.text($0)))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        // A length in the table as in its sentence, "0.3 km", not a bare number beside counts of schools.
        let kilometres = Set(snapshot.blocks.flatMap(\.lines).filter { $0.arguments["unit"] == .code("km") }.flatMap(\.entryIDs))
        for entry in snapshot.entries where hidden[entry.id] != .ofInternalStatement {
            let shown = kilometres.contains(entry.id) ? catalogue.text("unit.km", ["quantity": .text(value(entry))]) : value(entry)
            out += "<tr id=\"\(anchorPrefix)\(Self.escape(entry.id))\"><td><code dir=\"ltr\">\(Self.escape(entry.id))</code></td>"
                + "<td><bdi dir=\"ltr\">\(Self.escape(shown))</bdi></td>"
                + "<td><code dir=\"ltr\">\(Self.escape(entry.query))</code></td>"
                + (smallCounts == nil ? "<td><bdi dir=\"ltr\">\(entry.records.map { Self.escape(catalogue.numbers.string($0)) } ?? "")</bdi></td>" : "")
                + "</tr>\n"
        }
        out += "</tbody>\n</table>\n</section>\n<p class=\"footer\">\(html(Sentence(phrase: footerPhrase, entries: [:])))</p>\n</article>\n"
        return out
    }

    func html(_ sentence: Sentence) -> String {
        var written: Set<String> = []
        let body = sentence.phrase.segments.map { segment in
            switch segment {
            case .text(let text): return Self.escape(text)
            case .argument(let name, let text, let leftToRight):
                written.insert(name)
                // Latin names listed in an Arabic sentence would otherwise run together left to right, their order reversed.
                if let names = sentence.lists[name] {
                    return names.map { "<bdi>\(Self.escape($0))</bdi>" }.joined(separator: Self.escape(catalogue.text("bulletin.listSeparator")))
                }
                let bdi = "<bdi\(leftToRight ? " dir=\"ltr\"" : "")>\(Self.escape(text))</bdi>"
                guard let id = sentence.entries[name] else { return bdi }
                return "<a class=\"figure\" href=\"#\(anchorPrefix)\(Self.escape(id))\">\(bdi)</a>"
            }
        }.joined()
        // A count the language writes as words (Arabic's "شخص واحد", "شخصان"; "no return was recorded") has no number to
        // link: the sentence links to its entry, or, where its other numbers link already, the entry's value after it does.
        let unwritten = sentence.entries.filter { !written.contains($0.key) }.map(\.value).sorted()
        guard !unwritten.isEmpty else { return body }
        if unwritten.count == 1, !sentence.entries.values.contains(where: { !unwritten.contains($0) }) {
            return "<a class=\"figure\" href=\"#\(anchorPrefix)\(Self.escape(unwritten[0]))\">\(body)</a>"
        }
        return body + unwritten.compactMap { id in
            snapshot.entries.first { $0.id == id }.map {
                "<sup><a class=\"figure\" href=\"#\(anchorPrefix)\(Self.escape(id))\"><bdi dir=\"ltr\">\(Self.escape(value($0)))</bdi></a></sup>"
            }
        }.joined()
    }

    /// Text made safe for HTML content and attributes.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}

extension BulletinText: Encodable {
    enum CodingKeys: String, CodingKey { case id, sha256, language, direction, title, participants, blocks, footer, snapshot, notices, replaces, demo
        case editedText = "edited_text", replacedBy = "replaced_by" }
    enum SectionKeys: String, CodingKey { case kind, heading, paragraphs }
    enum SentenceKeys: String, CodingKey { case text, figures }

    private struct Figure: Encodable { var entry: String; var argument: String; var text: String }

    /// Every paragraph's text with its `figures`: which entry of `snapshot` each number comes from.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(published?.id, forKey: .id)
        try c.encode(smallCounts == nil ? published?.sha256 : nil, forKey: .sha256)
        try c.encode(catalogue.language, forKey: .language)
        try c.encode(catalogue.language.direction.rawValue, forKey: .direction)
        try c.encode(lineage.replaces, forKey: .replaces)
        try c.encode(lineage.replacedBy, forKey: .replacedBy)
        try c.encode(notices.map(\.text), forKey: .notices)
        try c.encode(demo, forKey: .demo)
        try c.encode(title, forKey: .title)
        try c.encode(participants, forKey: .participants)
        var blocks = c.nestedUnkeyedContainer(forKey: .blocks)
        for section in sections {
            var s = blocks.nestedContainer(keyedBy: SectionKeys.self)
            try s.encode(section.kind, forKey: .kind)
            try s.encode(section.heading, forKey: .heading)
            var paragraphs = s.nestedUnkeyedContainer(forKey: .paragraphs)
            for sentence in section.sentences {
                var p = paragraphs.nestedContainer(keyedBy: SentenceKeys.self)
                try p.encode(sentence.phrase.text, forKey: .text)
                let figures = sentence.phrase.segments.compactMap { segment -> Figure? in
                    guard case .argument(let name, let text, _) = segment, let id = sentence.entries[name] else { return nil }
                    return Figure(entry: id, argument: name, text: text)
                }
                try p.encode(figures, forKey: .figures)
            }
        }
        try c.encode(footer, forKey: .footer)
        try c.encode(edited, forKey: .editedText)
        if let smallCounts {
            try c.encode(PublicSnapshot(snapshot: snapshot, hidden: hidden, smallCounts: smallCounts), forKey: .snapshot)
        } else {
            try c.encode(snapshot, forKey: .snapshot)
        }
    }

    /// The snapshot as the public reads it: each entry's value, or `"<k"`, and the question that produced it.
    private struct PublicSnapshot: Encodable {
        /// `value` is null where it is withheld so that a small one cannot be worked out.
        struct Entry: Encodable {
            var id: String
            var value: PublicCount?
            var unit: SnapshotEntry.Unit
            var query: String

            enum CodingKeys: String, CodingKey { case id, value, unit, query }

            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(id, forKey: .id)
                try c.encode(value, forKey: .value) // null, not absent, when withheld
                try c.encode(unit, forKey: .unit)
                try c.encode(query, forKey: .query)
            }
        }
        var date: Day
        var since: Day?
        var participants: [String]
        var entries: [Entry]

        init(snapshot: BulletinSnapshot, hidden: [String: BulletinSuppression.Reason], smallCounts: SmallCounts) {
            date = snapshot.date
            since = snapshot.since
            participants = snapshot.participants
            entries = snapshot.entries.filter { hidden[$0.id] != .ofInternalStatement }.map { entry in
                let value: PublicCount? = switch hidden[entry.id] {
                case nil: .exact(entry.value)
                case .small: .fewerThan(smallCounts.threshold)
                case .recoverable, .ofInternalStatement: nil
                }
                return Entry(id: entry.id, value: value, unit: entry.unit, query: entry.query)
            }
        }
    }
}
