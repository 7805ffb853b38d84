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
    do {
      switch source {
      case .builtIn: return NumberedFiles.builtIn(BuiltInLessons.files)
      case .folder(let path): return try NumberedFiles.inFolder(path)
      }
    } catch {
      switch error {
      case .unreadableFolder(let path, let reason):
        throw .unreadableFolder(path: path, reason: reason)
      case .unreadableFile(let path, let reason): throw .unreadableFile(path: path, reason: reason)
      }
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

  /// The lesson number a file name starts with: `02-handshake.md` is 2.
  static func number(of fileName: String) -> Int? {
    NumberedFiles.number(of: fileName)
  }
}
