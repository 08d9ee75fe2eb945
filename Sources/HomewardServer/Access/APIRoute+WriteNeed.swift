import HomewardCore

extension APIRoute {
    /// What the route writes, so that a caller whose role may never write it is refused (and audited) before its body
    /// is read: a viewer's malformed post would otherwise be answered 400, as if only the body stood in the way.
    /// `nil` for reads, and for a person's own account, which every role may change.
    var writeNeed: WriteNeed? {
        switch self {
        case .postMovements, .postImports, .postCensuses, .postDepartures, .postFacilities, .postAid, .postSources: .records
        case .postSites, .patchSite, .postEvacuations, .patchEvacuation, .postSessions, .postBulletins, .patchBulletin: .planning
        case .postCrossings, .postFacilityKinds, .postAidTypes, .addOrganisation: .reference
        case .addPerson, .disablePerson, .enablePerson, .setPersonRole, .resetPersonPassword, .erasePerson: .people
        // A person's own account, sign-in and out, and every read: no role is too low for them. Listed, not `default`,
        // so that a new route must say what it writes.
        case .signIn, .signOut, .changePassword, .createAccountToken, .revokeAccountToken: nil
        case .overview, .campsPage, .signInPage, .accountPage, .peoplePage, .healthz, .metrics, .openapi, .totals, .publicTotals, .audit, .listImports,
             .listMovements, .movementHistory, .listOrganisations, .listCrossings, .areas, .countries, .listSites, .campStandings, .showSite, .listCensuses, .listDepartures,
             .listEvacuations, .planEvacuation, .showEvacuation, .listFacilities, .facilitiesSummary, .listFacilityKinds, .listAid,
             .facilityHistory, .aidHistory, .censusHistory, .departureHistory,
             .aidSummary, .listAidTypes, .readiness, .reconstructionPage, .aidPage, .readinessPage, .listSources, .sourceHistory, .compareSources,
             .checkSources, .listSessions, .listBulletins, .showBulletin, .draftBulletin, .sourcesPage, .bulletinPage, .sessionsPage, .bulletinRecords,
             .bulletinsPage: nil
        }
    }
}
