import ArgumentParser
import Foundation
import HomewardCore
import HomewardStore

struct SourcesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources",
        abstract: "Headline figures as organisations stated them, side by side: never summed, merged or picked between.",
        subcommands: [Add.self, List.self, History.self, Compare.self, Check.self, Measures.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a figure as an organisation stated it; prints its id.",
            discussion: "Many at once: homeward import FILE --records sources.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var who: CallerOptions
        @Option(help: "The organisation that stated it.") var org: String
        @Option(help: "The day it was stated (YYYY-MM-DD).") var date: String
        @Option(help: "What it counts: a measure's code (homeward sources measures).") var measure: String
        @Option(parsing: .unconditional, help: "The value, a whole number; 0 withdraws the figure of this identity.") var value: String
        @Option(help: "exact, about, more-than, at-least, up-to or less-than (default exact).") var qualifier: String?
        @Option(help: "count, estimate or projection (default count).") var kind: String?
        @Option(help: "Cumulative since this day (default: since records began).") var since: String?
        @Option(help: "A period's first day.") var from: String?
        @Option(help: "A period's last day.") var to: String?
        @Option(help: "A whole year.") var year: String?
        @Option(help: "The area's P-code (default: the whole country).") var area: String?
        @Option(help: "The id of the figure (a total) this one is a part of.") var partOf: String?
        @Option(help: "The statement's title, as cited.") var cite: String?
        @Option(help: "A link to the statement.") var url: String?
        @Option(help: ArgumentHelp("The organisation's own reference for the statement.", discussion:
            "Without one, a figure of the same organisation, day, measure, kind, coverage and area corrects the one recorded (its earlier version kept: sources history); with one, only a figure under that reference as well corrects it: one statement's figures of other measures, coverages, kinds or areas stand beside each other, and figures of other references side by side."))
        var reference: String?
        @Option(help: "table (prints the id) or json ({\"id\": …})") var format: TableOrJSON = .table

        func validate() throws {
            if let from, to == nil { throw ValidationError("--from \(from) needs --to, the period's last day") }
            if let to, from == nil { throw ValidationError("--to \(to) needs --from, the period's first day") }
        }

        func run() async throws {
            let given: [(SourceFigureField, String?)] = [(.organisation, org), (.date, date), (.measure, measure), (.value, value),
                (.qualifier, qualifier), (.kind, kind), (.since, since), (.from, from), (.to, to), (.year, year), (.area, area),
                (.partOf, partOf), (.citation, cite), (.url, url), (.reference, reference)]
            let fields = Dictionary(uniqueKeysWithValues: given.compactMap { field, value in value.map { (field, $0) } })
            let request = ImportRequest(sourceName: "homeward sources add", format: .json, today: try today())
            let (summary, id) = try await db.withStores { stores in
                try refuseSlip(org.trimmingCharacters(in: .whitespaces), option: "--org", known: try await stores.organisations.organisations().map(\.name))
                return try await stores.sources.addFigure(fields, request, by: who.caller)
            }
            let zero = MovementRules.wholeNumber(value) == 0
            if summary.status != .error, id == nil, zero {
                // A 0 withdraws the figure its identity finds; one that finds none records nothing.
                FileHandle.standardError.write(Data("nothing recorded: no figure of this organisation, day, measure, kind, coverage and area\(reference == nil ? "" : " under this reference") is stored to withdraw\n".utf8))
                if format == .json { try printJSON(["status": "unchanged"]) }
                return
            }
            guard summary.status != .error, let id else {
                let text = summary.problems.map { "Error: \($0.column) '\($0.value)': \($0.reason)\n" }.joined()
                FileHandle.standardError.write(Data(text.utf8))
                throw ExitCode.failure
            }
            // Recorded with a warning (a period running past the statement's day), said as a file's import says it.
            let warnings = summary.problems.filter { $0.severity == .warning }
            FileHandle.standardError.write(Data(warnings.map { "warning: \($0.column) '\($0.value)': \($0.reason)\n" }.joined().utf8))
            // A figure of the same identity is corrected, not added beside: say so, or a second statement seems recorded.
            if summary.updated > 0, zero {
                FileHandle.standardError.write(Data("figure \(id) withdrawn: in no list, comparison or statement from now on (its history: homeward sources history \(id))\n".utf8))
            } else if summary.updated > 0 {
                let apart = reference == nil ? "; give --reference to record another statement beside it" : ""
                FileHandle.standardError.write(Data("figure \(id) corrected: it replaces what was recorded \(reference == nil ? "for this organisation, day, measure, kind, coverage and area" : "for this organisation, day, measure, kind, coverage and area under this reference") (the earlier version: homeward sources history \(id)\(apart))\n".utf8))
            } else if summary.imported == 0 {
                FileHandle.standardError.write(Data("figure \(id) is recorded already as given: nothing changed\n".utf8))
            }
            switch format {
            case .json:
                struct Added: Encodable { var id: Int; var status: String; var warnings: [ImportProblem] }
                try printJSON(Added(id: id, status: summary.updated > 0 ? (zero ? "withdrawn" : "corrected") : summary.imported > 0 ? "added" : "unchanged",
                                    warnings: warnings))
            case .table: print(id)
            }
        }
    }

    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The versions a figure had, oldest first, the one in force last.")
        @OptionGroup var db: DatabaseOptions
        @Argument(help: "The figure's id.") var id: Int
        @Option(help: "table or json") var format: TableOrJSON = .table

        func run() async throws {
            guard let history = try await db.withStores({ try await $0.sources.history(ofFigure: id) }) else {
                throw CommandFailure("no figure has id \(id)")
            }
            let revisions = history.revisions
            switch format {
            case .json:
                try printJSON(history)
            case .table:
                // The version in force last, as `aid history` and `facilities history` list it: what replaced the others.
                let current = history.current
                let inForce = [current.value.grouped, current.qualifier.rawValue, current.citation ?? "", current.recordedAt ?? "",
                               current.recordedBy ?? "", "in force", ""]
                print(TextTable(header: ["VALUE", "QUALIFIER", "CITATION", "RECORDED", "BY", "REPLACED", "BY"],
                                rows: revisions.map { [$0.value.grouped, $0.qualifier, $0.citation ?? "", $0.recordedAt, $0.recordedBy, $0.supersededAt, $0.supersededBy] }
                                    + [inForce],
                                numeric: [0]).rendered)
                if revisions.isEmpty { print("figure \(id) was never corrected") }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List figures by the day they were stated.")
        @OptionGroup var db: DatabaseOptions
        @Option(help: "Only this measure.") var measure: String?
        @Option(help: "Only the figure with this id.") var id: Int?
        @Option(help: "table or json") var format: TableOrJSON = .table

        func run() async throws {
            let figures = try await db.withStores { try await $0.sources.figures(measures: measure.map { [$0] }, id: id) }
            switch format {
            case .json: try printJSON(["figures": figures])
            case .table:
                print(TextTable(header: ["ID", "ORGANISATION", "DATE", "MEASURE", "QUALIFIER", "VALUE", "KIND", "COVERS", "AREA", "PART OF"],
                                rows: figures.map { [String($0.id ?? 0), $0.organisation, $0.date.description, $0.measure, $0.qualifier.rawValue,
                                                     $0.value.grouped, $0.kind.rawValue, $0.coverage.text(statedOn: $0.date), $0.area ?? "country",
                                                     $0.partOf.map(String.init) ?? ""] },
                                numeric: [0, 5]).rendered)
            }
        }
    }

    struct Compare: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A measure's figures, and its narrower measures', side by side over a window, with the ledger's own sum.",
            discussion: "Figures covering another period than the window are shown and marked, never adjusted. Projections are listed apart.")
        @OptionGroup var db: DatabaseOptions
        @Option(help: "The measure's code, such as returns.") var measure: String
        @Option(help: "First day of the window.") var from: Day?
        @Option(help: "Last day of the window.") var to: Day?
        @Option(help: "A whole year as the window.") var year: Int?
        @Option(help: "Only the figures of this area (its P-code), beside the ledger's returns to it.") var area: String?
        @Option(help: "table or json") var format: TableOrJSON = .table

        func validate() throws { _ = try resolvedWindow(.init(from: from, to: to, year: year)) }

        func run() async throws {
            let window = try resolvedWindow(.init(from: from, to: to, year: year)).window
            let comparison = try await db.withStores { try await $0.sources.compare(measure: measure, window: window, area: area) }
            switch format {
            case .json: try printJSON(comparison)
            case .table: print(SourcesText.comparison(comparison))
            }
        }
    }

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Arithmetic checks: parts that do not add up, cumulative figures that fall, a week's figure against the change.")
        @OptionGroup var db: DatabaseOptions
        @Option(help: "table or json") var format: TableOrJSON = .table
        @Option(help: "The language of the details: en, ru or ar.") var lang: Language = .en

        func run() async throws {
            let problems = try await db.withStores { try await $0.sources.problems() }
            switch format {
            case .json: try printJSON(["problems": problems])
            case .table:
                let catalogue = try Catalogue.bundled(lang)
                if problems.isEmpty { print(catalogue.text("sources.check.none")) }
                for problem in problems {
                    print("\(problem.kind.rawValue)  " + catalogue.text(Message("sources.check.line", [
                        // The figures' numbers in the language's digits and list separator ("١، ٢، ٣"), as `sources list` numbers them.
                        "organisation": .text(problem.organisation),
                        "figures": .text(problem.figures.map(catalogue.numbers.serial).joined(separator: catalogue.text("bulletin.listSeparator"))),
                        "detail": .text(catalogue.text(problem.message))])))
                }
            }
        }
    }

    struct Measures: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The catalogue of measures; --add adds one.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var who: CallerOptions
        @Option(help: "Add a measure with this code.") var add: String?
        @Option(help: "Its name in English.") var name: String?
        @Option(help: "Its name in Russian.") var nameRu: String?
        @Option(help: "Its name in Arabic.") var nameAr: String?
        @Option(help: "The broader measure it lies within.") var within: String?
        @Option(help: "table or json") var format: TableOrJSON = .table

        func validate() throws {
            if add != nil, name == nil || nameRu == nil || nameAr == nil { throw ValidationError("--add needs --name, --name-ru and --name-ar") }
        }

        func run() async throws {
            if let add, let name, let nameRu, let nameAr {
                try await db.withStores { try await $0.sources.addMeasure(Measure(code: add, nameEn: name, nameRu: nameRu, nameAr: nameAr, within: within), by: who.caller) }
                print("added measure \(add)")
                return
            }
            let measures = try await db.withStores { try await $0.sources.measures() }
            switch format {
            case .json: try printJSON(["measures": measures])
            case .table: print(TextTable(header: ["CODE", "WITHIN", "NAME"], rows: measures.map { [$0.code, $0.within ?? "", $0.nameEn] }).rendered)
            }
        }
    }
}

