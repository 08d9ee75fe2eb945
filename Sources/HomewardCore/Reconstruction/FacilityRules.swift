/// The rules a facility record must pass: a real date, a known settlement, a kind of the catalogue, a status,
/// a quantity in the kind's unit (whole items, km to 0.1) and an organisation.
///
/// A commissioning that no reported start accounts for is accepted with a warning: stocks never go below zero.
public struct FacilityRules: ImportRules {
    public let gazetteer: Gazetteer
    public let kinds: [String: FacilityKind]
    public let today: Day
    public let defaultOrganisation: String?
    public let vocabulary: Vocabulary
    /// The records already stored, then each row of the file as it is accepted.
    public private(set) var ledger: RestorationLedger
    /// Commissionings to hold against the starts reported by their day, once every row is read (a file need not be in date
    /// order, and a start further down it counts), by key: a record given twice is held as its last row gives it.
    private var commissionings: [String: Check] = [:]
    /// Starts the file lowers or withdraws, by place: the commissionings stored there are held against what is left.
    private var lowered: [RestorationLedger.Place: Check] = [:]
    /// The records as stored before the file: a commissioning is blamed on the file only where the file lowered its start.
    private let stored: RestorationLedger
    /// The file's rows that give an id, by their record's key: a facility reported damaged or under restoration after its
    /// commissioning is said once every row is read (a file need not be in date order).
    private var identified: [String: Identified] = [:]

    /// A row of the file that names its facility by id.
    private struct Identified {
        var check: Check
        var organisation: String
        var id: String
        var status: FacilityStatus
    }

    /// Where a warning of the whole file will stand: the row, and the quantity's column and value as the row gives them.
    private struct Check {
        var row: Int
        var column: String
        var value: String
        var at: RestorationLedger.Place
        var day: Day
        var tenths: Int
    }

    /// The largest quantity one record may carry, in tenths: a million items or km.
    public static let maximumTenths = 10_000_000

    public init(gazetteer: Gazetteer, kinds: [FacilityKind], today: Day, defaultOrganisation: String? = nil,
                ledger: RestorationLedger = RestorationLedger(), vocabulary: Vocabulary = .commandLine) {
        self.gazetteer = gazetteer
        self.kinds = Dictionary(kinds.map { ($0.code, $0) }, uniquingKeysWith: { $1 })
        self.today = today
        self.defaultOrganisation = defaultOrganisation
        self.ledger = ledger
        stored = ledger
        self.vocabulary = vocabulary
    }

    public func organisation(of draft: ImportDraft<FacilityField>) -> String? { draft[.organisation] ?? defaultOrganisation }

    public mutating func check(_ draft: ImportDraft<FacilityField>) -> ImportOutcome<FacilityWork> { check(draft, counting: true) }

    /// Without the settlement's restoration so far: neither read nor added to.
    public mutating func checkWithoutCounting(_ draft: ImportDraft<FacilityField>) -> ImportOutcome<FacilityWork> { check(draft, counting: false) }

