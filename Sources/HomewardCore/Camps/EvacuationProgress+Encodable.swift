extension EvacuationProgress: Encodable {
    enum CodingKeys: String, CodingKey {
        case operation, left, remaining, ahead, plan, cycles
        case asOf = "as_of"
        case leftPercent = "left_percent"
        case plannedByNow = "planned_by_now"
        case plannedThrough = "planned_through"
        case recentPersons = "recent_persons"
        case paceWindowDays = "pace_window_days"
        case forecastEnd = "forecast_end"
        case plannedEnd = "planned_end"
        case statusChanges = "status_changes"
        case centresOverCapacity = "centres_over_capacity"
        case takenOver = "taken_over"
        case completedWithRemaining = "completed_with_remaining"
        case leftAfterCompletion = "left_after_completion"
        case censusesUnlikeBaseline = "censuses_unlike_baseline"
        case censusesAfterBaseline = "censuses_after_baseline"
        case beforePlan = "before_plan", afterPlan = "after_plan"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(operation, forKey: .operation)
        try c.encode(asOf, forKey: .asOf)
        try c.encode(takenOver, forKey: .takenOver)
        try c.encode(left, forKey: .left)
        try c.encode(remaining, forKey: .remaining)
        try c.encode(leftPercent, forKey: .leftPercent)
        try c.encode(plannedByNow, forKey: .plannedByNow)
        try c.encode(plannedThrough, forKey: .plannedThrough)
        try c.encode(ahead, forKey: .ahead)
        try c.encode(recentPersons, forKey: .recentPersons)
        try c.encode(paceDays, forKey: .paceWindowDays)
        try c.encode(forecastEnd, forKey: .forecastEnd)
        try c.encode(plan.end, forKey: .plannedEnd)
        try c.encode(cycles, forKey: .cycles)
        try c.encode(beforePlan, forKey: .beforePlan)
        try c.encode(afterPlan, forKey: .afterPlan)
        try c.encode(plan, forKey: .plan)
        try c.encode(statusChanges, forKey: .statusChanges)
        try c.encode(centresOverCapacity, forKey: .centresOverCapacity)
        try c.encode(completedWithRemaining, forKey: .completedWithRemaining)
        try c.encode(leftAfterCompletion, forKey: .leftAfterCompletion)
        try c.encode(censusesUnlikeBaseline, forKey: .censusesUnlikeBaseline)
        try c.encode(censusesAfterBaseline, forKey: .censusesAfterBaseline)
    }
}
