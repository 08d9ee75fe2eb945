import HomewardCore

/// The checks of one row that read nothing of the rows around it: its cells, its dates, and the kind's rules where
/// they keep no running state (``ImportRules/checksRowsApart``).
///
/// Being pure, they run a chunk ahead on the task that reads the file (``CSVRows``), beside the run that takes the
/// rows before: the rules were a third of the run's work, and the run set the pace of an import. A row screened there
/// and one screened by the run are screened by the same value.
struct RowScreen<Rules: ImportRules>: Sendable {
    typealias Field = Rules.Field

    /// What the screen made of a row, for the run to take in the file's order.
    enum Screened: Sendable {
        /// A row of empty cells: read past, as a spreadsheet's blank lines are.
        case blank
        /// A row refused before any rule: values past the last column, a cell no record may hold, a date read either way.
        case refused(ImportProblem)
        /// A row to take, with the rules' outcome when they checked it here.
        case drafted(ImportDraft<Field>, checked: ImportOutcome<Rules.Record>?)
    }

    /// `nil` for JSON, whose objects come as drafts.
    let layout: ImportLayout<Field>?
    let dateOrder: DateOrder?
    let vocabulary: Vocabulary
    /// The rules, when a row's check needs nothing of the rows before it.
    let rules: Rules?
    /// The fields that give dates (`#date`, `#date+start`, `#date+end`, `#date+since`).
    private let dateFields = Array(Set(["#date", "#date+start", "#date+end", "#date+since"].compactMap { HXLTag($0).flatMap(Field.init(tag:)) }))

    init(layout: ImportLayout<Field>?, request: ImportRequest, rules: Rules?) {
        self.layout = layout
        dateOrder = request.dateOrder
        vocabulary = request.vocabulary
        self.rules = rules.flatMap { Rules.checksRowsApart ? $0 : nil }
    }

    /// The most characters a cell holds: a citation with its address fits, a pasted report does not; an organisation's
    /// name as many as one made on a page.
    static func limit(of field: Field) -> Int { field.jsonKey == "organisation" ? PlainName.maximum : 1_000 }

    /// What no cell of any kind may hold, and the value as a problem shows it: a NUL, which no database column takes
    /// (PostgreSQL refuses the whole statement: a damaged file); a direction override, which turns round what follows it
    /// where the text is shown, a figure too; more than `limit` characters (one partner's 2 MB source on every row would
    /// fill the ledger and every answer listing it), told by its start rather than echoed whole.
    static func cellProblem(_ value: String, limit: Int) -> (Message, shown: String)? {
        if value.containsNUL { return (Message("import.nul"), value) }
        if value.containsDirectionControl { return (Message("import.directionControl"), String(value.prefix(40))) }
        if value.utf8.count > limit, value.unicodeScalars.count > limit {
            return (Message("import.cell.tooLong", ["maximum": .count(limit)]), String(value.prefix(40)) + "…")
        }
        return nil
    }

    /// `2024-03-15`, `2024-03` or `2024`: no other way of writing a date to look at, as every row of most files is.
    private static func isWrittenAsHomewardDoes(_ value: String) -> Bool {
        let count = value.utf8.count
        return count == 4 || (count == 7 || count == 10) && value.utf8.dropFirst(4).first == UInt8(ascii: "-")
    }

    /// Screens a data row of a CSV file; `row` is its number as a spreadsheet gives it.
    func screen(_ cells: [String], row: Int) -> Screened {
        guard let layout else { preconditionFailure("a CSV row is screened once the layout is known") }
        if cells.allSatisfy(\.isBlank) { return .blank }
        if let problem = layout.extraValues(in: cells, row: row) { return .refused(problem) }
        return screen(layout.draft(row: cells, number: row))
    }

    /// Screens a draft: a CSV row's, or a JSON object's.
    func screen(_ given: ImportDraft<Field>) -> Screened {
        var draft = given
        // Every cell once, for what no kind of record takes, before any rule or organisation reads the row.
        for field in Field.allCases {
            guard let value = draft.values[field.rawValue], let (message, shown) = Self.cellProblem(value, limit: Self.limit(of: field)) else { continue }
            return .refused(ImportProblem(row: draft.row, column: draft.label(field), value: shown, message))
        }
        // Dates a spreadsheet wrote its own way (15/03/2024, 2024/3/5) are read as Homeward writes them, before any rule.
        for field in dateFields {
            guard let value = draft[field], !Self.isWrittenAsHomewardDoes(value) else { continue }
            switch DateOrder.iso(value, order: dateOrder) {
            case .none: continue
            case .date(let text):
                // The row's identity takes the date as read too: the same rows saved again by a spreadsheet that writes
                // 15/03/2024 for 2024-03-15 are the same records, not new ones beside them.
                if let index = layout?.contentIndex(of: field), index < draft.content.count {
                    draft.content[index] = text
                } else if let raw = draft.values[field.rawValue], let index = draft.content.firstIndex(of: "\(draft.label(field))=\(raw)") {
                    draft.content[index] = "\(draft.label(field))=\(text)"
                }
                draft.values[field.rawValue] = text
            case .eitherWay:
                return .refused(ImportProblem(row: draft.row, column: draft.label(field), value: value,
                                              Message("import.date.order", ["via": vocabulary.argument])))
            }
        }
        guard var rules else { return .drafted(draft, checked: nil) }
        return .drafted(draft, checked: rules.check(draft))
    }
}
