import Dispatch
import LearnchatCrypto
import LearnchatDemos
import LearnchatWire
import Synchronization

/// How a chat session ended.
public enum ChatEnd: Sendable, Equatable {
  /// The user typed `exit`, or standard input ended.
  case localExit
  /// The peer sent `exit`.
  case peerExited
  /// The peer closed the connection.
  case peerDisconnected
  /// The connection failed or the peer broke the protocol; the reason was printed.
  case failed(String)
}

/// One chat over an established connection: the keyboard loop on the calling thread, the
/// receive loop on its own thread, with the console lines of the original demos.
public final class ChatSession: Sendable {
  private static let sessionCounter = Mutex(0)

  private let transport: any ChatTransport
  private let console: ChatConsole
  private let events: ChatEventQueue
  private let showWire: (@Sendable (WireEvent) -> String)?
  private let id: Int
  /// Set when this side ends the chat, so the receive loop's wake-up is not reported as the
  /// peer's doing.
  private let endingLocally = Mutex(false)
  /// Said instead of `[Peer disconnected]` when the peer hangs up before its first message.
  private let hangUpAfterHandshake: String?
  /// Server events that arrived during the chat, handed back to the server's loop after it.
  private let deferred = Mutex<[ServerEvent]>([])

  /// A session sending and receiving through `transport`, printing on `console`, taking typed
  /// lines from `events`; `showWire` renders every unit sent or received (for `--show-wire`);
  /// `hangUpAfterHandshake` is said when the peer leaves before sending anything.
  public init(
    transport: any ChatTransport, console: ChatConsole, events: ChatEventQueue,
    showWire: (@Sendable (WireEvent) -> String)? = nil, hangUpAfterHandshake: String? = nil
  ) {
    self.transport = transport
    self.console = console
    self.events = events
    self.showWire = showWire
    self.hangUpAfterHandshake = hangUpAfterHandshake
    self.id = Self.sessionCounter.withLock { count in
      count += 1
      return count
    }
  }

  /// Chats until either side ends it; returns how it ended. The connection is closed after.
  public func run() -> ChatEnd {
    let receiveEnd = Mutex<ChatEnd>(.peerDisconnected)
    let receiveDone = DispatchSemaphore(value: 0)
    do {
      try DetachedThread.start { [self] in
        let end = receiveLoop()
        receiveEnd.withLock { $0 = end }
        CryptoThread.releaseState()
        events.post(.peerEnded(session: id))
        receiveDone.signal()
      }
    } catch {
      let reason = "cannot start receiving: \(error)"
      console.line(ChatLines.failure(reason))
      transport.close()
      return .failed(reason)
    }

    let end = keyboardLoop()
    endingLocally.withLock { $0 = true }
    transport.close()
    receiveDone.wait()
    for event in deferred.withLock({ $0 }) { events.post(.server(event)) }
    return end ?? receiveEnd.withLock { $0 }
  }

  /// Sends typed lines until the user ends the chat (returns `.localExit` or a failure) or the
  /// receive loop ends (returns nil: its result stands).
  private func keyboardLoop() -> ChatEnd? {
    while true {
      console.prompt()
      let event = events.next()
      console.promptAnswered()
      let text: String
      switch event {
      case .peerEnded(let session):
        if session == id { return nil }
        continue
      case .server(let event):
        deferred.withLock { $0.append(event) }
        continue
      case .inputEnded:
        text = ChatText.exitCommand
      case .line(let line):
        guard let outgoing = ChatText.outgoing(line) else { continue }
        text = outgoing
      }
      // Set before sending: a peer that closes as soon as it reads `exit` must not be
      // reported as a disconnection.
      let exiting = ChatText.isExit(text)
      if exiting { endingLocally.withLock { $0 = true } }
      do {
        let wire = try transport.send(text)
        if let showWire { console.line(showWire(wire)) }
      } catch {
        let reason = "could not send: \(error)"
        console.line(ChatLines.failure(reason))
        return .failed(reason)
      }
      if exiting { return .localExit }
    }
  }

  /// Prints what arrives until the peer exits, closes, or breaks the protocol.
  private func receiveLoop() -> ChatEnd {
    var received = 0
    while true {
      let incoming: ChatIncoming?
      do {
        incoming = try transport.receive()
      } catch {
        if endingLocally.withLock({ $0 }) { return .localExit }
        let reason = ReceiveFailure.describe(error)
        console.line(ChatLines.failure(reason))
        return .failed(reason)
      }
      guard let incoming else {
        if endingLocally.withLock({ $0 }) { return .localExit }
        console.line(
          received == 0
            ? hangUpAfterHandshake ?? ChatLines.peerDisconnected : ChatLines.peerDisconnected)
        return .peerDisconnected
      }
      received += 1
      if let showWire { console.line(showWire(incoming.wire)) }
      if received == 1, let hint = firstMessageHint(incoming) { console.line(hint) }
      switch incoming.content {
      case .text(let text):
        if ChatText.isExit(text) {
          console.line(ChatLines.peerExited)
          return .peerExited
        }
        console.line(ChatLines.peer(text))
      case .invalidText(let text):
        console.line("[!] The message is not valid UTF-8; bad bytes are shown as \u{FFFD}")
        console.line(ChatLines.peer(text))
      case .undecryptable(let reason):
        console.line("[!] Failed to decrypt message (\(reason))")
      case .notice(let text):
        console.line("[!] \(text)")
        return .failed(text)
      }
    }
  }

  /// For demo 1, whose first message may well be another demo's handshake (a learner who
  /// forgot `--demo`): what it looks like.
  private func firstMessageHint(_ incoming: ChatIncoming) -> String? {
    guard transport.demo == .demo1,
      let guess = ProtocolGuess.guess(incoming.wire.bytes), guess.demo.isFramed
    else { return nil }
    return "[!] That was not typed text but \(guess.looksLike): is the peer running --demo "
      + "\(guess.demo)? (this side runs --demo 1)"
  }

}
