import ArgumentParser
import Foundation
import HomewardCore
import HomewardStore

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "The audit log: every change, import, sign-in, token and refusal, with who, when and from where.")
    @OptionGroup var db: DatabaseOptions
    @Option(help: "Entries from this day on (YYYY-MM-DD, UTC).") var from: Day?
    @Option(help: "Entries up to the end of this day (YYYY-MM-DD, UTC).") var to: Day?
    @Option(help: "Entries by this person (signed in or through a token).") var user: String?
    @Option(help: "Entries about this kind of record (movements, site, person, token, session, …).") var kind: String?
    @Option(help: "Entries after the one with this id (the next page, or what was added since).") var after: Int?
    @Option(help: "At most this many entries, oldest first.") var limit = 10_000
    @Option(help: "table, json or csv") var format: OutputFormat = .table

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit \(limit): expected 1 or more") }
    }

    func run() async throws {
        let entries = try await db.withStores { try await $0.access.audit(from: from, to: to, login: user, kind: kind, after: after, limit: limit) }
        if entries.count == limit, let last = entries.last {
            FileHandle.standardError.write(Data("\(limit) entries shown, up to id \(last.id); more may follow: --after \(last.id)\n".utf8))
        }
        switch format {
        case .json: try printJSON(["entries": entries])
        case .csv:
            print("id,at,actor,address,action,kind,record,detail,before,after")
            for e in entries {
                print([String(e.id), e.at, e.actor, e.address ?? "", e.action, e.kind, e.record ?? "", e.detail ?? "", e.before ?? "", e.after ?? ""]
                    .map(CSVWriter.field).joined(separator: ","))
            }
        case .table:
            // What a change changed, beside it: the before and after in full are in json and csv.
            print(TextTable(header: ["ID", "AT", "WHO", "FROM", "ACTION", "KIND", "RECORD", "DETAIL", "CHANGED"],
                            rows: entries.map { [String($0.id), $0.at, $0.actor, $0.address ?? "", $0.action, $0.kind, $0.record ?? "", $0.detail ?? "",
                                                 $0.change ?? ""] },
                            numeric: [0]).rendered)
        }
    }
}
