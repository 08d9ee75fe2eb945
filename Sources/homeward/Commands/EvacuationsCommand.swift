import ArgumentParser
import Foundation
import HomewardCore
import HomewardStore

struct EvacuationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evacuations",
        abstract: "Evacuations of sites in cycles through transit centres: plans, operations, progress.",
        subcommands: [Plan.self, Add.self, List.self, Show.self, Status.self]
    )

    struct Plan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Plan the evacuation of a site's remaining people: cycles, end, deadline, transit places.",
            discussion: "Nothing is stored. Cycle n runs from start + (n-1)·D to start + n·D - 1; only whole cycles that end by the deadline count.")
        @OptionGroup var db: DatabaseOptions
        @Option(help: "The site's code.") var site: String
        // Read whatever follows them, "-5" too, so that a negative pace is refused by its range, not as a missing value.
        @Option(parsing: .unconditional, help: "Persons per cycle.") var perCycle: Int
        @Option(parsing: .unconditional, help: "Days per cycle.") var cycleDays: Int
        @Option(help: "The first day of the first cycle (default: today, or the day after the last departure if later).") var start: String?
        @Option(help: "The last day on which people may still leave.") var deadline: String?
        @Option(help: "A transit centre used (repeatable).") var via: [String] = []
        @Flag(help: "A whole cycle arrives in the transit centres at once (default: spread evenly over the cycle's days).") var convoy = false
        @Option(parsing: .unconditional, help: "The residents to count from at the latest census (needed where organisations counted it and disagree).") var residents: Int?
        @Option(help: "table or json") var format: TableOrJSON = .table

        func validate() throws {
            if let residents, !(0 ... 10_000_000).contains(residents) { throw ValidationError("--residents: a whole number from 0 to 10,000,000") }
        }

        func run() async throws {
            let plan = try await namingOptions { try await db.withStores {
                try await $0.camps.plan(site: site, perCycle: perCycle, cycleDays: cycleDays, start: try day(start, "--start"),
                                        deadline: try day(deadline, "--deadline"), via: via, arrivals: convoy ? .convoy : .spread,
                                        residents: residents, today: try today())
            } }
            switch format {
            case .json: try printJSON(plan)
            case .table:
                print(EvacuationPlanText(site: plan.site, plan: plan.plan).rendered)
                for shared in plan.sharedCentres {
                    let operations = shared.operations.map(String.init).joined(separator: ", ")
                    print("Note: \(shared.centre) is on the way of operation\(shared.operations.count == 1 ? "" : "s") \(operations) of other sites too: "
                          + "the places above are its whole capacity, not what \(shared.operations.count == 1 ? "that operation leaves" : "they leave") free")
                }
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Store an evacuation operation, to follow its progress against the plan.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var who: CallerOptions
        @Option(help: "The site's code.") var site: String
        @Option(help: "The date of the census the operation counts from.") var baselineDate: String
        /// `--residents` too, as `plan` names it.
        @Option(name: [.customLong("baseline-residents"), .customLong("residents")], parsing: .unconditional,
                help: "The residents at that census (default: the site's census of that date).") var baselineResidents: Int?
        @Option(help: "The first day of the first cycle.") var start: String
        @Option(parsing: .unconditional, help: "Persons per cycle.") var perCycle: Int
        @Option(parsing: .unconditional, help: "Days per cycle.") var cycleDays: Int
        @Option(help: "The last day on which people may still leave.") var deadline: String?
        @Option(help: "A transit centre used (repeatable).") var via: [String] = []
        @Option(help: "planned, under-way, completed or suspended") var status: EvacuationOperation.Status = .planned

        func run() async throws {
            let baseline = try day(baselineDate, "--baseline-date")!
            let stored = try await namingOptions { try await db.withStores { stores in
                var residents = baselineResidents
                if residents == nil {
                    let censuses = try await stores.camps.censuses(of: site).filter { $0.date == baseline }
                    // Organisations that counted the same figure agree: only differing counts need a choice.
                    guard Set(censuses.map(\.residents)).count == 1 else {
                        throw CommandFailure(censuses.isEmpty
                            ? "--baseline-residents: the site has no census on \(baseline); give the residents, or record the census first"
                            : "--baseline-residents: \(censuses.count) organisations counted the site on \(baseline) (\(censuses.map { "\($0.organisation): \($0.residents.grouped)" }.joined(separator: "; "))); say which figure the operation counts from")
                    }
                    residents = censuses[0].residents
                }
                let stored = try await stores.camps.addOperation(
                    EvacuationOperation(site: site, baselineDate: baseline, baselineResidents: residents!, start: try day(start, "--start")!,
                                        perCycle: perCycle, cycleDays: cycleDays, via: via, deadline: try day(deadline, "--deadline"), status: status),
                    today: try today(), by: who.caller)
                // The plan as stored, with its centres' places: what `evacuations show` will hold it to.
                return (stored, try await stores.camps.progress(ofOperation: stored.id, asOf: try today()).plan)
            } }
            print("added evacuation operation \(stored.0.id)")
            // One that misses its own deadline, or needs more transit places than its centres have, is said at once, as the
            // camps page and `evacuations show` say it.
            let plan = stored.1
            if plan.feasible == false, let deadline = stored.0.deadline {
                let needed = plan.neededPerCycle.map { "\($0.grouped) per cycle would meet it" } ?? "not even one whole cycle fits before it"
                FileHandle.standardError.write(Data("Warning: its last cycle ends on \(plan.end?.description ?? "-"), after the deadline of \(deadline); \(needed)\n".utf8))
            }
            if plan.transitPlacesSuffice == false, let available = plan.question.transitPlaces {
                FileHandle.standardError.write(Data("Warning: \(plan.transitPlacesNeeded.grouped) transit places needed at the peak, \(available.grouped) available at \(stored.0.via.joined(separator: ", "))\n".utf8))
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List evacuation operations.")
        @OptionGroup var db: DatabaseOptions
        @Option(help: "table or json") var format: TableOrJSON = .table

        func run() async throws {
            let operations = try await db.withStores { try await $0.camps.operations() }
            switch format {
            case .json: try printJSON(operations)
            case .table:
                // One a later operation took over reads so, whatever status it was left with.
                let today = try today()
                let status = { (o: EvacuationOperation) in
                    o.successor(among: operations, by: today).map { "taken over \($0.baselineDate) by \($0.id)" } ?? o.status.rawValue
                }
                print(TextTable(header: ["ID", "SITE", "STATUS", "BASELINE", "RESIDENTS", "START", "PACE", "DEADLINE", "VIA"],
                                rows: operations.map { [String($0.id), $0.site, status($0), $0.baselineDate.description, $0.baselineResidents.grouped,
                                                        $0.start.description, "\($0.perCycle.grouped)/\($0.cycleDays) d", $0.deadline?.description ?? "",
                                                        $0.via.joined(separator: " ")] }, numeric: [0, 4]).rendered)
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "An operation's progress: planned against actual per cycle, ahead or behind, the forecast end.")
        @OptionGroup var db: DatabaseOptions
        @Argument(help: "The operation's id.") var id: Int
        @Option(help: "The day to answer for (default today).") var asOf: String?
        @Option(help: "table or json") var format: TableOrJSON = .table

        func run() async throws {
            let progress = try await db.withStores { try await $0.camps.progress(ofOperation: id, asOf: try asOfDay(asOf)) }
            switch format {
            case .json: try printJSON(progress)
            case .table: print(EvacuationProgressText(progress: progress).rendered)
            }
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change an operation's status: planned, under-way, completed or suspended.",
            discussion: """
                The change is kept with the day it took effect, who made it and when (evacuations show lists them). A change \
                recorded after the fact takes --date: the page and the statement of an earlier day go by it. The status the \
                operation has already, with --date, gives that day to the change that made it so, to put its day right. A \
                completed operation stays completed.
                """)
        @OptionGroup var db: DatabaseOptions
        @Argument(help: "The operation's id.") var id: Int
        @Argument(help: "planned, under-way, completed or suspended") var status: EvacuationOperation.Status
        @Option(help: "The day the change took effect (YYYY-MM-DD): not after today, nor before the baseline or the change before it; today by default.")
        var date: String?
        @OptionGroup var who: CallerOptions

        func run() async throws {
            let day = try day(date, "--date"), today = try today()
            let (before, operation) = try await db.withStores { stores in
                (try await stores.camps.statusChanges(ofOperation: id).last,
                 try await stores.camps.setStatus(status, ofOperation: id, on: day, today: today, by: who.caller))
            }
            // The status it had already, with another day: the change that made it so is put right, and the reply says from what.
            let redated = before.flatMap { latest in latest.to == status && day != nil && latest.day != day ? latest.day : nil }
            print("Operation \(operation.id) (\(operation.site)) is \(day.map { "\(operation.status.rawValue) from \($0)" } ?? "now \(operation.status.rawValue)")"
                  + (redated.map { " (the change to \(status.rawValue) was recorded from \($0); its day is put right)" } ?? "") + ".")
        }
    }
}

extension EvacuationOperation.Status: ExpressibleByArgument {}
