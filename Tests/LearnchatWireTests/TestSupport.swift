import Foundation
import LearnchatTestSupport
import LearnchatWire
import Synchronization

/// Runs `body` on its own thread; `join()` waits for it and returns its result or rethrows.
///
/// A real thread rather than a task, so a blocking socket call never ties up Swift's small
/// cooperative pool that the tests themselves run on.
final class Background<Value: Sendable>: Sendable {
  private let outcome = Mutex<Result<Value, any Error>?>(nil)
  private let finished = DispatchSemaphore(value: 0)

  init(_ body: @escaping @Sendable () throws -> Value) {
    let thread = Thread { [self] in
      let result = Result { try body() }
      outcome.withLock { $0 = result }
      finished.signal()
    }
    thread.start()
  }

  /// Waits for the body; a watchdog turns a hang (a broken implementation) into a failure.
  func join() throws -> Value {
    guard finished.wait(timeout: .now() + 60) == .success else { throw TestFailure.hung }
    guard let result = outcome.withLock({ $0 }) else { throw TestFailure.hung }
    return try result.get()
  }
}

enum TestFailure: Error {
  case hung
  /// Something a test set up did not come out as it should; the text says what.
  case mismatch(String)
}

/// A loopback pair whose reads give up after 30 s, so a broken implementation fails instead of
/// hanging the test run. No test waits anywhere near that long when the code works.
func makeTestPair() throws -> (server: TCPConnection, client: TCPConnection) {
  let pair = try makeLoopbackPair()
  try pair.server.setReadTimeout(30)
  try pair.client.setReadTimeout(30)
  return pair
}

/// Closes both ends of a loopback pair: the `defer` right after making one.
func closeBoth(_ server: TCPConnection, _ client: TCPConnection) {
  server.close()
  client.close()
}

/// Closes both ends of a framed loopback pair: the `defer` right after making one.
func closeBoth(_ server: FramedChannel, _ client: FramedChannel) {
  server.close()
  client.close()
}

/// A port on 127.0.0.1 that nothing listens on: bound by a listener that is then closed.
func unusedPort() throws -> UInt16 {
  let listener = try TCPListener(host: "127.0.0.1", port: 0)
  defer { listener.close() }
  return listener.port
}

/// Frames of varied sizes, including empty ones, with recognizable contents.
func sampleBodies(count: Int, seed: UInt64) -> [[UInt8]] {
  var generator = SeededRandom(seed: seed)
  return (0..<count).map { index in
    let size = index % 7 == 0 ? 0 : Int.random(in: 1...300, using: &generator)
    return (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
  }
}

extension [UInt8] {
  /// The UTF-8 bytes of `text`.
  init(text: String) { self = Array(text.utf8) }
}
