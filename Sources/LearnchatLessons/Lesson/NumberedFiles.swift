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

/// A library of numbered files, each made into an `Item`: the lessons or the exercises. The
/// two find their folder, read it and look a number up the same way; each says how to parse
/// one file and how to word its errors.
protocol NumberedLibrary {
  /// What one file becomes, such as a ``Lesson``.
  associatedtype Item
  /// The library's errors, such as ``LessonError``.
  associatedtype Failure: Error

  /// Where the files are read from.
  var source: LessonLibrary.Source { get }
  init(source: LessonLibrary.Source)

  /// The folder looked for beside the executable, such as `lessons`.
  static var folderName: String { get }
  /// The copies built into the binary.
  static var builtInFiles: [(name: String, text: String)] { get }
  /// The error for a folder or a file that cannot be read.
  static func unreadable(_ problem: NumberedFiles.Problem) -> Failure
  /// The error for a number no file has.
  static func noSuch(_ number: Int, available: [Int]) -> Failure
  /// One file, parsed and checked.
  static func item(from file: NumberedFiles.File) throws(Failure) -> Item
}

extension NumberedLibrary {
  /// The library in `folder`; when `folder` is nil, the ``folderName`` folder
  /// ``ContentFolders`` finds, or else the built-in copy.
  static func locating(folder: String?, executablePath: String) throws(Failure) -> Self {
    guard let folder else {
      let found = ContentFolders.locate(named: folderName, executablePath: executablePath)
      return Self(source: found.map { .folder($0) } ?? .builtIn)
    }
    var isDirectory = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
      throw unreadable(.unreadableFolder(path: folder, reason: "no such folder"))
    }
    guard isDirectory else {
      throw unreadable(.unreadableFolder(path: folder, reason: "not a folder"))
    }
    return Self(source: .folder(folder))
  }

  /// Every file's number, name and text, in number order.
  func files() throws(Failure) -> [NumberedFiles.File] {
    do {
      switch source {
      case .builtIn: return NumberedFiles.builtIn(Self.builtInFiles)
      case .folder(let path): return try NumberedFiles.inFolder(path)
      }
    } catch {
      throw Self.unreadable(error)
    }
  }

  /// The file numbered `number`, parsed and checked.
  func item(_ number: Int) throws(Failure) -> Item {
    let all = try files()
    guard let file = all.first(where: { $0.number == number }) else {
      throw Self.noSuch(number, available: all.map(\.number))
    }
    return try Self.item(from: file)
  }

  /// Every file, parsed and checked; the first bad file stops the listing.
  func items() throws(Failure) -> [Item] {
    var items: [Item] = []
    for file in try files() { items.append(try Self.item(from: file)) }
    return items
  }
}
