import HomewardCore
import HomewardStore
import HTTPTypes

extension AccessStore.SignInRefusal {
    /// What a page says of the refusal: a throttled person is told when to try again, in whole minutes.
    var message: Message {
        switch self {
        case .wrongLoginOrPassword: Message("signin.wrong")
        case .throttled(let seconds): Message("signin.throttled", ["minutes": .count((seconds + 59) / 60)])
        }
    }

    /// `Retry-After` for a throttled attempt, so that a script backs off as long as it must.
    var headers: HTTPFields {
        guard case .throttled(let seconds) = self else { return [:] }
        return [.retryAfter: String(seconds)]
    }
}
