import Foundation
import LearnchatDemos

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

  private let condition = NSCondition()
  // Guarded by `condition`; NSCondition is the lock.
  private nonisolated(unsafe) var state = State()

  /// An empty queue.
  public init() {}

  func post(_ event: ChatEvent) {
    condition.lock()
    if case .inputEnded = event { state.inputEnded = true }
    state.events.append(event)
    condition.signal()
    condition.unlock()
  }

  /// The next event, waiting for one; after input has ended, `.inputEnded` is always ready.
  func next() -> ChatEvent {
    condition.lock()
    defer { condition.unlock() }
    while state.events.isEmpty && !state.inputEnded { condition.wait() }
    return state.events.isEmpty ? .inputEnded : state.events.removeFirst()
  }

  /// The next typed line, nil at the end of input; anything else that arrives meanwhile is
  /// kept for later, in order. For questions asked before the chat starts.
  public func nextLine() -> String? {
    condition.lock()
    defer { condition.unlock() }
    while true {
      if let index = state.events.firstIndex(where: { if case .line = $0 { true } else { false } })
      {
        guard case .line(let line) = state.events.remove(at: index) else { return nil }
        return line
      }
      if state.inputEnded { return nil }
      condition.wait()
    }
  }

  /// Starts a thread that reads lines with `readLine` and posts them, then `.inputEnded`.
  public func startReadingLines(
    _ readLine: @escaping @Sendable () -> String? = { Swift.readLine(strippingNewline: true) }
  ) {
    Thread.detachNewThread { [self] in
      while let line = readLine() { post(.line(line)) }
      post(.inputEnded)
    }
  }
}
