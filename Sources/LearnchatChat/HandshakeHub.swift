import Glibc
import LearnchatCrypto
import LearnchatDemos
import LearnchatWire
import Synchronization

/// The server's connections until one becomes the chat: each handshake on its own thread with
/// its own timeout, at most `limit` at a time, the first to finish given the chat through the
/// event queue; the others, and every connection that comes during a chat, are told at once
/// that the server is busy (a `ChatNotice`) and closed, with one line in the server's log.
final class HandshakeHub: Sendable {
  private struct State {
    var pending: [Int: Pending] = [:]
    var chatActive = false
    var stopped = false
    var nextID = 0
  }

  private struct Pending {
    let connection: TCPConnection
    let peer: String
  }

  private let options: ChatOptions
  private let console: ChatConsole
  private let events: ChatEventQueue
  private let limit: Int
  private let keys: RSAKeySupply?
  private let state = Mutex(State())

  init(options: ChatOptions, console: ChatConsole, events: ChatEventQueue, limit: Int) {
    self.options = options
    self.console = console
    self.events = events
    self.limit = limit
    self.keys = options.demo == .demo2 ? RSAKeySupply() : nil
  }

  /// Accepts connections on `listener` on a thread of its own until `stop()` (which the
  /// listener's closing ends).
  ///
  /// - Throws: `SystemError` when that thread cannot be started.
  func startAccepting(on listener: TCPListener) throws {
    try DetachedThread.start { [self] in
      while true {
        do {
          let tap = options.capture?.newTap()
          let connection = try listener.accept(tap: tap)
          options.capture?.add(connection, tap: tap, end: .server)
          admit(connection)
        } catch let error as SystemError where [ECONNABORTED, EPROTO].contains(error.errno) {
          continue  // A client that left while queued: not the server's problem.
        } catch {
          if state.withLock({ $0.stopped }) { return }
          events.post(.server(.acceptFailed("accept failed: \(error)")))
          return
        }
      }
    }
  }

  /// The chat has ended: the next handshake to finish gets the next chat.
  func chatEnded() {
    state.withLock { $0.chatActive = false }
  }

  /// Stops: connections still shaking hands are closed.
  func stop() {
    let pending = state.withLock { state in
      state.stopped = true
      defer { state.pending = [:] }
      return Array(state.pending.values)
    }
    for entry in pending { entry.connection.close() }
    keys?.finish()
  }

  private enum Admission {
    case handshake(id: Int)
    case busy
    case full
    case stopped
  }

  private func admit(_ connection: TCPConnection) {
    let peer = connection.remoteAddress.pythonTupleDescription
    let admission = state.withLock { state -> Admission in
      if state.stopped { return .stopped }
      if state.chatActive { return .busy }
      if state.pending.count >= limit { return .full }
      state.nextID += 1
      state.pending[state.nextID] = Pending(connection: connection, peer: peer)
      return .handshake(id: state.nextID)
    }
    switch admission {
    case .stopped:
      connection.close()
    case .busy:
      turnAway(connection, peer: peer, ChatNotice.busy, log: "busy with another chat")
    case .full:
      turnAway(
        connection, peer: peer, ChatNotice.full,
        log: "\(limit) connections are already waiting for their handshakes")
    case .handshake(let id):
      console.line("[*] Connection from \(peer)")
      do {
        try DetachedThread.start { [self] in
          shakeHands(id: id, connection, peer: peer)
          CryptoThread.releaseState()
        }
      } catch {
        state.withLock { _ = $0.pending.removeValue(forKey: id) }
        connection.close()
        console.line("[!] \(peer): cannot start its handshake: \(error)")
      }
    }
  }

  private func shakeHands(id: Int, _ connection: TCPConnection, peer: String) {
    let ready: ChatReady
    do {
      ready = try HandshakeAttempt.run(connection, role: .server, options: options) {
        try ChatHandshake.server(
          connection, key: try keys?.current(), options: options, console: console)
      }
    } catch {
      // A handshake this hub closed (the chat went to another client, or the server stopped)
      // was already reported.
      guard state.withLock({ $0.pending.removeValue(forKey: id) }) != nil else { return }
      connection.close()
      console.line("[!] \(peer): \(error)")
      saveCapture()
      return
    }
    let outcome = state.withLock { state -> (granted: Bool, others: [Pending]) in
      guard state.pending.removeValue(forKey: id) != nil, !state.chatActive, !state.stopped else {
        return (false, [])
      }
      state.chatActive = true
      defer { state.pending = [:] }
      return (true, Array(state.pending.values))
    }
    guard outcome.granted else {
      turnAway(connection, peer: peer, ChatNotice.busy, log: "busy with another chat")
      return
    }
    // The key has served its chat; the next one gets a fresh key.
    keys?.used()
    for other in outcome.others {
      turnAway(other.connection, peer: other.peer, ChatNotice.busy, log: "busy with another chat")
    }
    events.post(
      .server(
        .clientReady(
          ReadyClient(
            connection: connection, peer: peer, ready: ready,
            hangUpNote: hangUpNote()))))
  }

  /// Connections being turned away right now; beyond `lingerLimit` they are closed at once.
  private let lingering = Mutex(0)
  private static let lingerLimit = 32

  /// Sends `notice`, closes, and logs once why.
  ///
  /// The close waits (on a thread of its own, at most a second) for the client to close first:
  /// closing a socket with unread bytes (a ClientHello already sent) resets the connection, and
  /// a reset can reach the client before it has read the notice.
  private func turnAway(_ connection: TCPConnection, peer: String, _ notice: String, log: String) {
    console.line("[*] Turned away \(peer): \(log)")
    _ = try? connection.writeAll(ChatNotice.bytes(notice, demo: options.demo))
    try? connection.shutdown(.write)
    let admitted = lingering.withLock { count in
      guard count < Self.lingerLimit else { return false }
      count += 1
      return true
    }
    guard admitted else {
      connection.close()
      return
    }
    do {
      try DetachedThread.start { [self] in
        try? connection.setReadTimeout(1)
        var discarded = 0
        while discarded < 65_536, let bytes = try? connection.read(upTo: 4096), !bytes.isEmpty {
          discarded += bytes.count
        }
        connection.close()
        lingering.withLock { $0 -= 1 }
        saveCapture()
      }
    } catch {
      // No thread to linger on: close now, as past the limit.
      connection.close()
      lingering.withLock { $0 -= 1 }
    }
  }

  /// Rewrites the capture file (`--pcap`) with everything so far; a failure is said once.
  func saveCapture() {
    guard let capture = options.capture else { return }
    do {
      try capture.write()
    } catch {
      let first = captureFailed.withLock { failed in
        defer { failed = true }
        return !failed
      }
      if first { console.line("[!] \(error)") }
    }
  }

  private let captureFailed = Mutex(false)

  /// Demo 3: what a client that hangs up before its first message probably did.
  private func hangUpNote() -> String? {
    guard options.demo == .demo3, let identity = options.identity,
      let fingerprint = try? Demo3.fingerprint(of: identity.publicKey)
    else { return nil }
    return "[!] The client hung up right after the handshake: it probably did not trust this "
      + "server's identity (\(fingerprint))"
  }
}

/// A client whose handshake finished and who gets the chat.
struct ReadyClient: Sendable {
  let connection: TCPConnection
  let peer: String
  let ready: ChatReady
  /// The line for a client that hangs up before saying anything (demo 3), if any.
  let hangUpNote: String?
}
