import LearnchatWire

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

#if canImport(Glibc)
  import Glibc
#endif

/// A file learnchat writes for the user (the HTML page, an export's files), checked before the
/// lesson runs and written with plain POSIX calls, so that every failure is one line naming the
/// path and the system's reason.
public enum OutputFile {
  /// Checks that `path` can be written as a file: its folder exists and is writable, and it is
  /// not a folder itself. Nothing is created.
  public static func checkWritable(_ path: String) throws(OutputFileError) {
    var status = stat()
    if stat(path, &status) == 0 {
      guard status.st_mode & S_IFMT != S_IFDIR else {
        throw OutputFileError(path: path, reason: "it is a folder")
      }
      guard access(path, W_OK) == 0 else { throw OutputFileError(path: path, errno: errno) }
      return
    }
    let folder = FilePath.folder(of: path)
    let checked = folder.isEmpty ? "." : folder
    guard stat(checked, &status) == 0 else {
      throw OutputFileError(path: path, reason: "there is no folder \(checked)")
    }
    guard status.st_mode & S_IFMT == S_IFDIR else {
      throw OutputFileError(path: path, reason: "\(checked) is not a folder")
    }
    guard access(checked, W_OK) == 0 else {
      throw OutputFileError(path: path, reason: "the folder \(checked) is not writable")
    }
  }

  /// Writes `bytes` to `path`, replacing what was there (through ``SystemFile``).
  public static func write(_ bytes: [UInt8], to path: String) throws(OutputFileError) {
    do {
      try SystemFile.write(bytes, to: path)
    } catch {
      throw OutputFileError(path: path, errno: error.errno)
    }
  }
}

/// A file that could not be written: its path and why, in one line.
public struct OutputFileError: Error, Equatable, CustomStringConvertible {
  /// The file or folder.
  public let path: String
  /// Why, in the system's words or ours.
  public let reason: String

  init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  init(path: String, errno code: Int32) {
    self.init(path: path, reason: SystemError(call: "", errno: code).message.lowercasedFirst)
  }

  public var description: String { "cannot write \(path): \(reason)" }
}

extension String {
  /// The string with its first letter lower-cased, as a system message reads inside a sentence.
  var lowercasedFirst: String {
    guard let first else { return self }
    return first.lowercased() + dropFirst()
  }
}
