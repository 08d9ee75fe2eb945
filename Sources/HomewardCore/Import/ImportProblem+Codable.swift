/// A problem in JSON, as the API and `homeward import --format json` write it: the located `reason` as
/// before (partners' scripts read it), and beside it the `code` and `arguments` a program can compare in
/// any language.
///
/// ```json
/// {"row": 2, "column": "date", "value": "2019-02-02", "severity": "error",
///  "code": "import.date.future", "arguments": {"today": "2019-02-01"},
///  "reason": "the date is in the future (today is 1 February 2019); figures are recorded after the fact"}
/// ```
///
/// Arguments are written as ``MessageArgument/wireText``. A problem read back keeps the reason as it
/// was written, and its arguments as text: written again in another language, a count among them takes
/// the `other` plural form.
extension ImportProblem: Codable {
    enum CodingKeys: String, CodingKey {
        case row, column, value, reason, code, arguments, severity
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let arguments = try container.decodeIfPresent([String: String].self, forKey: .arguments) ?? [:]
        self.init(row: try container.decode(Int.self, forKey: .row),
                  column: try container.decode(String.self, forKey: .column),
                  value: try container.decode(String.self, forKey: .value),
                  Message(try container.decodeIfPresent(String.self, forKey: .code) ?? "", arguments.mapValues(MessageArgument.text)),
                  severity: try container.decodeIfPresent(Severity.self, forKey: .severity) ?? .error)
        writtenReason = try container.decode(String.self, forKey: .reason)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(row, forKey: .row)
        try container.encode(column, forKey: .column)
        try container.encode(value, forKey: .value)
        try container.encode(reason, forKey: .reason)
        try container.encode(code, forKey: .code)
        try container.encode(message.arguments.mapValues(\.wireText), forKey: .arguments)
        try container.encode(severity, forKey: .severity)
    }
}
