extension EvacuationProgress {
    /// A centre the operation goes through, estimated above its capacity on a day since the operation began.
    public struct CentreOverCapacity: Hashable, Sendable, Encodable {
        public var centre: String
        public var capacity: Int
        /// The busiest such day, and its estimate.
        public var day: Day
        public var persons: Int

        public init(centre: String, capacity: Int, day: Day, persons: Int) {
            self.centre = centre
            self.capacity = capacity
            self.day = day
            self.persons = persons
        }
    }

    /// The operation's centres estimated above their capacity since it began, each once: what the plan's check of transit
    /// places cannot see (people sent faster, or through fewer centres, than planned). A completed operation keeps what it
    /// met, up to its last counted day. The estimates count every site's departures to a centre, not only this operation's.
    public func centres(overCapacityIn occupancies: [String: TransitCentreOccupancy]) -> [CentreOverCapacity] {
        // Up to the last day that counts for it: a centre's later overload, from another site's operation once a next one
        // took this site over, is not this one's.
        guard operation.start <= lastDayOfCentres else { return [] }
        var named = Set<String>()
        return operation.via.compactMap { code in
            guard named.insert(code).inserted, let occupancy = occupancies[code],
                  let over = occupancy.overCapacity(on: operation.start ... lastDayOfCentres) else { return nil }
            return CentreOverCapacity(centre: code, capacity: occupancy.capacity, day: over.day, persons: over.persons)
        }
    }
}
