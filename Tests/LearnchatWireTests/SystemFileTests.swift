import Foundation
import Glibc
import LearnchatTestSupport
import LearnchatWire
import Testing

/// Files through the one system-call path: whole writes, bounded reads, the system's errors.
@Suite("SystemFile")
struct SystemFileTests {
  @Test("a file written is read back whole, with the permissions asked for")
  func roundTrip() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("data.bin")
    let bytes = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
    try SystemFile.write(bytes, to: path, permissions: 0o600)
    #expect(try SystemFile.read(path, limit: bytes.count) == bytes)
    #expect(try SystemFile.size(path) == bytes.count)
    var status = stat()
    #expect(stat(path, &status) == 0)
    #expect(status.st_mode & 0o777 == 0o600)
  }

  @Test("newOnly never replaces a file; appending adds to its end; replacing truncates")
  func creation() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("pins")
    try SystemFile.write(Array("one\n".utf8), to: path, creation: .newOnly)
    #expect(throws: SystemError(call: "open", errno: EEXIST)) {
      try SystemFile.write(Array("two\n".utf8), to: path, creation: .newOnly)
    }
    try SystemFile.write(Array("two\n".utf8), to: path, creation: .appending)
    #expect(try SystemFile.read(path, limit: 100) == Array("one\ntwo\n".utf8))
    try SystemFile.write(Array("3".utf8), to: path, creation: .replacing)
    #expect(try SystemFile.read(path, limit: 100) == Array("3".utf8))
  }

  @Test("a read stops past its limit, even on an endless file, and names a missing one")
  func boundedRead() throws {
    #expect(throws: SystemError(call: "read", errno: EFBIG)) {
      try SystemFile.read("/dev/zero", limit: 1 << 20)
    }
    #expect(throws: SystemError(call: "open", errno: ENOENT)) {
      try SystemFile.read("/nonexistent/learnchat", limit: 10)
    }
  }

  @Test("an atomic write replaces the file and leaves no temporary file behind")
  func atomicWrite() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("progress.json")
    try SystemFile.write(Array("old".utf8), to: path)
    try SystemFile.writeAtomically(Array("new".utf8), to: path)
    #expect(try SystemFile.read(path, limit: 10) == Array("new".utf8))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["progress.json"])
  }

  @Test("missing folders are created private to the user; a file in the way is an error")
  func folders() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("a/b/known_servers")
    try SystemFile.createFolders(containing: path)
    var status = stat()
    #expect(stat(folder.file("a/b"), &status) == 0)
    #expect(status.st_mode & S_IFMT == S_IFDIR)
    #expect(status.st_mode & 0o777 == 0o700)
    try SystemFile.write([], to: folder.file("file"))
    #expect(throws: SystemError.self) {
      try SystemFile.createFolders(containing: folder.file("file/inside/x"))
    }
  }
}
