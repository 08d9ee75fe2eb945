import Testing
import HomewardCore

@Suite struct EvacuationPlanTests {
    let start = Day("2019-03-01")!

    @Test func cyclesRunBackToBackAndTheLastCarriesWhatIsLeft() {
        // setup: 10,000 people, 3,500 every 5 days
        let plan = EvacuationPlan(.init(remaining: 10_000, perCycle: 3_500, cycleDays: 5, start: start))
        // check
        #expect(plan.schedule.map(\.persons) == [3_500, 3_500, 3_000])
        #expect(plan.schedule.map(\.start) == [start, Day("2019-03-06")!, Day("2019-03-11")!])
        #expect(plan.schedule.map(\.end) == [Day("2019-03-05")!, Day("2019-03-10")!, Day("2019-03-15")!])
        #expect(plan.end == Day("2019-03-15") && plan.days == 15)
        #expect(plan.feasible == nil && plan.neededPerCycle == nil)
    }

    /// An operation stored before plans were bounded may need more cycles than a plan lists: it lists the first ones and
    /// still counts them all, and ends when the last would.
    @Test func aPlanListsAtMostItsMaximumOfCyclesAndStillCountsAndEndsThemAll() {
        let plan = EvacuationPlan(.init(remaining: 10_000_000, perCycle: 1, cycleDays: 1, start: start))
        #expect(plan.cycleCount == 10_000_000 && plan.schedule.count == EvacuationPlan.maximumCycles)
        #expect(plan.end == start.adding(days: 9_999_999) && plan.days == 10_000_000)
        #expect(throws: FieldProblem.self) { try EvacuationRules.checkPace(perCycle: 9_999, cycleDays: 5, residents: 10_000_000) }
        #expect(throws: Never.self) { try EvacuationRules.checkPace(perCycle: 10_000, cycleDays: 5, residents: 10_000_000) }
    }

    /// An operation that has not begun cannot be completed: recorded so, or changed so, it could never be put right.
    @Test func anOperationNotYetBegunIsNotCompleted() throws {
        let camp = Site(code: "QAM", name: "Qah", kind: .camp, admin: "SY07")
        let rules = EvacuationRules(sites: ["QAM": camp], today: start)
        let early = EvacuationOperation(site: "QAM", baselineDate: start, baselineResidents: 3_000, start: start.adding(days: 19),
                                        perCycle: 1_000, cycleDays: 3, status: .completed)
        #expect { _ = try rules.check(early) } throws: { ($0 as? FieldProblem)?.field == "status" }
        var suspended = early
        suspended.status = .suspended
        #expect(try rules.check(suspended).status == .suspended, "suspended before its start: held back, which a change could say too")
        var planned = early
        planned.status = .planned
        #expect { try EvacuationRules.checkChange(of: planned, to: .completed, on: start, after: nil, today: start) } throws: {
            ($0 as? FieldProblem)?.message.key == "evacuation.status.completedBeforeStart"
        }
        let begun = EvacuationOperation(site: "QAM", baselineDate: start.adding(days: -10), baselineResidents: 3_000, start: start.adding(days: -9),
                                        perCycle: 1_000, cycleDays: 3, status: .completed)
        #expect(try rules.check(begun).status == .completed, "one recorded after the fact")
        #expect(try rules.check(EvacuationOperation(site: "QAM", baselineDate: start, baselineResidents: 3_000, start: start.adding(days: 1),
                                                    perCycle: 1_000, cycleDays: 3)).status == .planned)
    }

    @Test func aDeadlineThatCannotBeMetSaysWhatPaceWouldMeetIt() {
        // setup: 40,000 people, 3,500 every 5 days, "within a month": the last day is 2019-03-30
        let plan = EvacuationPlan(.init(remaining: 40_000, perCycle: 3_500, cycleDays: 5, start: start, deadline: Day("2019-03-30")!))
        // check: 12 cycles take 60 days; six whole cycles end by the 30th, so 6,667 a cycle would do
        #expect(plan.schedule.count == 12 && plan.end == Day("2019-04-29"))
        #expect(plan.feasible == false)
        #expect(plan.neededPerCycle == 6_667)
        let faster = EvacuationPlan(.init(remaining: 40_000, perCycle: 6_667, cycleDays: 5, start: start, deadline: Day("2019-03-30")!))
        #expect(faster.feasible == true && faster.end == Day("2019-03-30"))
        let slower = EvacuationPlan(.init(remaining: 40_000, perCycle: 6_666, cycleDays: 5, start: start, deadline: Day("2019-03-30")!))
        #expect(slower.feasible == false)
    }

    @Test func onlyWholeCyclesCountBeforeADeadline() {
        // A deadline four days after the start leaves no whole five-day cycle.
        let plan = EvacuationPlan(.init(remaining: 100, perCycle: 50, cycleDays: 5, start: start, deadline: Day("2019-03-04")!))
        #expect(plan.feasible == false && plan.neededPerCycle == nil)
        let nobody = EvacuationPlan(.init(remaining: 0, perCycle: 50, cycleDays: 5, start: start, deadline: Day("2019-03-04")!))
        #expect(nobody.schedule.isEmpty && nobody.end == nil && nobody.feasible == true && nobody.days == 0)
    }

    @Test func transitPlacesAtThePeakDependOnHowPeopleArrive() {
        // 3,500 every 5 days, 48 hours in the centre: 700 a day for two days, or a whole convoy at once
        let spread = EvacuationPlan(.init(remaining: 10_000, perCycle: 3_500, cycleDays: 5, start: start, transitPlaces: 2_000))
        #expect(spread.transitPlacesNeeded == 1_400 && spread.transitPlacesSuffice == true)
        let convoy = EvacuationPlan(.init(remaining: 10_000, perCycle: 3_500, cycleDays: 5, start: start, transitPlaces: 2_000, arrivals: .convoy))
        #expect(convoy.transitPlacesNeeded == 3_500 && convoy.transitPlacesSuffice == false)
        // A stay longer than a cycle keeps the previous convoy in when the next arrives.
        let long = EvacuationPlan(.init(remaining: 10_000, perCycle: 1_000, cycleDays: 2, start: start, stayHours: 72, arrivals: .convoy))
        #expect(long.transitPlacesNeeded == 2_000 && long.transitPlacesSuffice == nil)
        // Fewer people left than a cycle's pace need fewer places.
        let few = EvacuationPlan(.init(remaining: 100, perCycle: 3_500, cycleDays: 5, start: start))
        #expect(few.transitPlacesNeeded == 40)
        // 1,000 in 3 days split as whole persons go (334, 333, 333): a 72-hour stay holds one cycle, not 3 × 334; a day's
        // stay, the largest day; a stay of 4 days, a cycle and its largest day.
        let peaks = [24, 72, 96].map { EvacuationPlan(.init(remaining: 10_000, perCycle: 1_000, cycleDays: 3, start: start, stayHours: $0)).transitPlacesNeeded }
        #expect(peaks == [334, 1_000, 1_334])
        // Never more places than people to move.
        #expect(EvacuationPlan(.init(remaining: 1_000, perCycle: 1_000, cycleDays: 3, start: start, stayHours: 96)).transitPlacesNeeded == 1_000)
    }
}
