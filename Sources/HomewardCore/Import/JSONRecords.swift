import Foundation

/// Records given as JSON: one object, an array of objects, or an object holding the array under
/// the kind's name (`{"movements": [...]}`).
///
/// The keys are the fields' ``ImportField/jsonKey``s; the kind's rules then apply as for CSV rows.
public enum JSONRecords {
    /// The class of JSON's `true` and `false`, which Foundation hands over as numbers (1 and 0) like any other.
    private static let boolean = type(of: NSNumber(value: true))

    /// The drafts of every object, numbered from 1 in their order.
    /// - Throws: ``ImportError`` for text that is not JSON of that shape, an unknown key, a key given twice in one object, or a value of the wrong
    ///   JSON type (figures are numbers or strings, everything else strings or null), as the API's schema says.
    public static func drafts<Field: ImportField>(from data: Data, as field: Field.Type, listKey: String) throws -> [ImportDraft<Field>] {
        try read(from: data, as: field, listKey: listKey).drafts
    }

    /// The drafts of every object, and the keys passed over.
    ///
    /// A form's export (KoboToolbox's JSON) names its keys by the form's questions (`grp/date`): `mapping` says which key
    /// gives which field by its HXL tag, as `--map` does for a spreadsheet's headers, `constants` what every record takes;
    /// with a mapping, the export's other keys (`_id`, `_attachments`…) are passed over as a CSV's unread columns are,
    /// and `meta/rootUuid` (a submission's through its edits), else `_uuid`, names the record where no key gives its id.
    public static func read<Field: ImportField>(from data: Data, as _: Field.Type, listKey: String, mapping: [String: String] = [:],
                                                constants: [String: String] = [:], vocabulary: Vocabulary = .commandLine)
        throws -> (drafts: [ImportDraft<Field>], ignoredKeys: [String], unmapped: [ImportProblem]) {
        // A workbook or another packed document sent as JSON is named so, as the CSV reader names it.
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { throw ImportError(Message("import.csv.workbook")) }
        guard JSONRepeatedKey.isUTF8(data) else { throw ImportError(Message("import.json.notUTF8")) }
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw ImportError(unreadable(data, error as NSError))
        }
        let repeatedKeys = JSONRepeatedKey.all(in: data)
        if !repeatedKeys.isEmpty {
            throw ImportError(repeatedKeys.map { repeated in
                ImportProblem(row: record(of: repeated.path, listKey: listKey), column: repeated.key, value: "", Message("import.json.repeatedKey"))
            })
        }
        let objects: [Any]
        if let array = value as? [Any] {
            objects = array
        } else if let object = value as? [String: Any], let list = object[listKey] as? [Any] {
            // Nothing beside the list: a `"dry_run": true` there would otherwise be dropped, and the records written.
            if let other = object.keys.sorted().first(where: { $0 != listKey }) {
                throw ImportError([ImportProblem(row: 0, column: other, value: "", Message("import.json.besideList", ["list": .code(listKey)]))])
            }
            objects = list
        } else if value is [String: Any] {
            objects = [value]
        } else {
            throw ImportError(Message("import.json.shape", ["list": .code(listKey)]))
        }
        var problems: [ImportProblem] = []
        var drafts: [ImportDraft<Field>] = []
        // With a mapping, a record is read as a mapped spreadsheet is, by its mapping alone: a KoboToolbox export's own
        // `start` and `end` (when the form was filled in) are no period of the record.
        var fieldsByKey = mapping.isEmpty ? Field.byJSONKey : [:]
        let option = { (name: String) in (vocabulary == .commandLine ? "--" : "") + name }
        for (key, text) in mapping.sorted(by: { $0.key < $1.key }) {
            guard let field = HXLTag(text).flatMap(Field.init(tag:)) else {
                problems.append(ImportProblem(row: 0, column: option("map") + " " + key, value: text, Message("import.layout.constantNotRead", ["tags": .text(Field.tagList)])))
                continue
            }
            fieldsByKey[key] = field
        }
        var given: [(field: Field, value: String, label: String)] = []
        for (text, value) in constants.sorted(by: { $0.key < $1.key }) {
            guard let field = HXLTag(text).flatMap(Field.init(tag:)) else {
                problems.append(ImportProblem(row: 0, column: option("set") + " " + text, value: value, Message("import.layout.constantNotRead", ["tags": .text(Field.tagList)])))
                continue
            }
            given.append((field, value, option("set") + " " + text))
        }
        if !problems.isEmpty { throw ImportError(problems) }
        let passesOver = !mapping.isEmpty
        let idField = HXLTag("#meta+id").flatMap(Field.init(tag:))
        var ignoredKeys = Set<String>(), keysGiven = Set<String>(), unknownKeys = Set<String>()
        let fieldCount = Field.allCases.count
        for (index, item) in objects.enumerated() {
            guard let object = item as? [String: Any] else {
                problems.append(ImportProblem(row: index + 1, column: "", value: "", Message("import.json.notAnObject")))
                continue
            }
            var values = [String?](repeating: nil, count: fieldCount)
            var labels = [String](repeating: "", count: fieldCount)
            var content: [String] = []
            for (key, raw) in object.sorted(by: { $0.key < $1.key }) {
                guard let field = fieldsByKey[key] else {
                    if passesOver {
                        ignoredKeys.insert(key)
                        continue
                    }
                    // Said at the first record that gives it: the file's shape, not each record's (a 5,000-record export
                    // gave 5,000 problems a key).
                    if unknownKeys.insert(key).inserted {
                        problems.append(ImportProblem(row: index + 1, column: key, value: "",
                            Message("import.json.unknownKey", ["keys": .text(Field.jsonKeys.joined(separator: ", "))])))
                    }
                    continue
                }
                let text: String?
                switch raw {
                case is NSNull: text = nil
                case let string as String: text = string
                case let number as NSNumber where field.isFigure && type(of: number) != Self.boolean: text = number.stringValue
                default:
                    // A boolean as JSON wrote it, not as the number Foundation made of it ("true", not "1"); an object or an
                    // array as JSON writes it, not as Swift prints a dictionary ('["a": 1]').
                    let shown = (raw as? NSNumber).flatMap { type(of: $0) == Self.boolean ? ($0.boolValue ? "true" : "false") : nil }
                        ?? (JSONSerialization.isValidJSONObject(raw)
                            ? (try? JSONSerialization.data(withJSONObject: raw, options: [.sortedKeys, .fragmentsAllowed])).map { String(decoding: $0, as: UTF8.self) }
                            : nil)
                        ?? "\(raw)"
                    problems.append(ImportProblem(row: index + 1, column: key, value: shown,
                        Message(field.isFigure ? "import.json.expectedNumberOrString" : "import.json.expectedString")))
                    continue
                }
                values[field.rawValue] = text
                labels[field.rawValue] = key
                // A record without an id is known by its keys and values as sent, a null one too: stored records are keyed so,
                // and keying a null as a key left out would give every one sent with a null a new key on an upgrade (a retry
                // of a batch would then count it twice).
                if !field.isFigure { content.append("\(key)=\(text ?? "")") }
            }
            for constant in given where values[constant.field.rawValue] == nil {
                values[constant.field.rawValue] = constant.value
                labels[constant.field.rawValue] = constant.label
            }
            if passesOver, let idField, values[idField.rawValue] == nil,
               let (key, id) = [("meta/rootUuid", (object["meta/rootUuid"] as? String).map(ImportLayout<Field>.submissionID)),
                                ("_uuid", object["_uuid"] as? String)].first(where: { !($0.1 ?? "").isBlank }) {
                values[idField.rawValue] = id
                labels[idField.rawValue] = key
                ignoredKeys.remove(key)
            }
            // Figures may be absent; label them so that messages name the key a client would send.
            for field in Field.namedWhenAbsent where labels[field.rawValue].isEmpty {
                labels[field.rawValue] = field.jsonKey ?? ""
            }
            drafts.append(ImportDraft(row: index + 1, values: values, labels: labels, content: content))
            keysGiven.formUnion(object.keys)
        }
        if !problems.isEmpty { throw ImportError(problems) }
        // A key the mapping names that no record gives (a group's path, `movement/date`, where the export nests the group):
        // warned of, not left to read as "no date" at every row alone; a warning, since a form's question nobody answered
        // is a key no record of its export gives.
        let unmapped = objects.isEmpty ? [] : mapping.keys.sorted().filter { !keysGiven.contains($0) }.map { key in
            ImportProblem(row: 0, column: option("map") + " " + key, value: mapping[key] ?? "", Message("import.json.mapUnknownKey", [
                "via": vocabulary.argument, "keys": .text(keysGiven.sorted().prefix(40).joined(separator: ", "))]), severity: .warning)
        }
        // A key Homeward reads by itself (`id`, `organisation`) is passed over once a mapping is given: said, unless the
        // mapping or a constant gives its field, or it is a period's key beside a mapped date (a form's own `start` and `end`).
        let read = Set(fieldsByKey.values.map(\.rawValue) + given.map(\.field.rawValue))
        let periodKeys: Set<String> = ["date", "start", "end"]
        let datesMapped = fieldsByKey.values.contains { periodKeys.contains($0.jsonKey ?? "") }
        let passedOver = !passesOver ? [] : ignoredKeys.sorted().compactMap { key -> ImportProblem? in
            guard let field = Field.byJSONKey[key], !read.contains(field.rawValue), !(datesMapped && periodKeys.contains(key)) else { return nil }
            return ImportProblem(row: 0, column: key, value: "", Message("import.json.keyNotMapped", ["via": vocabulary.argument, "key": .code(key)]),
                                 severity: .warning)
        }
        return (drafts, ignoredKeys.sorted(), unmapped + passedOver)
    }

    /// Where the text stops being JSON, by line and column (Foundation says only "around character 8" in English, or
    /// nothing useful), or that it ends too soon.
    private static func unreadable(_ data: Data, _ error: NSError) -> Message {
        let detail = error.userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
        if let range = detail.range(of: #"around character [0-9]+"#, options: .regularExpression),
           let offset = Int(detail[range].split(separator: " ").last ?? ""), offset <= data.count {
            let before = data.prefix(offset)
            let line = before.count { $0 == 0x0A } + 1
            let column = String(decoding: before.suffix(from: (before.lastIndex(of: 0x0A).map { $0 + 1 }) ?? before.startIndex), as: UTF8.self).count + 1
            return Message("import.json.invalidAt", ["line": .count(line), "column": .count(column)])
        }
        // Darwin's Foundation says where by line and column itself.
        if let range = detail.range(of: #"line [0-9]+, column [0-9]+"#, options: .regularExpression) {
            let numbers = detail[range].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            if numbers.count == 2 { return Message("import.json.invalidAt", ["line": .count(numbers[0]), "column": .count(numbers[1])]) }
        }
        if detail.contains("end of file") || detail.contains("Unexpected end") { return Message("import.json.endsEarly") }
        return Message("import.json.invalid", ["detail": .text(detail.isEmpty ? error.localizedDescription : detail)])
    }

    /// The record (from 1) holding an object at `path`: one of the top array's, or of the list under `listKey`, or the one object.
    private static func record(of path: [JSONRepeatedKey.Step], listKey: String) -> Int {
        switch (path.first, path.dropFirst().first) {
        case (.index(let index)?, _), (.key(listKey)?, .index(let index)?): index + 1
        default: 1
        }
    }
}
