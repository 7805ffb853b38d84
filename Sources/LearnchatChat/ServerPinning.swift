import LearnchatCrypto
import LearnchatDemos
import Synchronization

/// The demo-3 client's trust in the server's identity, as SSH's: a server seen for the first
/// time is shown by its fingerprint and the user asked (`yes`/`no`); once accepted it is pinned
/// in the known-servers file and a different identity later is refused. Without a terminal to
/// ask on, a new server is refused unless `--accept-new` says to pin it or `--fingerprint`
/// gives the one expected, checked out of band.
///
/// `trust` is the closure for `Demo3.ClientHandshake(trust:)`: it decides and refuses, but
/// writes nothing and asks nothing, because the handshake asks it before checking the
/// signature. `commit`, once the handshake has proved the server holds the identity key, asks
/// when it must, prints the decision and pins a new server.
public final class ServerPinning: Sendable {
  /// The server as the file names it, `HOST:PORT`.
  public let server: String
  /// The known-servers file.
  public let file: KnownServersFile
  /// The pins read from it before connecting.
  public let known: KnownServers
  /// The fingerprint given with `--fingerprint`, if any.
  public let expected: String?
  /// Whether a new server is pinned without asking (`--accept-new`).
  public let acceptNew: Bool

  /// What `trust` decided.
  enum Decision: Sendable, Equatable {
    /// Not pinned yet: pin `fingerprint` once the handshake succeeds.
    case firstUse(fingerprint: String)
    /// The pinned fingerprint.
    case matches(fingerprint: String)
  }

  private let decision = Mutex<Decision?>(nil)

  /// Pinning for `server` against `known` (read from `file`), accepting only `expected` when
  /// given, and a new server without asking with `acceptNew`.
  public init(
    server: String, file: KnownServersFile, known: KnownServers, expected: String?,
    acceptNew: Bool = false
  ) {
    self.server = server
    self.file = file
    self.known = known
    self.expected = expected
    self.acceptNew = acceptNew
  }

  /// Accepts the server's identity, or throws `Demo3.ProtocolError.identityChanged` when it is not the
  /// pinned one (or not the one given with `--fingerprint`).
  public func trust(_ identity: Ed25519.PublicKey) throws {
    let presented = try Demo3.fingerprint(of: identity)
    if let expected, expected != presented {
      throw Demo3.ProtocolError.untrusted(
        reason: "its fingerprint \(presented) does not match the one given with --fingerprint, "
          + "\(expected)")
    }
    let pinned = known.fingerprints(for: server)
    let decided: Decision
    if pinned.isEmpty {
      decided = .firstUse(fingerprint: presented)
    } else if pinned.contains(presented) {
      decided = .matches(fingerprint: presented)
    } else {
      throw Demo3.ProtocolError.identityChanged(pinned: pinned[0], presented: presented)
    }
    decision.withLock { $0 = decided }
  }

  /// After a successful handshake: asks about a new server (through `ask`, when there is a
  /// person to answer), prints what was decided, and pins a new server once accepted.
  ///
  /// - Parameter ask: shows a question and returns the answer typed, nil at the end of input;
  ///   nil when no one can answer (no terminal).
  /// - Throws: `ChatFailure` when a new server is not accepted or the pin cannot be written.
  public func commit(console: ChatConsole, ask: ((String) -> String?)?) throws {
    switch decision.withLock({ $0 }) {
    case .firstUse(let fingerprint):
      if expected != nil {
        console.line(
          "[*] First connection to \(server): \(fingerprint) is the fingerprint given with "
            + "--fingerprint")
      } else if acceptNew {
        console.line("[*] First connection to \(server): accepting \(fingerprint) (--accept-new)")
      } else if let ask {
        try confirm(fingerprint, console: console, ask: ask)
      } else {
        throw ChatFailure(
          "\(server) is not a known server (its fingerprint is \(fingerprint)) and there is no "
            + "terminal to ask on; check the fingerprint the server shows and pass it with "
            + "--fingerprint, or pass --accept-new to trust it on first use")
      }
      try file.append(server: server, fingerprint: fingerprint)
      console.line("[*] Pinned it in \(file.path)")
    case .matches(let fingerprint):
      console.line(ChatLines.identityMatches(fingerprint))
    case nil:
      break
    }
  }

  /// Asks, as SSH does, until the answer is yes or no.
  private func confirm(_ fingerprint: String, console: ChatConsole, ask: (String) -> String?)
    throws
  {
    console.line("[*] The authenticity of \(server) can't be established.")
    console.line("[*] Its Ed25519 identity fingerprint is \(fingerprint).")
    console.line("[*] Compare it with the fingerprint the server printed when it started.")
    var question = "Trust this server and pin it (yes/no)? "
    while true {
      guard let answer = ask(question) else {
        throw ChatFailure("\(server) not trusted: no answer")
      }
      switch answer.trimmingSpacesAndCase() {
      case "yes": return
      case "no": throw ChatFailure("\(server) not trusted: you answered no")
      default: question = "Please type 'yes' or 'no': "
      }
    }
  }

  /// What to add to a refusal's line: how to accept a change that was expected.
  func hint(for error: Demo3.ProtocolError) -> String? {
    guard case .identityChanged = error else { return nil }
    return "if the change is expected, remove the line for \(server) from \(file.path)"
  }
}

extension String {
  /// Lower-cased, without spaces at either end: how a yes/no answer is compared.
  fileprivate func trimmingSpacesAndCase() -> String {
    var text = Substring(self.lowercased())
    while text.first == " " || text.first == "\t" { text = text.dropFirst() }
    while text.last == " " || text.last == "\t" { text = text.dropLast() }
    return String(text)
  }
}
