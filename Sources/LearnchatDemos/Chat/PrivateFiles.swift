import Glibc
import LearnchatWire

/// Files only their owner may read: the server's identity key and the client's pins.
///
/// Plain POSIX calls, so a failure reads as the system's words (`open: Permission denied`) and
/// a new file is created with its final mode, never readable by others for a moment.
enum PrivateFiles {
  /// The file's bytes, or nil when there is no such file.
  static func read(_ path: String) throws(SystemError) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    if descriptor < 0 {
      if errno == ENOENT { return nil }
      throw SystemError(call: "open", errno: errno)
    }
    defer { close(descriptor) }
    var contents: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 16_384)
    while true {
      let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw SystemError(call: "read", errno: errno)
      }
      if count == 0 { return contents }
      contents += buffer[..<count]
    }
  }

  /// Writes `bytes` to a new file at `path` (mode 0600), creating missing directories (0700).
  ///
  /// - Throws: `EEXIST` as a `SystemError` when the file already exists: it is never replaced.
  static func create(_ path: String, contents bytes: [UInt8]) throws(SystemError) {
    try createDirectories(containing: path)
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw SystemError(call: "open", errno: errno) }
    defer { close(descriptor) }
    try write(bytes, to: descriptor)
  }

  /// Appends `bytes` to the file at `path`, creating it (0600) and its directories (0700) when
  /// missing.
  static func append(_ bytes: [UInt8], to path: String) throws(SystemError) {
    try createDirectories(containing: path)
    let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw SystemError(call: "open", errno: errno) }
    defer { close(descriptor) }
    try write(bytes, to: descriptor)
  }

  /// Creates the missing directories on the way to `path` (mode 0700), as `ssh` does `~/.ssh`;
  /// existing ones are left as they are.
  static func createDirectories(containing path: String) throws(SystemError) {
    let components = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
    var directory = ""
    for (index, component) in components.enumerated() {
      directory += (index == 0 ? "" : "/") + component
      guard !component.isEmpty, component != ".", component != ".." else { continue }
      if mkdir(directory, 0o700) != 0 && errno != EEXIST {
        throw SystemError(call: "mkdir \(directory)", errno: errno)
      }
    }
  }

  private static func write(_ bytes: [UInt8], to descriptor: Int32) throws(SystemError) {
    var remaining = bytes[...]
    while !remaining.isEmpty {
      let written = remaining.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno == EINTR { continue }
        throw SystemError(call: "write", errno: errno)
      }
      remaining = remaining.dropFirst(written)
    }
  }
}
