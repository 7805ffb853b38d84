import Glibc
import LearnchatDemos
import LearnchatWire

/// Files only their owner may read: the server's identity key and the client's pins.
///
/// Written through ``SystemFile``, so a failure reads as the system's words
/// (`open: Permission denied`) and a new file is created with its final mode, never readable by
/// others for a moment.
enum PrivateFiles {
  /// The largest such file read: a key is a few kilobytes, a pin a line.
  static let maximumSize = 1 << 20

  /// The file's bytes, or nil when there is no such file.
  static func read(_ path: String) throws(SystemError) -> [UInt8]? {
    do {
      return try SystemFile.read(path, limit: maximumSize)
    } catch  where error.errno == ENOENT {
      return nil
    }
  }

  /// Writes `bytes` to a new file at `path` (mode 0600), creating missing folders (0700).
  ///
  /// - Throws: `EEXIST` as a `SystemError` when the file already exists: it is never replaced.
  static func create(_ path: String, contents bytes: [UInt8]) throws(SystemError) {
    try SystemFile.createFolders(containing: path)
    try SystemFile.write(bytes, to: path, creation: .newOnly, permissions: 0o600)
  }

  /// Appends `bytes` to the file at `path`, creating it (0600) and its folders (0700) when
  /// missing.
  static func append(_ bytes: [UInt8], to path: String) throws(SystemError) {
    try SystemFile.createFolders(containing: path)
    try SystemFile.write(bytes, to: path, creation: .appending, permissions: 0o600)
  }
}
