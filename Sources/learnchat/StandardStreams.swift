import Glibc
import LearnchatWire

/// Writes to standard output; a reader that went away (`learnchat lesson 2 | head -1`) ends the
/// program quietly instead of with a broken-pipe crash.
enum StandardOutput {
  @Sendable static func write(_ text: String) {
    StreamWriter.write(text, to: STDOUT_FILENO, quietExitOnClosedReader: true)
  }
}

/// Writes to standard error.
enum StandardError {
  static func write(_ text: String) {
    StreamWriter.write(text, to: STDERR_FILENO, quietExitOnClosedReader: false)
  }
}

enum StreamWriter {
  static func write(_ text: String, to descriptor: Int32, quietExitOnClosedReader: Bool) {
    do {
      try SystemFile.writeAll(Array(text.utf8), to: descriptor)
    } catch {
      // EPIPE: the reader is gone (SIGPIPE is ignored, see InterruptHandling). Nothing more
      // can be shown, so stop without a message. `_exit`, not `exit`: other threads (a
      // peer, the key generation) may be inside OpenSSL, and `exit` would run OpenSSL's
      // atexit clean-up under them (a crash in pthread_rwlock_unlock on freed memory). There
      // is nothing to flush: everything is written with write(2).
      if quietExitOnClosedReader { _exit(0) }
    }
  }
}
