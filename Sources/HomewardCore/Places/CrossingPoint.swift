/// A place where returns are counted: a land border crossing, or a corridor or checkpoint inside the country.
public struct CrossingPoint: Hashable, Sendable, Codable {
    /// The centre's own short code, such as `LBN-01`; crossing points have no international standard code.
    public var code: String
    public var nameEn: String
    public var nameAr: String
    /// The neighbouring country for a border crossing; `nil` for an internal crossing.
    public var country: String?
    /// The crossing's name on the other side of the border, where it differs.
    public var counterpartName: String?
    /// The finest known area on the home side.
    public var adminPcode: String?
    public var note: String?

    public var isInternal: Bool { country == nil }

    public init(code: String, nameEn: String, nameAr: String = "", country: String?, counterpartName: String? = nil,
                adminPcode: String?, note: String? = nil) {
        self.code = code
        self.nameEn = nameEn
        self.nameAr = nameAr
        self.country = country
        self.counterpartName = counterpartName
        self.adminPcode = adminPcode
        self.note = note
    }
}
