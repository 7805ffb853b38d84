import LearnchatWire

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// What lessons and exercises are both made of: numbered Markdown files (`02-handshake.md`) in
/// a folder, or their copies built into the binary.
enum NumberedFiles {
  /// One file: the number its name starts with, its name, its text.
  typealias File = (number: Int, fileName: String, source: String)

  /// Why a folder of them, or one of its files, could not be read.
  enum Problem: Error {
    case unreadableFolder(path: String, reason: String)
    case unreadableFile(path: String, reason: String)
  }

  /// The largest file read, so a stray huge file cannot exhaust memory.
  static let maximumFileSize = 1 << 20

  /// The numbered files among `files` (built-in copies), in number order.
  static func builtIn(_ files: [(name: String, text: String)]) -> [File] {
    files.compactMap { file in number(of: file.name).map { ($0, file.name, file.text) } }
      .sorted { $0.number < $1.number }
  }

  /// The numbered `.md` files in the folder at `path`, read, in number order.
  static func inFolder(_ path: String) throws(Problem) -> [File] {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: path)
    } catch {
      throw .unreadableFolder(path: path, reason: FileErrorReason.of(error))
    }
    var files: [File] = []
    for name in names where name.hasSuffix(".md") {
      guard let number = number(of: name) else { continue }
      let filePath = FilePath.appending(name, to: path)
      files.append((number, name, try read(filePath)))
    }
    return files.sorted { $0.number < $1.number }
  }

  /// The text of the file at `path`: at most ``maximumFileSize`` bytes of UTF-8.
  static func read(_ path: String) throws(Problem) -> String {
    let bytes: [UInt8]
    do {
      let size = try SystemFile.size(path)
      guard size <= maximumFileSize else {
        throw Problem.unreadableFile(
          path: path, reason: "it is \(size) bytes; lessons are limited to \(maximumFileSize) bytes"
        )
      }
      // Bounded again while reading: the file may grow after the check.
      bytes = try SystemFile.read(path, limit: maximumFileSize)
    } catch let error as Problem {
      throw error
    } catch {
      throw .unreadableFile(path: path, reason: FileErrorReason.of(error))
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw .unreadableFile(path: path, reason: "it is not UTF-8 text")
    }
    return text
  }

  /// The number a file name starts with: `02-handshake.md` is 2.
  static func number(of fileName: String) -> Int? {
    let digits = fileName.prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty, fileName.dropFirst(digits.count).first == "-" else { return nil }
    return Int(digits)
  }
}
