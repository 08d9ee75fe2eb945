/// The rules an aid action must pass: a real date, a known locality, a type of the catalogue, an organisation,
/// and figures that are whole numbers (tonnes to the kilogram).
public struct AidRules: ImportRules {
    public let gazetteer: Gazetteer
    public let types: [String: AidType]
    public let today: Day
    public let defaultOrganisation: String?
    public let vocabulary: Vocabulary

    /// A million tonnes in one action is a typing error.
    public static let maximumKilograms = 1_000_000_000
    /// More than one action at one place is likely to carry (some 250 lorries): kept, with a warning, since kilograms
    /// given in a tonnes column read a thousand times too large.
    public static let plausibleKilograms = 5_000_000

    public init(gazetteer: Gazetteer, types: [AidType], today: Day, defaultOrganisation: String? = nil, vocabulary: Vocabulary = .commandLine) {
        self.gazetteer = gazetteer
        self.types = Dictionary(types.map { ($0.code, $0) }, uniquingKeysWith: { $1 })
        self.today = today
        self.defaultOrganisation = defaultOrganisation
        self.vocabulary = vocabulary
    }

    public func organisation(of draft: ImportDraft<AidField>) -> String? { draft[.organisation] ?? defaultOrganisation }

    public mutating func checkWithoutCounting(_ draft: ImportDraft<AidField>) -> ImportOutcome<AidAction> { check(draft) }

    public func check(_ draft: ImportDraft<AidField>) -> ImportOutcome<AidAction> {
        var checks = DraftChecks(draft, today: today)
        let date = checks.day(.date)
        let place = checks.area(AidField.place, levels: AidField.placeLevels, names: AidField.placeNames, gazetteer: gazetteer, missing: Message("import.aid.locality.missing"))
        var type: AidType?
        if let code = checks.required(.type, missing: Message("import.aid.type.missing", ["via": vocabulary.argument])) {
            type = types[code] ?? types[code.lowercased()]
            if type == nil { checks.fail(.type, Message("import.aid.type.unknown", ["via": vocabulary.argument])) }
        }
        var kilograms: Int?
        if let text = draft[.tonnes], ScaledNumber.readsEitherWay(text) {
            checks.fail(.tonnes, ScaledNumber.eitherWay(text))
        } else if let text = draft[.tonnes] {
            kilograms = ScaledNumber.parse(text, decimals: 3)
            let tooLarge = kilograms.map { $0 > Self.maximumKilograms } ?? ScaledNumber.wholePartTooLarge(text)
            // A minus sign is the problem, as a facility's quantity says it: "-1" is a weight in all but its sign.
            let negative = ScaledNumber.isNegative(text, decimals: 3)
            if kilograms == nil && !tooLarge {
                checks.fail(.tonnes, Message(negative ? "import.aid.tonnes.negative" : "import.aid.tonnes.invalid"))
            }
            if tooLarge {
                checks.fail(.tonnes, Message("import.number.tooLarge", ["maximum": .count(Self.maximumKilograms / 1000)]))
            } else if let kg = kilograms, kg > Self.plausibleKilograms {
                checks.fail(.tonnes, Message("import.aid.tonnes.large", ["limit": .count(Self.plausibleKilograms / 1000)]), warning: true)
            }
        }
        let counts = [AidField.parcels, .reached, .treated].map { draft[$0] == nil ? nil : checks.wholeNumber($0) }
        let description = draft[.description] == nil ? nil : checks.required(.description, missing: Message("import.text.tooLong"))
        let organisation = organisation(of: draft)
        if organisation == nil {
            checks.fail(.organisation, Message("import.organisation.missing", ["via": vocabulary.argument]))
        }
        guard !checks.isRejected, let date, let place, let type, let organisation else {
            return ImportOutcome(problems: checks.problems)
        }
        // An action that gives no figure counts as an action and adds to none of its figures: kept, and said, since a file
        // whose figure columns went unread (a tag mistyped) gives rows like it.
        if kilograms == nil && counts.allSatisfy({ $0 == nil }) {
            checks.fail(nil, Message("import.aid.noFigure"), warning: true)
        }
        let key = AidAction.key(externalId: draft[.externalId], organisation: organisation, content: draft.content)
        return ImportOutcome(records: [AidAction(date: date, place: place, organisation: organisation, type: type.code, kilograms: kilograms,
                                                 parcels: counts[0], reached: counts[1], treated: counts[2], description: description,
                                                 externalId: draft[.externalId], key: key)],
                             problems: checks.problems)
    }
}
