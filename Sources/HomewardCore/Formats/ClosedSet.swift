/// Codes of a closed set, as JSON carries them: an unknown one is refused naming the ones it may be, not with
/// the decoder's words ("Cannot initialize Status from invalid String value …").
public protocol ClosedSet: RawRepresentable<String>, CaseIterable, Decodable {}

extension ClosedSet {
    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(rawValue: raw) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "'\(raw)' is not one of \(Self.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        self = value
    }
}
