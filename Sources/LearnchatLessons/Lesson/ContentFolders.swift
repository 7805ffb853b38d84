#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Where learnchat looks for a folder of content files (`lessons`, `exercises`) when none is
/// given: beside the executable, in `../share/learnchat/NAME` from it, and in the checkout it
/// was built in. Callers fall back to the copy built into the binary.
enum ContentFolders {
  /// The folders to try for `name`, in order, for the executable at `executablePath`.
  static func candidates(named name: String, executablePath: String) -> [String] {
    let executable = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath()
    let directory = executable.deletingLastPathComponent()
    var candidates = [
      directory.appendingPathComponent(name).path,
      directory.appendingPathComponent("../share/learnchat/\(name)").standardized.path,
    ]
    // Built in a checkout: .../repo/.build/<triple>/<configuration>/learnchat.
    let components = executable.pathComponents
    if let build = components.lastIndex(where: { $0.hasPrefix(".build") }) {
      var checkout = executable
      for _ in build..<components.count { checkout.deleteLastPathComponent() }
      candidates.append(checkout.appendingPathComponent(name).path)
    }
    return candidates
  }

  /// The first of the candidates for `name` that is a folder, if any.
  static func locate(named name: String, executablePath: String) -> String? {
    candidates(named: name, executablePath: executablePath).first { candidate in
      var isDirectory = false
      return FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory)
        && isDirectory
    }
  }
}
