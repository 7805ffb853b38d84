import LearnchatWire

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Where lessons come from: a folder of `NN-name.md` files, or the copy built into the binary.
///
/// Lesson files are read at run time, so an instructor can edit them or point `--lessons` at
/// their own. Without `--lessons`, learnchat looks for a `lessons` folder beside the executable,
/// in `../share/learnchat/lessons` from it, and in the checkout it was built in; failing those,
/// it uses the lessons compiled in, so a copied binary still works from any directory.
public struct LessonLibrary: Sendable {
  /// Where the lesson files are read from.
  public enum Source: Sendable, Equatable, CustomStringConvertible {
    case folder(String)
    case builtIn

    public var description: String {
      switch self {
      case .folder(let path): return path
      case .builtIn: return "the copy built into learnchat"
      }
    }
  }

  /// Where these lessons come from.
  public let source: Source

  /// The library in `folder`, or found as described above when `folder` is nil.
  public static func locate(folder: String?, executablePath: String = runningExecutable)
    throws(LessonError) -> LessonLibrary
  {
    if let folder {
      var isDirectory = false
      guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
        throw .unreadableFolder(path: folder, reason: "no such folder")
      }
      guard isDirectory else {
        throw .unreadableFolder(path: folder, reason: "not a folder")
      }
      return LessonLibrary(source: .folder(folder))
    }
    if let found = ContentFolders.locate(named: "lessons", executablePath: executablePath) {
      return LessonLibrary(source: .folder(found))
    }
    return LessonLibrary(source: .builtIn)
  }

  /// This process's executable: `/proc/self/exe` on Linux, which, unlike `argv[0]`, is a full
  /// path even when the binary was found through `PATH`.
  public static var runningExecutable: String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments[0]
  }

  /// Every lesson file's number, name and text, in number order.
  public func files() throws(LessonError) -> [(number: Int, fileName: String, source: String)] {
    switch source {
    case .builtIn:
      return BuiltInLessons.files.compactMap { file in
        Self.number(of: file.name).map { ($0, file.name, file.text) }
      }.sorted { $0.number < $1.number }
    case .folder(let path):
      let names: [String]
      do {
        names = try FileManager.default.contentsOfDirectory(atPath: path)
      } catch {
        throw .unreadableFolder(path: path, reason: FileErrorReason.of(error))
      }
      var files: [(number: Int, fileName: String, source: String)] = []
      for name in names where name.hasSuffix(".md") {
        guard let number = Self.number(of: name) else { continue }
        let filePath = FilePath.appending(name, to: path)
        files.append((number, name, try Self.read(filePath)))
      }
      return files.sorted { $0.number < $1.number }
    }
  }

  /// Lesson `number`, parsed and checked against its demo.
  public func lesson(_ number: Int) throws(LessonError) -> Lesson {
    let all = try files()
    guard let file = all.first(where: { $0.number == number }) else {
      throw .noSuchLesson(number: number, available: all.map(\.number))
    }
    return try Lesson(
      number: file.number, fileName: file.fileName,
      text: LessonParser.parse(file.source, fileName: file.fileName))
  }

  /// Every lesson, parsed and checked; the first bad file stops the listing.
  public func lessons() throws(LessonError) -> [Lesson] {
    var lessons: [Lesson] = []
    for file in try files() {
      lessons.append(
        try Lesson(
          number: file.number, fileName: file.fileName,
          text: LessonParser.parse(file.source, fileName: file.fileName)))
    }
    return lessons
  }

  /// The largest lesson file read, so a stray huge file cannot exhaust memory.
  static let maximumFileSize = 1 << 20

  static func read(_ path: String) throws(LessonError) -> String {
    let bytes: [UInt8]
    do {
      let size = try SystemFile.size(path)
      guard size <= maximumFileSize else {
        throw LessonError.unreadableFile(
          path: path, reason: "it is \(size) bytes; lessons are limited to \(maximumFileSize) bytes"
        )
      }
      // Bounded again while reading: the file may grow after the check.
      bytes = try SystemFile.read(path, limit: maximumFileSize)
    } catch let error as LessonError {
      throw error
    } catch {
      throw .unreadableFile(path: path, reason: FileErrorReason.of(error))
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw .unreadableFile(path: path, reason: "it is not UTF-8 text")
    }
    return text
  }

  /// The lesson number a file name starts with: `02-handshake.md` is 2.
  static func number(of fileName: String) -> Int? {
    let digits = fileName.prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty, fileName.dropFirst(digits.count).first == "-" else { return nil }
    return Int(digits)
  }
}
