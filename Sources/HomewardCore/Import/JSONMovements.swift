import Foundation

/// Movements given as JSON: one object, an array of objects, or `{"movements": [...]}`.
///
/// Keys: `date` (or `start` and `end`), `crossing`, `category`, `origin`, `destination`, `persons`
/// (or `refugees` / `idps`), `organisation`, `source`, `id`. The same rules as for CSV rows apply.
public enum JSONMovements {
    /// The drafts of every object, numbered from 1 in their order.
    /// - Throws: ``ImportError`` for text that is not JSON of that shape, an unknown key, or a value of the wrong
    ///   JSON type (counts are numbers or strings, everything else strings or null), as the API's schema says.
    public static func drafts(from data: Data) throws -> [MovementDraft] {
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw ImportError("the body is not JSON: \((error as NSError).localizedDescription)")
        }
        let objects: [Any]
        if let array = value as? [Any] {
            objects = array
        } else if let object = value as? [String: Any], let list = object["movements"] as? [Any] {
            objects = list
        } else if value is [String: Any] {
            objects = [value]
        } else {
            throw ImportError("expected a movement object, an array of them, or {\"movements\": [...]}")
        }
        var problems: [ImportProblem] = []
        var drafts: [MovementDraft] = []
        for (index, item) in objects.enumerated() {
            guard let object = item as? [String: Any] else {
                problems.append(ImportProblem(row: index + 1, column: "", value: "", reason: "not a JSON object"))
                continue
            }
            var values = [String?](repeating: nil, count: MovementField.allCases.count)
            var labels = [String](repeating: "", count: MovementField.allCases.count)
            var content: [String] = []
            for (key, raw) in object.sorted(by: { $0.key < $1.key }) {
                guard let field = MovementField(jsonKey: key) else {
                    problems.append(ImportProblem(row: index + 1, column: key, value: "", reason:
                        "unknown key; the keys are date, start, end, crossing, category, origin, destination, persons, refugees, idps, organisation, source, id"))
                    continue
                }
                let text: String?
                switch raw {
                case is NSNull: text = nil
                case let string as String: text = string
                case let number as NSNumber where field.isCount: text = number.stringValue
                default:
                    problems.append(ImportProblem(row: index + 1, column: key, value: "\(raw)",
                                                  reason: field.isCount ? "expected a number or a string" : "expected a string"))
                    continue
                }
                values[field.rawValue] = text
                labels[field.rawValue] = key
                if !field.isCount { content.append("\(key)=\(text ?? "")") }
            }
            // Counts may be absent; label them so that messages name the key a client would send.
            for field in [MovementField.persons, .category, .date, .organisation] where labels[field.rawValue].isEmpty {
                labels[field.rawValue] = field == .persons ? "persons" : field == .category ? "category" : field == .date ? "date" : "organisation"
            }
            drafts.append(MovementDraft(row: index + 1, values: values, labels: labels, content: content))
        }
        if !problems.isEmpty { throw ImportError(problems) }
        return drafts
    }
}
