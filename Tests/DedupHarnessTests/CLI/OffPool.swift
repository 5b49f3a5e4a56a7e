import Foundation

/// Runs blocking work (child processes, polling sleeps) on its own thread, so a test waiting for it
/// does not hold one of Swift's few cooperative threads: with two cores, a blocked pool starves
/// the tests that sleep on it (e.g. the realtime pubsub model). `#expect` stays in the caller.
enum OffPool {
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                do { continuation.resume(returning: try body()) } catch { continuation.resume(throwing: error) }
            }.start()
        }
    }
}
