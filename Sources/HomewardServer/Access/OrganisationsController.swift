import HomewardCore
import HomewardStore
import Hummingbird

/// The organisations over HTTP, for scripts: the exact spelling a filter or an `#org` cell must use, and each working
/// group's members.
struct OrganisationsController<Context: CallerRequestContext> {
    let organisations: OrganisationsStore

    /// An organisation as listed: the command line's `organisations list --format json`, with a working group's members.
    struct Listed: Encodable {
        var id: Int
        var name: String
        var workingGroup: Bool
        var members: [String]

        enum CodingKeys: String, CodingKey {
            case id, name, members
            case workingGroup = "working_group"
        }
    }

    func add(to router: Router<Context>) {
        router.on(RouterPath(APIRoute.listOrganisations.routerPath), method: APIRoute.listOrganisations.method) { _, _ in
            let members = try await organisations.members()
            return try jsonResponse(["organisations": try await organisations.organisations().map {
                Listed(id: $0.id, name: $0.name, workingGroup: $0.workingGroup, members: members[$0.name] ?? [])
            }])
        }
    }
}
