import LearnchatWire
import Synchronization

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

#if canImport(Glibc)
  import Glibc
#endif

/// The file that keeps a learner's progress: `$XDG_STATE_HOME/learnchat/progress.json`, by
/// default `~/.local/state/learnchat/progress.json`.
///
/// Every change is a read, a change and an atomic replace (a new file renamed over the old)
/// under an advisory lock, so two learnchat processes never lose each other's changes and a
/// crash never leaves half a file. A missing file is an empty record; an unreadable or corrupt
/// one is reported once, in one line, and treated as empty: progress is a convenience, never a
/// reason to fail.
public final class ProgressStore: Sendable {
  /// Where the record is kept.
  public let path: String
  private let warn: @Sendable (String) -> Void
  private let warned = Mutex(false)

  /// Records larger than this are not read: a progress file is a few kilobytes, and a
  /// huge one is corrupt, not something to load into memory.
  public static let maximumSize = 1 << 20

  /// A store at `path`, reporting problems through `warn` (one line each, once per store).
  public init(path: String, warn: @escaping @Sendable (String) -> Void) {
    self.path = path
    self.warn = warn
  }

  /// The record file's path for `environment`: under `XDG_STATE_HOME` when it is an absolute
  /// path (the XDG rule: relative values are ignored), else under `HOME/.local/state`; nil
  /// without either.
  public static func defaultPath(environment: [String: String]) -> String? {
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
      return state + "/learnchat/progress.json"
    }
    guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
    return home + "/.local/state/learnchat/progress.json"
  }

  /// The record as it is now (empty when missing or unreadable).
  public func load() -> ProgressRecord {
    read()
  }

  /// Applies `change` to the stored record and saves it; a failure to save is reported
  /// (once) and otherwise ignored.
  public func update(_ change: (inout ProgressRecord) -> Void) {
    do {
      try createFolder()
      try withFileLock {
        var record = read()
        change(&record)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(record) + Data("\n".utf8)
        try SystemFile.writeAtomically(Array(data), to: path)
      }
    } catch {
      report("cannot save progress to \(path): \(Self.reason(error))")
    }
  }

  /// Forgets everything: lessons' places and exercises' seeds, hints and results.
  public func reset() {
    update { $0 = ProgressRecord() }
  }

  private func read() -> ProgressRecord {
    guard SystemFile.exists(path) else { return ProgressRecord() }
    do {
      let size = try SystemFile.size(path)
      if size > Self.maximumSize {
        report("the progress file \(path) is too large to be one (\(size) bytes); starting afresh")
        return ProgressRecord()
      }
      let bytes = try SystemFile.read(path, limit: Self.maximumSize)
      let record = try JSONDecoder().decode(ProgressRecord.self, from: Data(bytes))
      guard record.version == ProgressRecord.currentVersion else {
        report(
          "the progress file \(path) has version \(record.version), which this learnchat does "
            + "not know; starting afresh")
        return ProgressRecord()
      }
      return record
    } catch {
      report("the progress file \(path) is unreadable (\(Self.reason(error))); starting afresh")
      return ProgressRecord()
    }
  }

  private func report(_ message: String) {
    let first = warned.withLock { warned in
      defer { warned = true }
      return !warned
    }
    if first { warn(message) }
  }

  /// Creates the folder (and its parents, private to the user) when missing.
  private func createFolder() throws {
    try SystemFile.createFolders(containing: path, permissions: 0o700)
  }

  /// Runs `body` holding an exclusive `flock` on a lock file beside the record.
  private func withFileLock(_ body: () throws -> Void) throws {
    let lockPath = path + ".lock"
    let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }
    defer { close(descriptor) }
    while flock(descriptor, LOCK_EX) != 0 {
      guard errno == EINTR else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }
    defer { flock(descriptor, LOCK_UN) }
    try body()
  }

  /// A short reason for `error`, without Foundation's domain and code dump.
  static func reason(_ error: any Error) -> String {
    if let decoding = error as? DecodingError {
      switch decoding {
      case .dataCorrupted(let context): return "not valid JSON: " + context.debugDescription
      case .keyNotFound(let key, _): return "no \"\(key.stringValue)\" field"
      case .typeMismatch(_, let context), .valueNotFound(_, let context):
        let field = context.codingPath.map(\.stringValue).joined(separator: ".")
        return "a wrong value at \"\(field)\""
      @unknown default: return "not a progress record"
      }
    }
    return FileErrorReason.of(error)
  }
}
