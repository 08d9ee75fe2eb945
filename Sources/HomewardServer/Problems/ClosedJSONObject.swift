import Foundation
import HomewardCore

/// A request body of one JSON object whose keys are checked: a misspelt optional key (`"deadlne"`, `"publc"`) would
/// otherwise be dropped without a word, and the record written without what the partner sent.
///
/// The import's records (movements, facilities, aid, figures) are checked by ``JSONRecords``; these are the others.
protocol ClosedJSONObject: Decodable {
    associatedtype Keys: CodingKey & CaseIterable
}

extension ClosedJSONObject {
    /// Decodes `data` as one object of this type, refusing a key it does not know or gives twice (400, `field` the key).
    static func decode(from data: Data) throws -> Self {
        guard JSONRepeatedKey.isUTF8(data) else { throw Problem.notUTF8 }
        do {
            let value = try JSONDecoder().decode(Checked<Self>.self, from: data).value
            if let repeated = JSONRepeatedKey.all(in: data).first { throw Problem.repeatedKey(repeated) }
            return value
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            // Foundation says only "not valid JSON", for an empty body and for a number too large for a count alike.
            throw whyNotRead(data) ?? DecodingError.dataCorrupted(context)
        }
    }

    /// What is wrong with a body the decoder could not read at all, where it can be told.
    static func whyNotRead(_ data: Data) -> Problem? {
        if data.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) { return .badRequest("body", "the body is empty: send one JSON object") }
        guard let value = try? JSONSerialization.jsonObject(with: data) else {
            return .badRequest("body", "the body is not JSON: check its quotes, commas and brackets")
        }
        // Every number these objects take is a whole one (a capacity, persons per cycle, a session's id).
        if let object = value as? [String: Any] {
            for key in object.keys.sorted() {
                guard let number = (object[key] as? NSNumber)?.doubleValue else { continue }
                if number.magnitude >= 9.2e18 { return .badRequest(key, "a number too large for any count or quantity") }
                if number.rounded() != number { return .badRequest(key, "a whole number is needed") }
            }
        }
        return nil
    }

    /// Throws for the first key, in alphabetical order, of the object being decoded that is not one of ``Keys``:
    /// for objects nested in another (a session's participants), from their own `init(from:)`.
    static func refuseUnknownKeys(in decoder: any Decoder) throws {
        let known = Keys.allCases.map(\.stringValue)
        // Only an object has keys; anything else fails in the type's own decoding, with its own message.
        guard let object = try? decoder.container(keyedBy: AnyKey.self),
              let unknown = object.allKeys.map(\.stringValue).sorted().first(where: { !known.contains($0) }) else { return }
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [AnyKey(stringValue: unknown)],
                                                debugDescription: "unknown key; the keys are \(known.sorted().joined(separator: ", "))"))
    }
}

extension Problem {
    /// A JSON body in UTF-16 or UTF-32, which Foundation would read but the repeated-key scan could not.
    static var notUTF8: Problem { .badRequest("body", "the body is not UTF-8: send JSON as UTF-8 text") }

    /// A key one object of the body gives twice, of which the decoder would have kept one without a word.
    static func repeatedKey(_ repeated: JSONRepeatedKey, record: Int? = nil) -> Problem {
        .badRequest(repeated.key, "'\(repeated.key)' is given twice in one object\(record.map { " (record \($0))" } ?? ""): send each key once")
    }
}

private struct Checked<Value: ClosedJSONObject>: Decodable {
    let value: Value

    init(from decoder: any Decoder) throws {
        try Value.refuseUnknownKeys(in: decoder)
        value = try Value(from: decoder)
    }
}

private struct AnyKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
