import LearnchatCrypto
import Synchronization

/// The demo-3 client's trust in the server's identity: trust on first use, then the pin, as
/// SSH does with `known_hosts`; or, with `--fingerprint`, only the fingerprint checked out of
/// band.
///
/// `trust` is the closure for `Demo3ClientHandshake(trust:)`: it decides and refuses, but
/// writes nothing, because the handshake asks it before checking the signature. `commit`, once
/// the handshake has succeeded, prints the decision and pins a new server.
public final class ServerPinning: Sendable {
  /// The server as the file names it, `HOST:PORT`.
  public let server: String
  /// The known-servers file.
  public let file: KnownServersFile
  /// The pins read from it before connecting.
  public let known: KnownServers
  /// The fingerprint given with `--fingerprint`, if any.
  public let expected: String?

  /// What `trust` decided.
  enum Decision: Sendable, Equatable {
    /// Not pinned yet: pin `fingerprint` once the handshake succeeds.
    case firstUse(fingerprint: String)
    /// The pinned fingerprint.
    case matches(fingerprint: String)
  }

  private let decision = Mutex<Decision?>(nil)

  /// Pinning for `server` against `known` (read from `file`), accepting only `expected` when
  /// given.
  public init(server: String, file: KnownServersFile, known: KnownServers, expected: String?) {
    self.server = server
    self.file = file
    self.known = known
    self.expected = expected
  }

  /// Accepts the server's identity, or throws `Demo3Error.identityChanged` when it is not the
  /// pinned one (or not the one given with `--fingerprint`).
  public func trust(_ identity: Ed25519.PublicKey) throws {
    let presented = try Demo3.fingerprint(of: identity)
    if let expected, expected != presented {
      throw Demo3Error.identityChanged(pinned: expected, presented: presented)
    }
    let pinned = known.fingerprints(for: server)
    let decided: Decision
    if pinned.isEmpty {
      decided = .firstUse(fingerprint: presented)
    } else if pinned.contains(presented) {
      decided = .matches(fingerprint: presented)
    } else {
      throw Demo3Error.identityChanged(pinned: pinned[0], presented: presented)
    }
    decision.withLock { $0 = decided }
  }

  /// After a successful handshake: prints what was decided, and pins a server seen for the
  /// first time.
  ///
  /// - Throws: `ChatFailure` when the pin cannot be written.
  public func commit(console: ChatConsole) throws {
    switch decision.withLock({ $0 }) {
    case .firstUse(let fingerprint):
      if expected == nil {
        console.line(
          "[*] First connection to \(server): trusting \(fingerprint) "
            + "(compare it with the fingerprint the server shows)")
      } else {
        console.line(
          "[*] First connection to \(server): \(fingerprint) is the fingerprint given with "
            + "--fingerprint")
      }
      try file.append(server: server, fingerprint: fingerprint)
      console.line("[*] Pinned it in \(file.path)")
    case .matches(let fingerprint):
      console.line(ChatLines.identityMatches(fingerprint))
    case nil:
      break
    }
  }

  /// What to add to a refusal's line: how to accept a change that was expected.
  func hint(for error: Demo3Error) -> String? {
    guard case .identityChanged(let pinned, _) = error else { return nil }
    if let expected, pinned == expected {
      return "\(expected) is the fingerprint given with --fingerprint"
    }
    return "if the change is expected, remove the line for \(server) from \(file.path)"
  }
}
