/// One row (or JSON object) of an import as it was given, before its kind's rules read it.
public struct ImportDraft<Field: ImportField>: Sendable {
    /// The row as a spreadsheet numbers it, or the object's position in a JSON batch.
    public var row: Int
    /// Indexed by the field's raw value; `nil` or empty when the row gives nothing.
    public var values: [String?]
    /// Where each field came from, for messages: a column header, `--set #tag` or a JSON key.
    public var labels: [String]
    /// Every value of the row but its figures: the identity of a record that has no `#meta+id`.
    public var content: [String]

    public init(row: Int, values: [String?], labels: [String], content: [String]) {
        self.row = row
        self.values = values
        self.labels = labels
        self.content = content
    }

    /// The field's trimmed value, `nil` when absent or blank.
    public subscript(field: Field) -> String? {
        guard let trimmed = values[field.rawValue]?.trimmingBlanks, !trimmed.isEmpty else { return nil }
        return trimmed
    }

    public func label(_ field: Field) -> String { labels[field.rawValue] }

    public func has(_ field: Field) -> Bool { !labels[field.rawValue].isEmpty }
}