/// The command line's tables of source figures.
enum SourcesText {
    static func comparison(_ c: SourceComparison) -> String {
        var lines = ["\(c.measure), \(c.window.from?.description ?? "start") to \(c.window.to?.description ?? "now")"]
        let rows = c.figures.map { row in
            [String(row.figure.id ?? 0), row.figure.organisation, row.figure.measure, row.figure.date.description,
             "\(row.figure.qualifier == .exact ? "" : row.figure.qualifier.rawValue + " ")\(row.figure.value.grouped)", row.figure.kind.rawValue,
             row.figure.area ?? "country", row.figure.coverage.text(statedOn: row.figure.date) + (row.matchesWindow ? "" : "  (another period)")]
        }
        lines.append(TextTable(header: ["ID", "ORGANISATION", "MEASURE", "STATED", "VALUE", "KIND", "AREA", "COVERS"], rows: rows, numeric: [0]).rendered)
        if let ledger = c.ledger {
            let records = "\(ledger.records.grouped) record\(ledger.records == 1 ? "" : "s")"
            // Beside figures of several areas the ledger's is the whole country's, which a reader must not take for one of theirs.
            lines.append("ledger (\(c.area ?? "whole country")): \(ledger.value.grouped) (\(records) of \(ledger.organisations) organisation\(ledger.organisations == 1 ? "" : "s"))")
        }
        // Each end by who stated it and the figure's id, and how far apart: a reader should not have to look them up.
        func ends(_ spread: SourceComparison.Spread) -> String {
            func who(_ figure: SourceFigure) -> String { figure.organisation + (figure.id.map { ", figure \($0)" } ?? "") }
            return "\(spread.min.grouped) (\(who(spread.minFigure))) to \(spread.max.grouped) (\(who(spread.maxFigure))), \((spread.max - spread.min).grouped) apart"
                + (spread.ratio.map { ", ×\($0)" } ?? "")
        }
        if let spread = c.spread {
            let scope = Set(c.figures.map(\.figure.area)).count > 1 ? "the country's figures shown" : "all shown"
            lines.append("spread of \(scope) (narrower measures and other periods too): " + ends(spread))
        }
        // Every disagreement, each by its measure, place and days, and everyone at either end.
        if !c.disagreements.isEmpty {
            lines.append("disagreements (figures of one measure, place and days, from two organisations or more, that cannot all be right):")
            for d in c.disagreements {
                func who(_ figures: [SourceFigure]) -> String {
                    figures.map { $0.organisation + ($0.id.map { ", figure \($0)" } ?? "") }.joined(separator: "; ")
                }
                // A number as stated, its qualifier with it: "at least 1,500" is not 1,500.
                func stated(_ figure: SourceFigure) -> String {
                    (figure.qualifier == .exact ? "" : figure.qualifier.rawValue + " ") + figure.value.grouped
                }
                let days = d.from.map { $0 == d.to ? "\($0)" : "\($0) to \(d.to)" } ?? "since the start to \(d.to)"
                lines.append("  \(d.measure), \(d.area ?? "country"), \(days): \(stated(d.lowest[0])) (\(who(d.lowest))) to \(stated(d.highest[0])) (\(who(d.highest))), "
                             + "\(d.gap.grouped) apart" + (d.ratio.map { ", ×\($0)" } ?? ""))
            }
        }
        if !c.projections.isEmpty {
            lines.append("projections (not counts):")
            lines += c.projections.map { "  \($0.figure.organisation) \($0.figure.date): \($0.figure.qualifier.rawValue) \($0.figure.value.grouped)" }
        }
        return lines.joined(separator: "\n")
    }
}

extension Coverage {
    /// `since 2018-07-01`, `since the start`, `2018-01-01/2018-12-31`.
    func text(statedOn date: Day) -> String {
        switch self {
        case .cumulative(let since): "since \(since?.description ?? "the start")"
        case .period(let period): period.description
        }
    }
}
