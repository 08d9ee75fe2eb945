/// A record an organisation reports: an editor may write it only for its own organisations.
public protocol OrganisationRecord: Sendable {
    var organisation: String { get }
}

extension Movement: OrganisationRecord {}
extension Census: OrganisationRecord {}
extension Departure: OrganisationRecord {}
extension FacilityWork: OrganisationRecord {}
extension AidAction: OrganisationRecord {}
extension SourceFigure: OrganisationRecord {}
