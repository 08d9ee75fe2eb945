/// The rules a census must pass: a known site, a real date not in the future, whole numbers, an organisation.
public struct CensusRules: ImportRules {
    public let sites: Set<String>
    public let today: Day
    public let defaultOrganisation: String?

    public init(sites: Set<String>, today: Day, defaultOrganisation: String? = nil) {
        self.sites = sites
        self.today = today
        self.defaultOrganisation = defaultOrganisation
    }

    public func check(_ draft: ImportDraft<CensusField>) -> ImportOutcome<Census> {
        var checks = DraftChecks(draft, today: today)
        let date = checks.day(.date)
        let site = checks.required(.site, "site code")
        if let site, !sites.contains(site) {
            checks.fail(.site, "no site has this code; add it first (homeward sites add)")
        }
        let residents = checks.wholeNumber(.residents)
        let households = draft[.households] == nil ? nil : checks.wholeNumber(.households)
        if let residents, let households, households > residents {
            checks.fail(.households, "more households than residents (\(residents))")
        }
        let organisation = draft[.organisation] ?? defaultOrganisation
        if organisation == nil {
            checks.fail(.organisation, "no organisation: add an #org column, or give the organisation for the whole file")
        }
        guard !checks.isRejected, let date, let site, let residents, let organisation else {
            return ImportOutcome(problems: checks.problems)
        }
        return ImportOutcome(records: [Census(site: site, date: date, residents: residents, households: households, organisation: organisation)],
                             problems: checks.problems)
    }
}
