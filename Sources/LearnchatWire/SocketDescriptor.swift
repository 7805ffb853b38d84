import Glibc
import Synchronization

/// Owns one socket's file descriptor and closes it exactly once, even with several threads.
///
/// A chat reads on one thread and writes on another, and either may close. Closing a descriptor
/// while another thread is inside `recv` on it is a race: the number can be reused by the next
/// `open` and the late `recv` would read someone else's file. So every call borrows the descriptor
/// through ``withDescriptor(_:_:)``, which counts the borrowers, and `close` only `shutdown`s while
/// a borrower is inside a call (waking a blocked `recv` or `accept`); the last borrower out does
/// the real `close`.
final class SocketDescriptor: Sendable {
  private struct State {
    var descriptor: Int32
    var borrowers = 0
    var closeRequested = false
    var closed = false
  }

  // Sendable because all mutable state sits behind this Mutex, held only briefly, never across a
  // blocking call.
  private let state: Mutex<State>

  /// Takes ownership of an open descriptor.
  init(_ descriptor: Int32) {
    state = Mutex(State(descriptor: descriptor))
  }

  deinit {
    // No borrower can be left: each one holds a reference to this object.
    close()
  }

  /// True once ``close()`` has been called.
  var isClosed: Bool { state.withLock { $0.closeRequested } }

  /// Runs `body` with the descriptor, which stays open until `body` returns.
  ///
  /// - Throws: `WireError.socketClosed(operation:)` if the socket is closed, or was closed while
  ///   `body` ran (then the call's own error, such as `EINVAL` from a woken `accept`, says nothing
  ///   useful); otherwise whatever `body` throws.
  @discardableResult
  func withDescriptor<Result>(_ operation: String, _ body: (Int32) throws -> Result) throws
    -> Result
  {
    let descriptor = try state.withLock { state throws(WireError) -> Int32 in
      guard !state.closeRequested else { throw .socketClosed(operation: operation) }
      state.borrowers += 1
      return state.descriptor
    }
    defer {
      state.withLock { state in
        state.borrowers -= 1
        if state.closeRequested && state.borrowers == 0 { Self.closeNow(&state) }
      }
    }
    do {
      return try body(descriptor)
    } catch {
      if isClosed { throw WireError.socketClosed(operation: operation) }
      throw error
    }
  }

  /// Closes the descriptor now, or as soon as the last call using it returns; idempotent.
  func close() {
    state.withLock { state in
      guard !state.closeRequested else { return }
      state.closeRequested = true
      if state.borrowers == 0 {
        Self.closeNow(&state)
      } else {
        // Wakes a thread blocked in recv (which then sees end of stream) or accept.
        _ = Glibc.shutdown(state.descriptor, Int32(SHUT_RDWR))
      }
    }
  }

  private static func closeNow(_ state: inout State) {
    guard !state.closed else { return }
    state.closed = true
    // Not retried on EINTR (see SystemCall): on Linux the descriptor is released regardless.
    _ = Glibc.close(state.descriptor)
  }
}
