/// A governorate, district, sub-district or community, named by its OCHA P-code.
public struct AdminArea: Hashable, Sendable, Codable {
    public var pcode: String
    public var level: AdminLevel
    public var nameEn: String
    public var nameAr: String
    /// The P-code of the area one level up; `nil` for a governorate.
    public var parent: String?
    public var latitude: Double?
    public var longitude: Double?

    public init(pcode: String, level: AdminLevel, nameEn: String, nameAr: String, parent: String?,
                latitude: Double? = nil, longitude: Double? = nil) {
        self.pcode = pcode
        self.level = level
        self.nameEn = nameEn
        self.nameAr = nameAr
        self.parent = parent
        self.latitude = latitude
        self.longitude = longitude
    }
}
