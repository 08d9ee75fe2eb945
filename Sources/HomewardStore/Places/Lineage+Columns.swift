import HomewardCore
import SQLKit

/// The `adm1` … `adm4` columns that facility records and aid actions keep beside their place, as movements keep
/// `dest_adm1` … `dest_adm4`, so a figure by any level is one condition or grouping.
extension Lineage {
    init(row: any SQLRow) throws {
        self.init()
        for level in AdminLevel.allCases { self[level] = try row.decode(column: "adm\(level.rawValue)", as: String?.self) }
    }

    /// Rows whose place is `pcode` or lies inside it, whatever its level.
    static func within(_ pcode: String) -> SQLQueryString {
        "(adm1 = \(bind: pcode) OR adm2 = \(bind: pcode) OR adm3 = \(bind: pcode) OR adm4 = \(bind: pcode))"
    }
}
