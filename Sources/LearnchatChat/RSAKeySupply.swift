import Dispatch
import LearnchatCrypto
import LearnchatDemos
import LearnchatWire
import Synchronization

/// The demo-2 server's RSA key pair, made ahead of time on its own thread so that no client
/// waits for key generation, and replaced once a chat has used it.
///
/// Handshakes that run side by side share the current key: only the one that becomes the chat
/// ever has a session key wrapped with it, and the next chat gets a fresh key, as in the
/// original, which made a key per connection.
final class RSAKeySupply: Sendable {
  private let state = Mutex<Result<RSAPrivateKey, any Error>?>(nil)
  private let ready = DispatchSemaphore(value: 0)

  /// Starts making the first key.
  init() {
    generate()
  }

  /// The current key, waiting for it to be made if needed.
  func current() throws -> RSAPrivateKey {
    ready.wait()
    ready.signal()
    guard let result = state.withLock({ $0 }) else { preconditionFailure("signalled before made") }
    return try result.get()
  }

  /// The current key was used for a chat: start making the next.
  func used() {
    ready.wait()
    state.withLock { $0 = nil }
    generate()
  }

  /// Waits for a key being made: no thread may be inside OpenSSL when the process exits, or
  /// OpenSSL's exit-time clean-up frees what it is using (a crash seen with `serve --once`).
  func finish() {
    ready.wait()
    ready.signal()
  }

  private func generate() {
    do {
      try DetachedThread.start { [self] in
        let result = Result<RSAPrivateKey, any Error> { try RSAPrivateKey() }
        state.withLock { $0 = result }
        CryptoThread.releaseState()
        ready.signal()
      }
    } catch {
      // Whoever waits for the key gets why there is none.
      state.withLock { $0 = .failure(error) }
      ready.signal()
    }
  }
}
