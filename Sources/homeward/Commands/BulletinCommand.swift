import ArgumentParser
import Foundation
import HomewardCore
import HomewardStore

struct BulletinCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulletin",
        abstract: "The joint statement of a session in English, Russian and Arabic, from a frozen snapshot of the data.",
        subcommands: [Draft.self, Publish.self, Show.self, List.self, Diff.self, CheckText.self, MakePublic.self, Records.self]
    )

    /// `html` is the statement's `<article>`s, to put into a page or a message; `document` the same as a whole HTML file, to
    /// save and open (its encoding declared, so that Russian and Arabic read right from a disk).
    enum Format: String, ExpressibleByArgument { case text, html, document, json }

    /// One language or all three.
    enum Languages: String, ExpressibleByArgument {
        case en, ru, ar, all
        var languages: [Language] { self == .all ? Language.allCases : [Language(rawValue: rawValue)!] }
    }

    struct Output: ParsableArguments {
        @Option(help: "en, ru, ar or all") var lang: Languages = .all
        @Option(help: "text, html (the statement's articles, to embed), document (a whole HTML file, to save and open) or json") var format: Format = .text
        @Option(help: "native (Arabic-Indic in Arabic) or latin") var digits: Digits = .native

        /// - Parameter demo: the database is a demo's: the text and HTML say so above the statement, as the server's copies do.
        func print(_ snapshot: BulletinSnapshot, published: (id: Int, sha256: String)?, edited: [Language: String] = [:],
                   lineage: BulletinLineage = BulletinLineage(), demo: Bool = false) throws {
            let texts = try lang.languages.map {
                var text = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled($0, digits: digits), published: published, edited: edited[$0],
                                        lineage: lineage)
                text.demo = demo
                // English keeps the anchors one language gives (`entry-…`), which links to the document already use.
                if lang == .all, $0 != .en { text.anchorPrefix = "entry-\($0.rawValue)-" }
                return text
            }
            switch format {
            case .text: Swift.print(texts.map { (demo ? $0.demoNote(html: false) : "") + $0.readable }.joined(separator: "\n"), terminator: "")
            case .html: Swift.print(texts.map { (demo ? $0.demoNote(html: true) : "") + $0.html }.joined(separator: "\n"), terminator: "")
            case .document:
                // The first language's, as the page of one statement is; each article keeps its own language and direction.
                let first = texts[0].catalogue.language
                Swift.print("<!DOCTYPE html>\n<html lang=\"\(first.rawValue)\" dir=\"\(first.direction.rawValue)\">\n<head><meta charset=\"utf-8\">"
                            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>\(BulletinText.escape(texts[0].title))</title></head>\n<body>\n"
                            + texts.map { (demo ? $0.demoNote(html: true) : "") + $0.html }.joined(separator: "\n") + "</body>\n</html>")
            case .json: texts.count == 1 ? try printJSON(texts[0]) : try printJSON(["bulletins": texts])
            }
        }
    }

    struct Draft: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The bulletin as the data stands now; nothing is stored.")
        @OptionGroup var db: DatabaseOptions
        @Option(help: "The session's day: the data as of the end of it.") var date: Day
        @Option(help: "Also count returns from this day.") var since: Day?
        @Option(help: "Where the day had several sessions, the id of the one the bulletin follows (`homeward sessions list`).") var session: Int?
        @OptionGroup var output: Output

        func run() async throws {
            let today = try today()
            let (snapshot, demo) = try await db.withStores {
                (try await $0.draftBulletin(date: date, since: since, session: session, today: today), try await $0.database.isMarkedAsDemo())
            }
            try output.print(snapshot, published: nil, demo: demo)
        }
    }

    struct Publish: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Freeze and store the bulletin; prints its id and its snapshot's SHA-256.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var who: CallerOptions
        @Option(help: "The session's day: the data as of the end of it.") var date: Day
        @Option(help: "Also count returns from this day.") var since: Day?
        @Option(help: "Where the day had several sessions, the id of the one the bulletin follows (`homeward sessions list`).") var session: Int?
        @Option(help: ArgumentHelp("Publish prose edited by hand in a language, as LANG=FILE (repeatable); its numbers must be the snapshot's.",
                                   valueName: "lang=file")) var text: [String] = []
        @Option(help: "text or json ({\"id\", \"sha256\"})") var format: TextOrJSON = .text
        @Flag(help: "Let the public read it at once, small counts hidden (as `bulletin public ID` does later).") var `public` = false
        @Option(help: "The server's --min-public-count, to say what the public copy withholds (with --public).") var minPublicCount = 5

        /// Each `--text` as its language and file.
        private func texts() throws -> [(language: Language, file: String)] {
            try text.map { item in
                let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, let language = Language(rawValue: parts[0]) else { throw ValidationError("--text '\(item)': expected en=FILE, ru=FILE or ar=FILE") }
                return (language, parts[1])
            }
        }

        func validate() throws {
            _ = try texts()
            try MakePublic.validate(minPublicCount: minPublicCount)
        }

        func run() async throws {
            var edited: [Language: String] = [:]
            for (language, file) in try texts() { edited[language] = try String(contentsOfFile: file, encoding: .utf8) }
            let smallCounts = SmallCounts(threshold: minPublicCount)
            let (published, withheld) = try await db.withStores { stores in
                let published = try await stores.publishBulletin(date: date, since: since, session: session, editedTexts: edited, isPublic: `public`,
                                                                 today: try today(), by: who.caller)
                // Told after the statement is published: a failed read of it must not read as a failed publication.
                return (published, `public` ? try? await stores.withheldFromThePublic(published, smallCounts: smallCounts) : nil)
            }
            switch format {
            case .json: try printJSON(PublishedID(published, withheld: withheld))
            case .text:
                print("\(published.id) \(published.sha256)")
                if let replaced = published.lineage.replaces {
                    FileHandle.standardError.write(Data("It replaces statement \(replaced) of the same day and session, which is kept as it was published.\n".utf8))
                }
                MakePublic.tell(withheld ?? [], threshold: minPublicCount)
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A published bulletin, exactly as frozen.")
        @OptionGroup var db: DatabaseOptions
        @Argument(help: "The bulletin's id.") var id: Int
        @OptionGroup var output: Output

        func run() async throws {
            let (found, demo) = try await db.withStores { (try await $0.bulletin(id), try await $0.database.isMarkedAsDemo()) }
            guard let bulletin = found else {
                throw CommandFailure("no bulletin has id \(id); homeward bulletin list shows them")
            }
            try output.print(bulletin.snapshot, published: (bulletin.id, bulletin.sha256), edited: bulletin.editedTexts, lineage: bulletin.lineage, demo: demo)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Published bulletins, newest first.")
        @OptionGroup var db: DatabaseOptions
        @Option(help: "table, or json as GET /api/v1/bulletins answers an account") var format: TableOrJSON = .table

        func run() async throws {
            let bulletins = try await db.withStores { try await $0.bulletinList() }
            switch format {
            case .json: try printJSON(["bulletins": bulletins])
            case .table:
                // A statement published again for its day and session replaces the one before, which stays as it was. The
                // columns added since the first come after those a script may read by position.
                print(TextTable(header: ["ID", "DATE", "SINCE", "PUBLISHED", "BY", "PUBLIC SINCE", "SHA-256", "SESSION", "REPLACES", "REPLACED BY"],
                                rows: bulletins.map { [String($0.id), $0.date.description, $0.since?.description ?? "", $0.publishedAt, $0.publishedBy,
                                                       $0.publicSince ?? "", $0.sha256, $0.session.map(String.init) ?? "",
                                                       $0.lineage.replaces.map(String.init) ?? "", $0.lineage.replacedBy.map(String.init) ?? ""] }).rendered)
            }
        }
    }

    struct Diff: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "What changed between two published bulletins, entry by entry.")
        @OptionGroup var db: DatabaseOptions
        @Argument(help: "The earlier bulletin's id.") var first: Int
        @Argument(help: "The later bulletin's id.") var second: Int
        @Option(help: "table or json") var format: TableOrJSON = .table

        func run() async throws {
            let (a, b) = try await db.withStores { (try await $0.bulletin(first), try await $0.bulletin(second)) }
            guard let a else { throw CommandFailure("no bulletin has id \(first)") }
            guard let b else { throw CommandFailure("no bulletin has id \(second)") }
            let diff = BulletinDiff(from: a.snapshot, to: b.snapshot)
            switch format {
            case .json: try printJSON(diff)
            case .table:
                // A qualifier other than exact is written before its number ("more-than 1,265,000"), so that its change shows.
                let qualified = { (qualifier: String?, text: String) in qualifier.map { "\($0) \(text)" } ?? text }
                // A figure of another statement in each has no change to give: marked, and said below the table, so that the
                // column of changes stays one of numbers.
                print(TextTable(header: ["ENTRY", "BEFORE", "AFTER", "CHANGE"], rows: diff.changes.map { change in
                    [change.entry, change.before.map { qualified(change.beforeQualifier, change.written($0)) } ?? "—",
                     change.after.map { qualified(change.afterQualifier, change.written($0)) } ?? "—",
                     !change.isComparable ? "*"
                        : change.before.flatMap { old in change.after.map { new in (new - old > 0 ? "+" : "") + change.written(new - old) } } ?? ""]
                }, numeric: [1, 2, 3]).rendered)
                for change in diff.changes where !change.isComparable {
                    print("* \(change.entry): another statement's figure, no change of one (" + (change.beforeQuery.map { "before: \($0); " } ?? "")
                          + "now: \(change.query))")
                }
                print("\(diff.unchanged) entries unchanged")
            }
        }
    }

    struct CheckText: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check-text",
            abstract: "Flag numbers in an edited bulletin text that the snapshot does not give.",
            discussion: "Edit the draft's prose in any language; numbers must still be the snapshot's, as the language writes them.")
        @OptionGroup var db: DatabaseOptions
        @Argument(help: "The edited text (a file).") var file: String
        @Option(help: "The published bulletin it rewrites.") var id: Int?
        @Option(help: "Or the draft's day.") var date: Day?
        @Option(help: "Or the draft's since day.") var since: Day?
        @Option(help: "And, where that day had several sessions, the draft's session.") var session: Int?
        @Option(help: "en, ru or ar") var lang: Language = .en
        @Option(help: "native or latin") var digits: Digits = .native

        func validate() throws {
            guard id != nil || date != nil else { throw ValidationError("give --id or --date") }
        }

        func run() async throws {
            let edited = try String(contentsOfFile: file, encoding: .utf8)
            let (snapshot, published): (BulletinSnapshot, (id: Int, sha256: String)?) = try await db.withStores { stores in
                if let id {
                    guard let bulletin = try await stores.bulletin(id) else { throw CommandFailure("no bulletin has id \(id)") }
                    return (bulletin.snapshot, (bulletin.id, bulletin.sha256))
                }
                return (try await stores.draftBulletin(date: date!, since: since, session: session, today: try today()), nil)
            }
            // As `bulletin show` and `bulletin draft` print it, heading and footer included, since that is what is edited.
            let generated = BulletinText(snapshot: snapshot, catalogue: try Catalogue.bundled(lang, digits: digits), published: published).readable
            let unmatched = EditedTextCheck.unmatched(edited, generated: generated, language: lang)
            if unmatched.isEmpty {
                print("every number matches the snapshot")
            } else {
                print("numbers not in the snapshot: " + unmatched.joined(separator: ", "))
                throw ExitCode.failure
            }
        }
    }
}

extension Digits: ExpressibleByArgument {}
