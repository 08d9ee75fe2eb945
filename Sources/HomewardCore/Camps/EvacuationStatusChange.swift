/// One change of an operation's status: what it was, what it became, from which day, when it was recorded and by whom.
///
/// A change is often recorded after the fact ("the convoys resumed on the 12th", entered on the 14th): the day
/// it took effect is what a page or statement of an earlier day goes by, the moment recorded is for the audit.
public struct EvacuationStatusChange: Hashable, Sendable, Encodable {
    public var from: EvacuationOperation.Status
    public var to: EvacuationOperation.Status
    /// The day the change took effect.
    public var day: Day
    /// When the change was recorded (ISO 8601, UTC).
    public var at: String
    /// Who recorded it, as the audit names callers.
    public var by: String

    public init(from: EvacuationOperation.Status, to: EvacuationOperation.Status, day: Day, at: String, by: String) {
        self.from = from
        self.to = to
        self.day = day
        self.at = at
        self.by = by
    }
}

extension EvacuationOperation {
    /// The status on `day`, from the operation's changes (oldest first, as the store keeps them): the last to take
    /// effect by then, or the status before the first change.
    public func status(on day: Day, changes: [EvacuationStatusChange]) -> Status {
        guard let first = changes.first else { return status }
        return changes.last { $0.day <= day }?.to ?? first.from
    }

    /// The day it took effect as completed, where it was completed by `day` (by its last change when `nil`); `nil` too for
    /// one recorded completed without a change, whose day is not known.
    public func completedOn(_ day: Day? = nil, changes: [EvacuationStatusChange]) -> Day? {
        guard (day.map { status(on: $0, changes: changes) } ?? status) == .completed else { return nil }
        return changes.last { change in change.to == .completed && day.map { change.day <= $0 } ?? true }?.day
    }

    /// Whether its site counts from a census again by `day` (by every census when `nil`): completed, and counted since.
    /// Its departures are then held to that census, and its figures are no longer the site's.
    public func isHandedBack(_ day: Day? = nil, changes: [EvacuationStatusChange], censusDays: some Sequence<Day>) -> Bool {
        guard let completed = completedOn(day, changes: changes) else { return false }
        return censusDays.contains { counted in counted > completed && day.map { counted <= $0 } ?? true }
    }
}
