extension ReturnsBlock {
    /// The week's groups that more than one organisation reported alike (same days, crossing, origin, destination and
    /// category), the crossing points among them, and whether some named none: every figure adds each report, which
    /// counts a group twice where they are of the same people, so the statement says how many there are.
    public struct Overlaps: Sendable {
        /// The entry of their count: a count of groups, not of people, so not a `returns.` figure that small counts hide.
        public static let entry = "overlaps.week.groups"
        public var groups: Int
        public var crossings: [String]
        public var withoutCrossing: Bool

        public init(groups: Int, crossings: [String], withoutCrossing: Bool) {
            self.groups = groups
            self.crossings = crossings
            self.withoutCrossing = withoutCrossing
        }
    }
}
