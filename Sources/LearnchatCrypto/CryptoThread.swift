internal import COpenSSL

/// What OpenSSL keeps for each thread that uses it.
public enum CryptoThread {
  /// Frees what OpenSSL keeps for the calling thread (its error queue, its random generators)
  /// now, rather than as the thread exits. OpenSSL sets it up again if the thread goes on.
  ///
  /// A thread that another waits for calls it just before it says it is done. OpenSSL frees
  /// this state from a handler that runs as the thread exits, which is after the waiter was
  /// told; a process that exits in that moment holds an object nothing points to any more, and
  /// LeakSanitizer reports it (904 bytes, the size of OpenSSL 3's per-thread error queue, now
  /// and then at a chat's exit).
  public static func releaseState() {
    OPENSSL_thread_stop()
  }
}
