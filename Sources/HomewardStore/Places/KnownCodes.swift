import SQLKit

/// Filters by a code that names nothing are refused, naming the field, rather than answered with an empty list, which
/// would read as "nothing recorded" (as a crossing code in totals is).
enum KnownCodes {
    /// An area's P-code, at any level, as stored: asked in any letter case (`sy02`), as imports read it.
    static func area(_ pcode: String?, on db: any SQLDatabase) async throws -> String? {
        guard let pcode else { return nil }
        guard let stored = try await db.raw("SELECT pcode FROM admin_areas WHERE pcode IN (\(bind: pcode), \(bind: asciiUppercased(pcode))) ORDER BY pcode")
            .first(decodingColumn: "pcode", as: String.self) else {
            throw StoreError.invalid(field: "area", value: pcode, reason: "no area has this P-code")
        }
        return stored
    }

    /// A code in capitals, its ASCII letters only: SQL's `UPPER` treats other letters by the database's own rules, which differ
    /// between SQLite and PostgreSQL, and would pass by the index.
    static func asciiUppercased(_ code: String) -> String {
        String(code.map { $0.isASCII ? Character($0.uppercased()) : $0 })
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
