import SQLKit

/// Filters by a code that names nothing are refused, naming the field, rather than answered with an empty list, which
/// would read as "nothing recorded" (as a crossing code in totals is).
enum KnownCodes {
    /// An area's P-code, at any level.
    static func checkArea(_ pcode: String?, on db: any SQLDatabase) async throws {
        guard let pcode else { return }
        if try await db.raw("SELECT 1 AS found FROM admin_areas WHERE pcode = \(bind: pcode)").first() == nil {
            throw StoreError.invalid(field: "area", value: pcode, reason: "no area has this P-code")
        }
    }

    /// A code of a catalogue table (`aid_types`, `facility_kinds`, `source_measures`), listing the codes there are.
    static func check(_ code: String?, field: String, in table: String, naming what: String, on db: any SQLDatabase) async throws {
        guard let code else { return }
        let codes = try await db.raw("SELECT code FROM \(unsafeRaw: table) ORDER BY code").all().map { try $0.decode(column: "code", as: String.self) }
        if !codes.contains(code) {
            throw StoreError.invalid(field: field, value: code, reason: "no \(what) has this code; the codes: \(codes.joined(separator: ", "))")
        }
    }
}
