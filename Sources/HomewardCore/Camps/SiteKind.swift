/// What kind of place people live in or pass through, as CCCM names them.
public enum SiteKind: String, CaseIterable, Sendable, Codable, ClosedSet {
    case camp
    case informalSettlement = "informal-settlement"
    case collectiveCentre = "collective-centre"
    /// A temporary accommodation centre where evacuees stay a day or two on their way home.
    case transitCentre = "transit-centre"
}
