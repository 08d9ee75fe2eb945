import Testing

extension Trait where Self == TimeLimitTrait {
    /// The limit for a test that could hang (a killed process, a stalled server, a stuck COPY).
    ///
    /// It is there to end a hang, not to time the test: the suite runs its tests side by side on two cores,
    /// and a test that takes seconds alone has taken four minutes waiting its turn (and more on CI's machine).
    public static var hangLimit: Self { .timeLimit(.minutes(15)) }
}
