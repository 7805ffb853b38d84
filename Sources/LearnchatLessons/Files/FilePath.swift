/// Path arithmetic on the plain strings POSIX calls take: what NSString's path methods did,
/// which FoundationEssentials (all of Foundation that learnchat loads) does not have.
enum FilePath {
  /// The folder part of `path`, as `NSString.deletingLastPathComponent`: "" for a bare name,
  /// "/" for an entry of the root; trailing slashes do not count as a component.
  static func folder(of path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return "" }
    var folder = trimmed[..<slash]
    while folder.count > 1, folder.hasSuffix("/") { folder = folder.dropLast() }
    return folder.isEmpty ? "/" : String(folder)
  }

  /// `name` inside `folder`, with one slash between them; `name` alone when `folder` is "".
  static func appending(_ name: String, to folder: String) -> String {
    if folder.isEmpty { return name }
    return folder.hasSuffix("/") ? folder + name : folder + "/" + name
  }
}