    private mutating func check(_ draft: ImportDraft<FacilityField>, counting: Bool) -> ImportOutcome<FacilityWork> {
        var checks = DraftChecks(draft, today: today)
        let date = checks.day(.date)
        let place = checks.area(FacilityField.place, levels: FacilityField.placeLevels, names: FacilityField.placeNames, gazetteer: gazetteer,
                                missing: Message("import.facilities.settlement.missing"))
        var kind: FacilityKind?
        if let code = checks.required(.kind, missing: Message("import.facilities.kind.missing", ["via": vocabulary.argument])) {
            kind = kinds[code] ?? kinds[code.lowercased()]
            if kind == nil { checks.fail(.kind, Message("import.facilities.kind.unknown", ["via": vocabulary.argument])) }
        }
        var status: FacilityStatus?
        if let text = checks.required(.status, missing: Message("import.facilities.status.missing")) {
            status = FacilityStatus(text: text)
            if status == nil { checks.fail(.status, Message("import.facilities.status.invalid")) }
        }
        let tenths = kind.flatMap { quantity(draft, unit: $0.unit, checks: &checks) }
        let organisation = organisation(of: draft)
        if organisation == nil {
            checks.fail(.organisation, Message("import.organisation.missing", ["via": vocabulary.argument]))
        }
        guard !checks.isRejected, let date, let place, let kind, let status, let tenths, let organisation, let settlement = place.finest else {
            return ImportOutcome(problems: checks.problems)
        }
        // A 0 withdraws the record its key finds (by its id, or by its other cells as a correction finds it), which the writer
        // keeps as a revision; where it finds none, it records nothing.
        let key = FacilityWork.key(externalId: draft[.externalId], status: status, organisation: organisation, content: draft.content)
        let at = RestorationLedger.Place(settlement: settlement, kind: kind.code)
        if counting {
            // The quantity's column as the row names it (its key where the row implies 1).
            let column = draft.label(.quantity).isEmpty ? FacilityField.quantity.jsonKey ?? "" : draft.label(.quantity)
            let check = Check(row: draft.row, column: column, value: ScaledNumber.string(tenths, decimals: 1), at: at, day: date, tenths: tenths)
            if status == .commissioned { commissionings[key] = check }
            // A start given less, later, or moved away lowers what was under restoration where it stood.
            if let was = ledger.place(of: key), let before = ledger.entry(was, key: key), before.status == .underRestoration,
               was != at || status != .underRestoration || before.tenths > tenths || before.day < date {
                lowered[was] = check
            }
            ledger.record(at, key: key, .init(day: date, status: status, tenths: tenths))
            if let id = draft[.externalId] {
                let column = draft.label(.status).isEmpty ? FacilityField.status.jsonKey ?? "" : draft.label(.status)
                identified[key] = Identified(check: Check(row: draft.row, column: column, value: status.rawValue, at: at, day: date, tenths: tenths),
                                             organisation: organisation, id: id, status: status)
            }
        }
        return ImportOutcome(records: [FacilityWork(date: date, place: place, kind: kind.code, status: status, tenths: tenths,
                                                    organisation: organisation, externalId: draft[.externalId], key: key)],
                             problems: checks.problems)
    }

    /// Each commissioning above what was reported under restoration there by its day, the whole file and the stored
    /// records counted: kept, with a warning. A commissioning corrected further down the file is held as corrected.
    ///
    /// A start the file lowers or withdraws (a 0) under which a stored commissioning loses its start is warned of at its row.
    public mutating func finish() -> [ImportProblem] {
        defer { commissionings = [:]; lowered = [:]; identified = [:] }
        var problems = wentBack()
        for (key, c) in commissionings {
            guard ledger.entry(c.at, key: key) == RestorationLedger.Entry(day: c.day, status: .commissioned, tenths: c.tenths) else { continue }
            let balance = ledger.balance(c.at, on: c.day, excluding: key)
            guard balance < c.tenths else { continue }
            problems.append(ImportProblem(row: c.row, column: c.column, value: c.value, Message("import.facilities.commissionedWithoutStart", [
                "quantity": Self.argument(c.tenths), "started": Self.argument(max(balance, 0)), "day": .day(c.day)]), severity: .warning))
        }
        for (place, start) in lowered {
            // The first commissioning there, not the file's own (warned of above), that what is left no longer accounts for
            // where, before the file, it did (or did better): one already short is not the file's doing.
            guard let (key, entry) = ledger.entries(at: place).filter({ $0.value.status == .commissioned && commissionings[$0.key] == nil })
                    .sorted(by: { $0.value.day < $1.value.day })
                    .first(where: { commissioned in
                        let now = ledger.balance(place, on: commissioned.value.day, excluding: commissioned.key)
                        return now < commissioned.value.tenths && now < stored.balance(place, on: commissioned.value.day, excluding: commissioned.key)
                    }) else { continue }
            problems.append(ImportProblem(row: start.row, column: start.column, value: start.value, Message("import.facilities.startLowered", [
                "quantity": Self.argument(entry.tenths), "day": .day(entry.day),
                "started": Self.argument(max(ledger.balance(place, on: entry.day, excluding: key), 0))]), severity: .warning))
        }
        return problems.sorted { $0.row < $1.row }
    }

