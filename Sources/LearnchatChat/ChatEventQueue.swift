import Dispatch
import LearnchatDemos
import LearnchatWire
import Synchronization

/// Something a chat session waits for: a typed line, the end of typing, or the end of the
/// receiving side.
enum ChatEvent: Sendable {
  /// The user typed a line.
  case line(String)
  /// Standard input ended: treated like typing `exit`.
  case inputEnded
  /// Session `session`'s receive loop ended (peer exited, disconnected, or misbehaved).
  case peerEnded(session: Int)
  /// Something for the server's own loop, between chats.
  case server(ServerEvent)
}

/// What the server's connection threads tell its main loop.
enum ServerEvent: Sendable {
  /// A handshake finished and this client gets the chat.
  case clientReady(ReadyClient)
  /// The listening socket failed; the server stops with this line.
  case acceptFailed(String)
}

/// A blocking queue of chat events, fed by the keyboard thread and the receive threads.
///
/// One queue serves a whole server run: the keyboard, each chat's receive thread, and the
/// server's connection threads post to it; the end of input stays ended.
public final class ChatEventQueue: Sendable {
  private struct State {
    var events: [ChatEvent] = []
    var inputEnded = false
  }

  private let state = Mutex(State())
  /// Signalled once per post. A waiter looks at the state, and waits on this only when what it
  /// wants is not there yet; a signal it did not need (the event was taken without waiting)
  /// costs one more look later, never a missed event.
  private let posted = DispatchSemaphore(value: 0)

  /// An empty queue.
  public init() {}

  func post(_ event: ChatEvent) {
    state.withLock { state in
      if case .inputEnded = event { state.inputEnded = true }
      state.events.append(event)
    }
    posted.signal()
  }

  /// The next event, waiting for one; after input has ended, `.inputEnded` is always ready.
  func next() -> ChatEvent {
    waitFor { state in
      if !state.events.isEmpty { return state.events.removeFirst() }
      return state.inputEnded ? .inputEnded : nil
    }
  }

  /// The next typed line, nil at the end of input; anything else that arrives meanwhile is
  /// kept for later, in order. For questions asked before the chat starts.
  public func nextLine() -> String? {
    waitFor { state -> String?? in
      if let index = state.events.firstIndex(where: { if case .line = $0 { true } else { false } })
      {
        guard case .line(let line) = state.events.remove(at: index) else { return .some(nil) }
        return line
      }
      return state.inputEnded ? .some(nil) : nil
    }
  }

  /// What `take` finds in the state, waiting for posts until it finds something (non-nil).
  private func waitFor<Found: Sendable>(_ take: (inout State) -> Found?) -> Found {
    while true {
      if let found = state.withLock({ take(&$0) }) { return found }
      posted.wait()
    }
  }

  /// Starts a thread that reads lines with `readLine` and posts them, then `.inputEnded`.
  ///
  /// - Throws: `SystemError` when that thread cannot be started.
  public func startReadingLines(
    _ readLine: @escaping @Sendable () -> String? = { Swift.readLine(strippingNewline: true) }
  ) throws {
    try DetachedThread.start { [self] in readLines(readLine) }
  }

  /// Reads lines with `readLine` on this thread and posts them, then `.inputEnded`.
  func readLines(
    _ readLine: @Sendable () -> String? = { Swift.readLine(strippingNewline: true) }
  ) {
    while let line = readLine() { post(.line(line)) }
    post(.inputEnded)
  }
}
