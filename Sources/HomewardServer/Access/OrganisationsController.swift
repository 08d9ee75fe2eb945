import HomewardCore
import HomewardStore
import Hummingbird

/// The organisations over HTTP, for scripts: the exact spelling a filter or an `#org` cell must use, and each working
/// group's members.
struct OrganisationsController<Context: CallerRequestContext> {
    let organisations: OrganisationsStore

    func add(to router: Router<Context>) {
        router.on(RouterPath(APIRoute.listOrganisations.routerPath), method: APIRoute.listOrganisations.method) { _, _ in
            let members = try await organisations.members()
            return try jsonResponse(["organisations": try await organisations.organisations().map { ListedOrganisation($0, members: members) }])
        }
    }
}
