import HomewardCore

extension CampsStore {
    /// Demo sites, counts and an evacuation under way, relative to `lastDay`, so that the camps page has
    /// something to show: a camp evacuated through a transit centre too small for the plan, a settlement two
    /// organisations count differently, and a collective centre emptying slowly. Every code starts `DEMO-`,
    /// every name says "demo", every organisation is a "Demo:" one; all of it goes through the same rules
    /// and importer as real data.
    public func loadDemoData(lastDay: Day, by caller: Caller) async throws {
        let camp = "DEMO-CAMP-N", settlement = "DEMO-SET-E", centre = "DEMO-CC-S", transit = "DEMO-TC-1"
        let agency = "Demo: Camp Management Agency", ministry = "Demo: Ministry of Local Administration"
        for site in [
            Site(code: camp, name: "Demo camp North", nameAr: "مخيم الشمال (تجريبي)", nameRu: "Северный лагерь (демо)", kind: .camp, admin: "SY08", operatorName: agency),
            Site(code: settlement, name: "Demo settlement East", nameAr: "تجمع الشرق (تجريبي)", nameRu: "Восточное поселение (демо)", kind: .informalSettlement, admin: "SY02"),
            Site(code: centre, name: "Demo collective centre South", nameAr: "مركز الإيواء الجنوبي (تجريبي)", nameRu: "Южный центр коллективного размещения (демо)", kind: .collectiveCentre, admin: "SY12",
                 operatorName: ministry),
            Site(code: transit, name: "Demo transit centre", nameAr: "مركز العبور (تجريبي)", nameRu: "Транзитный центр (демо)", kind: .transitCentre, admin: "SY08", capacity: 400,
                 stayHours: 48),
        ] {
            try await addSite(site, by: caller)
        }
        let baseline = lastDay.adding(days: -30), start = lastDay.adding(days: -25)
        var censuses = "#date,#loc+site+code,#population+ind+num,#population+hh+num,#org\n"
        censuses += "\(baseline),\(camp),10000,2100,\(agency)\n"
        censuses += "\(lastDay.adding(days: -40)),\(settlement),3150,,\(agency)\n"
        censuses += "\(lastDay.adding(days: -35)),\(settlement),4020,,\(ministry)\n"
        censuses += "\(lastDay.adding(days: -60)),\(centre),1200,260,\(ministry)\n"
        var departures = "#date,#loc+site+code,#affected+departed+num,#loc+dest+code,#adm1+dest+code,#org\n"
        for offset in 0 ..< 25 {
            let day = start.adding(days: offset)
            departures += "\(day),\(camp),\(200 + (offset * 37) % 120),\(transit),,\(agency)\n"
            if offset % 6 == 0 { departures += "\(day),\(centre),\(15 + offset),,SY12,\(ministry)\n" }
        }
        let request = ImportRequest(sourceName: "demo data", today: lastDay)
        _ = try await importCensuses(request, from: .bytes(Array(censuses.utf8)), by: caller)
        _ = try await importDepartures(request, from: .bytes(Array(departures.utf8)), by: caller)
        let operation = try await addOperation(
            EvacuationOperation(site: camp, baselineDate: baseline, baselineResidents: 10_000, start: start, perCycle: 1_500, cycleDays: 5,
                                via: [transit], deadline: lastDay.adding(days: 10)),
            today: lastDay, by: caller)
        try await setStatus(.underWay, ofOperation: operation.id, on: start, today: lastDay, by: caller)
    }
}
