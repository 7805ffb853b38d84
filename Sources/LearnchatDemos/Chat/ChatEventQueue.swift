import Foundation

/// Something a chat session waits for: a typed line, the end of typing, or the end of the
/// receiving side.
enum ChatEvent: Sendable {
  /// The user typed a line.
  case line(String)
  /// Standard input ended: treated like typing `exit`.
  case inputEnded
  /// Session `session`'s receive loop ended (peer exited, disconnected, or misbehaved).
  case peerEnded(session: Int)
}

/// A blocking queue of chat events, fed by the keyboard thread and the receive threads.
///
/// One queue serves a whole server run: a line typed while no client is connected is kept for
/// the next one, as the originals' terminal would keep it, and the end of input stays ended.
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
