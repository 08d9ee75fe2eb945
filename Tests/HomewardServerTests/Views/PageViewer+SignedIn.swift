@testable import HomewardServer

extension PageViewer {
    /// A page as a signed-in liaison officer reads it through a token (no sign-out form): the internal pages' snapshots
    /// are of what their readers see, the navigation to every page; the public is sent to sign in instead.
    static func signedIn<T>(_ body: () throws -> T) rethrows -> T {
        try $current.withValue(PageViewer(login: "liaison", csrf: nil), operation: body)
    }
}
