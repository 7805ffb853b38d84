import Glibc

/// Runs work on threads of its own: a receive loop, a relay's other direction, a key being
/// made while the user reads.
///
/// A POSIX thread, not Foundation's `Thread`: this is all the project needs of it, and the
/// whole of Foundation (with ICU, 40 MB) would otherwise be loaded at every start.
public enum DetachedThread {
  /// Starts `body` on a new detached thread; it runs to its end and its thread then goes away.
  ///
  /// - Throws: `SystemError` (`pthread_create`) when the system cannot make another thread
  ///   (`EAGAIN` at the thread limit); `body` does not run then.
  public static func start(_ body: @escaping @Sendable () -> Void) throws(SystemError) {
    let box = Unmanaged.passRetained(Body(body)).toOpaque()
    var thread = pthread_t()
    let status = pthread_create(
      &thread, nil,
      { box in
        // Balances the retain in start(_:): the box goes away when the body has run.
        Unmanaged<Body>.fromOpaque(box!).takeRetainedValue().run()
        return nil
      }, box)
    guard status == 0 else {
      Unmanaged<Body>.fromOpaque(box).release()
      throw SystemError(call: "pthread_create", errno: status)
    }
    // Its resources go back to the system when it ends; nobody joins it. Fails only for a
    // thread that is not joinable, which one just made is.
    let detached = pthread_detach(thread)
    precondition(detached == 0, "pthread_detach: a new thread is joinable")
  }

  /// The closure, boxed so it can cross `pthread_create`'s one pointer argument.
  private final class Body: Sendable {
    let run: @Sendable () -> Void

    init(_ run: @escaping @Sendable () -> Void) {
      self.run = run
    }
  }
}
