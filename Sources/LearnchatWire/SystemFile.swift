import Glibc

/// Files and standard streams, through the same system-call path as the sockets
/// (``SystemCall``): every write is written whole (a partial write is continued, `EINTR`
/// retried), every read is bounded, and every failure is a ``SystemError`` in the system's own
/// words (`open: Permission denied`).
///
/// Capture files, exported and HTML files, the chat's private files, progress records, lesson
/// files and the console all come through here, so there is one place where a file is opened,
/// written, read and closed.
public enum SystemFile {
  /// What writing does to a file already at the path.
  public enum Creation: Sendable {
    /// Replaces its contents (`O_TRUNC`); a missing file is created.
    case replacing
    /// Refuses to touch it (`O_EXCL`: `EEXIST`); a missing file is created.
    case newOnly
    /// Adds to its end (`O_APPEND`); a missing file is created.
    case appending

    var flags: Int32 {
      switch self {
      case .replacing: O_TRUNC
      case .newOnly: O_EXCL
      case .appending: O_APPEND
      }
    }
  }

  /// Writes `bytes` to the file at `path`; a new file gets `permissions` from the start, so it
  /// is never readable by others for a moment.
  ///
  /// A failed `close` is reported too: it can mean the data never reached the disk.
  public static func write(
    _ bytes: [UInt8], to path: String, creation: Creation = .replacing,
    permissions: mode_t = 0o644
  ) throws(SystemError) {
    let descriptor = try SystemCall.run("open") {
      open(path, O_WRONLY | O_CREAT | O_CLOEXEC | creation.flags, permissions)
    }
    do {
      try writeAll(bytes, to: descriptor)
    } catch {
      close(descriptor)
      throw error
    }
    guard close(descriptor) == 0 else { throw SystemError(call: "close", errno: errno) }
  }

  /// Writes `bytes` to a temporary file beside `path`, then renames it over `path`, so a reader
  /// sees the old contents or the new, never half of them.
  public static func writeAtomically(
    _ bytes: [UInt8], to path: String, permissions: mode_t = 0o600
  ) throws(SystemError) {
    let temporary = "\(path).\(getpid()).tmp"
    do {
      try write(bytes, to: temporary, creation: .replacing, permissions: permissions)
      try SystemCall.run("rename") { rename(temporary, path) }
    } catch {
      unlink(temporary)
      throw error
    }
  }

  /// Writes every byte of `bytes` to `descriptor`, continuing after partial writes.
  public static func writeAll(_ bytes: [UInt8], to descriptor: Int32) throws(SystemError) {
    var offset = 0
    while offset < bytes.count {
      offset += try SystemCall.run("write") {
        bytes.withUnsafeBytes { buffer in
          Glibc.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
        }
      }
    }
  }

  /// The whole file at `path`, if it holds at most `limit` bytes.
  ///
  /// - Throws: `EFBIG` (`File too large`) as soon as more than `limit` bytes have been read, so
  ///   a huge or endless file (`/dev/zero`) costs at most `limit` bytes of memory; `ENOENT` when
  ///   there is no such file.
  public static func read(_ path: String, limit: Int) throws(SystemError) -> [UInt8] {
    let descriptor = try SystemCall.run("open") { open(path, O_RDONLY | O_CLOEXEC) }
    defer { close(descriptor) }
    var contents: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 16_384)
    while true {
      let count = try SystemCall.run("read") {
        buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
      }
      if count == 0 { return contents }
      guard contents.count + count <= limit else { throw SystemError(call: "read", errno: EFBIG) }
      contents += buffer[..<count]
    }
  }

  /// The size in bytes of the file at `path`.
  public static func size(_ path: String) throws(SystemError) -> Int {
    var status = stat()
    try SystemCall.run("stat") { stat(path, &status) }
    return Int(status.st_size)
  }

  /// Whether something (a file, a folder) is at `path`.
  public static func exists(_ path: String) -> Bool {
    access(path, F_OK) == 0
  }

  /// Creates the missing folders on the way to `path` with `permissions` (as `ssh` does
  /// `~/.ssh`); existing ones are left as they are.
  public static func createFolders(containing path: String, permissions: mode_t = 0o700)
    throws(SystemError)
  {
    let components = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
    var folder = ""
    for (index, component) in components.enumerated() {
      folder += (index == 0 ? "" : "/") + component
      guard !component.isEmpty, component != ".", component != ".." else { continue }
      if mkdir(folder, permissions) != 0 && errno != EEXIST {
        throw SystemError(call: "mkdir \(folder)", errno: errno)
      }
    }
  }
}
