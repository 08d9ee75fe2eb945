import ArgumentParser
import Foundation
import HomewardCore
import HomewardStore

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import records (movements by default) from HXL-tagged CSV, a plain spreadsheet with a mapping, or JSON.",
        discussion: """
            The whole file is one transaction: a rejected row means nothing is written and the command \
            exits non-zero, unless --skip-invalid. Importing the same file again imports nothing new; a row \
            with the same #meta+id (or, without one, the same other cells) and a changed count is updated.

            Example, a plain OCHA spreadsheet of one month:
              homeward import returns.csv --org "OCHA Turkey" --set '#date=2019-01' \\
                --map 'Nahya PCODE=#adm3+dest+code' --map 'Ret_Flow_Estimation=#affected+returnees+idps+num'
            """
    )

    @OptionGroup var db: DatabaseOptions
    @OptionGroup var who: CallerOptions

    @Argument(help: "The file to import; - reads standard input.")
    var file: String

    @Option(help: "The kind of record the file holds: \(RecordKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var records: RecordKind = .movements

    @Option(name: .customLong("map"), help: ArgumentHelp("Read a column (or a JSON export's key) as an HXL tag: 'Header=#tag'. Repeatable.", valueName: "header=#tag"))
    var mappings: [String] = []

    @Option(name: .customLong("set"), help: ArgumentHelp("Give every row this value: '#tag=value'. Repeatable.", valueName: "#tag=value"))
    var constants: [String] = []

    @Option(help: "The reporting organisation of rows that name none (created on first use).")
    var org: String?

    @Option(help: "The input's format; default: json for .json files, csv otherwise.")
    var input: ImportRequest.Format?

    @Option(help: "The CSV field separator: , ; or tab.")
    var delimiter: String = ","

    @Option(help: "Which comes first in dates written with day and month apart (15/03/2024): dmy or mdy. Without it, only those that read one way are read.")
    var dateOrder: DateOrder?

    @Flag(help: "Check and count against the database, and write nothing.")
    var dryRun = false

    @Flag(help: "Write the valid rows, and report the rejected ones.")
    var skipInvalid = false

    @Option(help: "How to print the summary: text or json.")
    var format: TextOrJSON = .text

    @Option(help: "The language of the summary and its problems: en, ru or ar. Codes stay as they are.")
    var lang: Language = .en

    /// `--map`, `--set` and `--delimiter` refused as options, with this command's usage, before anything is read.
    func validate() throws {
        _ = try Self.option("--map", mappings, ImportOptionPairs.mapping)
        _ = try Self.option("--set", constants, ImportOptionPairs.constants)
        _ = try delimiterByte()
    }

    func run() async throws {
        var request = ImportRequest(
            sourceName: file == "-" ? "standard input" : URL(fileURLWithPath: file).lastPathComponent,
            format: input ?? (file.lowercased().hasSuffix(".json") ? .json : .csv),
            mapping: try Self.option("--map", mappings, ImportOptionPairs.mapping),
            constants: try Self.option("--set", constants, ImportOptionPairs.constants),
            organisation: org, dryRun: dryRun, skipInvalid: skipInvalid, today: try today(),
            delimiter: try delimiterByte(), vocabulary: .commandLine)
        request.dateOrder = dateOrder
        let source = try ByteSource.file(file)
        let bar = ProgressBar(total: source.totalBytes, label: "importing")
        var progress: (@Sendable (Int) -> Void)?
        if let bar { progress = { bar.update($0) } }
        let summary: ImportSummary
        do {
            summary = try await db.withStores { stores in
                try await stores.importRecords(records, request, from: source, by: who.caller, progress: progress)
            }
        } catch let error as ImportError {
            // The file as a whole could not be read: report it as a summary all the same.
            summary = ImportSummary(status: .error, dryRun: dryRun, problems: error.problems)
        } catch StoreError.forbiddenRecords(_, let refused) {
            // Rows of an organisation this account may not write: named as any refused row, under the file's name.
            summary = refused
        }
        bar?.finish()
        let catalogue = try Catalogue.bundled(lang)
        switch format {
        case .json: try printJSON(summary.written(in: catalogue))
        case .text: print(summary.text(in: catalogue, file: request.sourceName))
        }
        if summary.status == .error { throw ExitCode.failure }
    }

    private static func option(_ name: String, _ values: [String],
                               _ read: ([String]) throws(ImportOptionPairs.Malformed) -> [String: String]) throws -> [String: String] {
        do {
            return try read(values)
        } catch {
            throw ValidationError("\(name) '\(error.value)': expected '\(error.expected)'")
        }
    }

    private func delimiterByte() throws -> UInt8 {
        guard let byte = ImportRequest.delimiter(named: delimiter) else { throw ValidationError("--delimiter '\(delimiter)': expected , ; or tab") }
        return byte
    }
}

extension ImportRequest.Format: ExpressibleByArgument {}
extension RecordKind: ExpressibleByArgument {}
extension DateOrder: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}
