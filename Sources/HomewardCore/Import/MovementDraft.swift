/// The values one row (or JSON object) gives for a movement, before the rules have read them.
public struct MovementDraft: Sendable {
    /// The row as a spreadsheet numbers it, or the object's position in a JSON batch.
    public var row: Int
    /// Indexed by ``MovementField/rawValue``; `nil` or empty when the row gives nothing.
    public var values: [String?]
    /// Where each field came from, for messages: a column header, `--set #tag` or a JSON key.
    public var labels: [String]
    /// Every non-count value of the row, the identity of a movement that has no `#meta+id`.
    public var content: [String]

    public init(row: Int, values: [String?], labels: [String], content: [String]) {
        self.row = row
        self.values = values
        self.labels = labels
        self.content = content
    }

    /// The field's trimmed value, `nil` when absent or blank.
    public subscript(field: MovementField) -> String? {
        guard let trimmed = values[field.rawValue]?.trimmingBlanks, !trimmed.isEmpty else { return nil }
        return trimmed
    }

    public func label(_ field: MovementField) -> String { labels[field.rawValue] }

    public func has(_ field: MovementField) -> Bool { !labels[field.rawValue].isEmpty }
}
