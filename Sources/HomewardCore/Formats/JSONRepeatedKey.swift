import Foundation

/// A key that one JSON object gives twice. Foundation keeps one of the two without a word (`JSONSerialization` the
/// last, `JSONDecoder` the first), so a record `{"persons": 5, "persons": 7}` would be written with a figure its
/// sender may not have meant; Homeward refuses it instead.
public struct JSONRepeatedKey: Sendable, Equatable {
    /// A step from the text's top down to the object: a key of an object, or a position (from 0) in an array.
    public enum Step: Sendable, Equatable {
        case key(String)
        case index(Int)
    }

    public let key: String
    /// The object's place in the text.
    public let path: [Step]

    public init(key: String, path: [Step]) {
        self.key = key
        self.path = path
    }

    /// Whether `data` can be JSON in UTF-8, as RFC 8259 requires: UTF-16 or UTF-32 text (which Foundation also parses)
    /// holds a zero byte beside every ASCII character, and would pass the byte scan below unread.
    public static func isUTF8(_ data: Data) -> Bool {
        !data.contains(0)
    }

    /// Every key given twice in one object of `data`, in the text's order, each object's key once.
    /// `data` must be valid JSON (parsed already) in UTF-8 (``isUTF8(_:)``): the scan only follows its brackets and strings.
    public static func all(in data: Data) -> [JSONRepeatedKey] {
        data.withUnsafeBytes { scan($0) }
    }

    /// A container open at a point of the scan.
    private struct Frame {
        /// The keys an object gave so far; `nil` for an array.
        var keys: Set<String>?
        var repeated: Set<String> = []
        /// An array's position, or an object's key, of the value being read.
        var index = 0
        var lastKey = ""
        var expectingKey = true
    }

    private static func scan(_ bytes: UnsafeRawBufferPointer) -> [JSONRepeatedKey] {
        var found: [JSONRepeatedKey] = []
        var stack: [Frame] = []
        var at = 0
        while at < bytes.count {
            switch bytes[at] {
            case UInt8(ascii: "{"): stack.append(Frame(keys: []))
            case UInt8(ascii: "["): stack.append(Frame(keys: nil))
            case UInt8(ascii: "}"), UInt8(ascii: "]"): _ = stack.popLast()
            case UInt8(ascii: ","):
                if stack.last?.keys == nil { stack[stack.count - 1].index += 1 } else { stack[stack.count - 1].expectingKey = true }
            case UInt8(ascii: "\""):
                var end = at + 1
                var escaped = false
                while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
                    if bytes[end] == UInt8(ascii: "\\") { escaped = true; end += 1 }
                    end += 1
                }
                if let frame = stack.last, frame.keys != nil, frame.expectingKey {
                    let key = text(bytes[at ... min(end, bytes.count - 1)], escaped: escaped)
                    stack[stack.count - 1].expectingKey = false
                    stack[stack.count - 1].lastKey = key
                    if stack[stack.count - 1].keys!.insert(key).inserted == false, frame.repeated.contains(key) == false {
                        stack[stack.count - 1].repeated.insert(key)
                        found.append(JSONRepeatedKey(key: key, path: stack.dropLast().map { $0.keys == nil ? .index($0.index) : .key($0.lastKey) }))
                    }
                }
                at = end
            default: break
            }
            at += 1
        }
        return found
    }

    /// A key's text as JSON means it: `"\u0061"` is the key `a`.
    private static func text(_ quoted: Slice<UnsafeRawBufferPointer>, escaped: Bool) -> String {
        guard escaped else { return String(decoding: quoted.dropFirst().dropLast(), as: UTF8.self) }
        return (try? JSONSerialization.jsonObject(with: Data(quoted), options: [.fragmentsAllowed])) as? String
            ?? String(decoding: quoted.dropFirst().dropLast(), as: UTF8.self)
    }
}
