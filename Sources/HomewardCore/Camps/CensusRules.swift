/// The rules a census must pass: a known site, a real date not in the future, whole numbers, an organisation.
public struct CensusRules: ImportRules {
    public let sites: Set<String>
    private let siteCodes: RecordCodes
    public let today: Day
    public let defaultOrganisation: String?
    /// Whose words messages use for options: the command line's flags or the API's parameters.
    public let vocabulary: Vocabulary
    /// The sites by name, for files that name a site rather than give its code.
    public let siteNames: SiteNames

    public init(sites: Set<String>, today: Day, defaultOrganisation: String? = nil,
                siteNames: SiteNames = SiteNames(), vocabulary: Vocabulary = .commandLine) {
        self.sites = sites
        siteCodes = RecordCodes(sites)
        self.siteNames = siteNames
        self.today = today
        self.defaultOrganisation = defaultOrganisation
        self.vocabulary = vocabulary
    }

    /// The row's organisation, or the default given. Not the site's operator: a count is its counter's, and one that names
    /// none would be filed under another organisation without a word.
    public func organisation(of draft: ImportDraft<CensusField>) -> String? {
        draft[.organisation] ?? defaultOrganisation
    }

    public mutating func checkWithoutCounting(_ draft: ImportDraft<CensusField>) -> ImportOutcome<Census> { check(draft) }

    public func check(_ draft: ImportDraft<CensusField>) -> ImportOutcome<Census> {
        var checks = DraftChecks(draft, today: today)
        let date = checks.day(.date)
        let site = checks.site(code: .site, name: .siteName, known: siteCodes, names: siteNames)
        let residents = checks.wholeNumber(.residents)
        let households = draft[.households] == nil ? nil : checks.wholeNumber(.households)
        if let residents, let households, households > residents {
            checks.fail(.households, Message("import.households.moreThanResidents", ["residents": .count(residents)]))
        }
        let organisation = organisation(of: draft)
        if organisation == nil {
            checks.fail(.organisation, Message("import.organisation.missing", ["via": vocabulary.argument]))
        }
        guard !checks.isRejected, let date, let site, let residents, let organisation else {
            return ImportOutcome(problems: checks.problems)
        }
        return ImportOutcome(records: [Census(site: site, date: date, residents: residents, households: households, organisation: organisation)],
                             problems: checks.problems)
    }
}
