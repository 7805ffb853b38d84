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
public struct LessonLibrary: Sendable, NumberedLibrary {
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

  /// The library reading `source`.
  public init(source: Source) {
    self.source = source
  }

  /// The library in `folder`, or found as described above when `folder` is nil.
  public static func locate(folder: String?, executablePath: String = runningExecutable)
    throws(LessonError) -> LessonLibrary
  {
    try locating(folder: folder, executablePath: executablePath)
  }

  /// This process's executable: `/proc/self/exe` on Linux, which, unlike `argv[0]`, is a full
  /// path even when the binary was found through `PATH`.
  public static var runningExecutable: String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments[0]
  }

  /// Lesson `number`, parsed and checked against its demo.
  public func lesson(_ number: Int) throws(LessonError) -> Lesson {
    try item(number)
  }

  /// Every lesson, parsed and checked; the first bad file stops the listing.
  public func lessons() throws(LessonError) -> [Lesson] {
    try items()
  }

  static let folderName = "lessons"
  static var builtInFiles: [(name: String, text: String)] { BuiltInLessons.files }

  static func unreadable(_ problem: NumberedFiles.Problem) -> LessonError {
    switch problem {
    case .unreadableFolder(let path, let reason): .unreadableFolder(path: path, reason: reason)
    case .unreadableFile(let path, let reason): .unreadableFile(path: path, reason: reason)
    }
  }

  static func noSuch(_ number: Int, available: [Int]) -> LessonError {
    .noSuchLesson(number: number, available: available)
  }

  static func item(from file: NumberedFiles.File) throws(LessonError) -> Lesson {
    try Lesson(
      number: file.number, fileName: file.fileName,
      text: LessonParser.parse(file.source, fileName: file.fileName))
  }

  /// The lesson number a file name starts with: `02-handshake.md` is 2.
  static func number(of fileName: String) -> Int? {
    NumberedFiles.number(of: fileName)
  }
}
