internal import COpenSSL

/// Reading OpenSSL's thread-local error queue.
enum OpenSSLErrors {
  /// Empties the error queue, so the next failure's text is about that failure only.
  static func clear() {
    ERR_clear_error()
  }

  /// Takes every entry off the error queue and joins their texts, oldest first.
  ///
  /// Returns `fallback` when the queue is empty (some calls fail without queuing a reason).
  static func drain(fallback: String = "no reason given by OpenSSL") -> String {
    var reasons: [String] = []
    while true {
      let code = ERR_get_error()
      if code == 0 { break }
      reasons.append(text(for: code))
    }
    return reasons.isEmpty ? fallback : reasons.joined(separator: "; ")
  }

  /// OpenSSL's reason string for one error code, without the `error:0A00000:` prefix noise
  /// when a plain reason exists.
  private static func text(for code: UInt) -> String {
    if let reason = ERR_reason_error_string(code) {
      return String(cString: reason)
    }
    var buffer = [CChar](repeating: 0, count: 256)
    ERR_error_string_n(code, &buffer, buffer.count)
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// The error for a failed `operation`, carrying whatever OpenSSL queued.
  static func error(_ operation: String) -> CryptoError {
    .openSSL(operation: operation, reason: drain())
  }

  /// Throws `error(operation)` unless an OpenSSL status code signals success (1).
  static func check(_ status: Int32, _ operation: String) throws {
    guard status == 1 else { throw error(operation) }
  }

  /// Unwraps a pointer returned by OpenSSL, or throws with OpenSSL's reason.
  static func check<T>(_ pointer: T?, _ operation: String) throws -> T {
    guard let pointer else { throw error(operation) }
    return pointer
  }
}