    /// Each facility with an id reported damaged or under restoration on a day after it was reported commissioned: the
    /// stock counts it from then and its commissioning on its own day, both in the figures, which is right where it went
    /// back (damaged again) and wrong where a date was mistyped. Said at the file's row of the later status, or of the
    /// commissioning where the later status was stored before.
    private func wentBack() -> [ImportProblem] {
        var problems: [ImportProblem] = []
        let entry = { (key: String) -> RestorationLedger.Entry? in
            ledger.place(of: key).flatMap { ledger.entry($0, key: key) }.flatMap { $0.tenths > 0 ? $0 : nil }
        }
        for (key, row) in identified {
            // Only as the file leaves it: a row corrected further down is warned of, if at all, as corrected.
            guard let given = entry(key), given.day == row.check.day, given.status == row.status else { continue }
            let sibling = { (status: FacilityStatus) in FacilityWork.key(externalId: row.id, status: status, organisation: row.organisation, content: []) }
            var pairs: [(status: FacilityStatus, day: Day, commissioned: Day, replaced: Day?)] = []
            if row.status == .commissioned {
                for status in [FacilityStatus.damaged, .underRestoration] where identified[sibling(status)] == nil {
                    if let later = entry(sibling(status)), later.day > given.day { pairs.append((status, later.day, given.day, nil)) }
                }
                // Commissioned again after going back: one id holds one date per status, so the first commissioning is moved
                // out of its period's figures, which must be said (a second one wants an id of its own).
                if let replaced = stored.place(of: key).flatMap({ stored.entry($0, key: key) }), replaced.tenths > 0, replaced.day < given.day,
                   let back = [FacilityStatus.damaged, .underRestoration].compactMap({ entry(sibling($0))?.day })
                    .filter({ $0 > replaced.day && $0 < given.day }).min() {
                    problems.append(ImportProblem(row: row.check.row, column: row.check.column, value: row.check.value, Message(
                        "import.facilities.commissionedAgain.replacing", ["id": .text(row.id), "replaced": .day(replaced.day), "day": .day(back)]),
                        severity: .warning))
                }
            } else if let commissioned = entry(sibling(.commissioned)), commissioned.day < given.day {
                // One id holds one date per status: a stored record of this status before the commissioning is moved, not kept.
                let replaced = stored.place(of: key).flatMap { stored.entry($0, key: key) }.flatMap { $0.day < commissioned.day && $0.tenths > 0 ? $0.day : nil }
                pairs.append((row.status, given.day, commissioned.day, replaced))
            }
            for pair in pairs {
                var code = pair.status == .damaged ? "import.facilities.damagedAfterCommissioning" : "import.facilities.restoredAfterCommissioning"
                var arguments: [String: MessageArgument] = ["id": .text(row.id), "day": .day(pair.day), "commissioned": .day(pair.commissioned)]
                if let replaced = pair.replaced {
                    code += ".replacing"
                    arguments["replaced"] = .day(replaced)
                }
                problems.append(ImportProblem(row: row.check.row, column: row.check.column, value: row.check.value, Message(code, arguments), severity: .warning))
            }
        }
        return problems
    }

    /// A quantity for a message: a whole number in the reader's digits, a fraction of a km as written.
    static func argument(_ tenths: Int) -> MessageArgument {
        tenths % 10 == 0 ? .count(tenths / 10) : .code(ScaledNumber.string(tenths, decimals: 1))
    }

    /// The quantity in tenths of the kind's unit; 1 when absent.
    private func quantity(_ draft: ImportDraft<FacilityField>, unit: FacilityUnit, checks: inout DraftChecks<FacilityField>) -> Int? {
        guard let text = draft[.quantity] else { return 10 }
        // A minus sign is the problem, not the kind of number: "-1" is a whole number of items.
        if ScaledNumber.isNegative(text, decimals: unit.decimals) {
            checks.fail(.quantity, Message("import.number.negative"))
            return nil
        }
        if unit.decimals > 0, ScaledNumber.readsEitherWay(text) {
            checks.fail(.quantity, ScaledNumber.eitherWay(text))
            return nil
        }
        // `1.000` is a thousand schools or km where a point groups thousands, and one where it is the decimal sign: refused, as
        // every other kind's counts are, rather than read as one.
        if ScaledNumber.readsEitherWay(text, separator: ".") {
            checks.fail(.quantity, ScaledNumber.eitherWay(text, separator: "."))
            return nil
        }
        guard let scaled = ScaledNumber.parse(text, decimals: unit.decimals) else {
            // A whole number too large to read is too large, not "not a whole number".
            if ScaledNumber.wholePartTooLarge(text) {
                checks.fail(.quantity, Message("import.number.tooLarge", ["maximum": .count(Self.maximumTenths / 10)]))
            } else {
                checks.fail(.quantity, Message(unit == .km ? "import.facilities.quantity.km" : "import.facilities.quantity.items"))
            }
            return nil
        }
        let tenths = unit == .km ? scaled : scaled * 10
        guard tenths <= Self.maximumTenths else {
            checks.fail(.quantity, Message("import.number.tooLarge", ["maximum": .count(Self.maximumTenths / 10)]))
            return nil
        }
        return tenths
    }
}
