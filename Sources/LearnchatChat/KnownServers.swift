import LearnchatDemos
import LearnchatWire

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The client's pins for demo 3, like SSH's `known_hosts`: one line per server,
/// `HOST:PORT SHA256:...`, with `#` comments and blank lines ignored.
///
/// The file is meant to be read and edited by hand: when a server's identity changes on
/// purpose, its user removes the server's line.
public struct KnownServers: Sendable, Equatable {
  /// One pin.
  public struct Entry: Sendable, Equatable {
    /// `HOST:PORT` (`[HOST]:PORT` for an IPv6 address).
    public let server: String
    /// `SHA256:` and 43 base64 characters, as `Demo3.fingerprint(of:)` gives it.
    public let fingerprint: String
    /// Its line in the file, counting from 1; 0 for one added since.
    public let line: Int

    /// The pin of `fingerprint` for `server`, read from line `line`.
    public init(server: String, fingerprint: String, line: Int) {
      self.server = server
      self.fingerprint = fingerprint
      self.line = line
    }
  }

  /// A line that is neither a pin, a comment nor blank.
  public struct MalformedLine: Error, Equatable, CustomStringConvertible {
    /// Its number, counting from 1.
    public let line: Int
    /// What is wrong with it.
    public let problem: String

    public var description: String { "line \(line): \(problem)" }
  }

  /// The pins, in file order.
  public private(set) var entries: [Entry]

  /// No pins.
  public init() {
    entries = []
  }

  /// The pins in `text`, a known-servers file's contents.
  ///
  /// - Throws: `MalformedLine` for the first line that is not a pin, a comment or blank.
  public init(parsing text: String) throws(MalformedLine) {
    entries = []
    // `\r\n` is one Character: split on any line break, so files edited on Windows work too.
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    for (index, rawLine) in lines.enumerated() {
      let number = index + 1
      let fields = rawLine.split(whereSeparator: \.isWhitespace)
      guard let first = fields.first, !first.hasPrefix("#") else { continue }
      guard fields.count >= 2 else {
        throw MalformedLine(
          line: number, problem: "expected \"HOST:PORT SHA256:...\", got \"\(rawLine)\"")
      }
      guard Self.isServer(first) else {
        throw MalformedLine(line: number, problem: "\"\(first)\" is not HOST:PORT")
      }
      guard Self.isFingerprint(fields[1]) else {
        throw MalformedLine(
          line: number,
          problem: "\"\(fields[1])\" is not a fingerprint (SHA256: and 43 base64 characters)")
      }
      if fields.count > 2 && !fields[2].hasPrefix("#") {
        throw MalformedLine(
          line: number,
          problem: "unexpected \"\(fields[2])\" after the fingerprint (comments start with #)")
      }
      entries.append(Entry(server: String(first), fingerprint: String(fields[1]), line: number))
    }
  }

  /// The fingerprints pinned for `server`, in file order; empty when it has none.
  public func fingerprints(for server: String) -> [String] {
    entries.filter { $0.server == server }.map(\.fingerprint)
  }

  /// Pins `fingerprint` for `server` in memory; `line(server:fingerprint:)` is what to append
  /// to the file.
  public mutating func add(server: String, fingerprint: String) {
    entries.append(Entry(server: server, fingerprint: fingerprint, line: 0))
  }

  /// The file's line for a pin, newline included.
  public static func line(server: String, fingerprint: String) -> String {
    "\(server) \(fingerprint)\n"
  }

  /// The comment a new file starts with.
  static let header = """
    # learnchat known servers (demo 3): one line per server, HOST:PORT SHA256:fingerprint.
    # Remove a server's line when its identity key has changed on purpose.

    """

  /// How a server is named in the file: `HOST:PORT`, or `[HOST]:PORT` when the host is an
  /// IPv6 address; host names in lower case, as they are case-insensitive.
  public static func server(host: String, port: UInt16) -> String {
    SocketAddress(host: host.lowercased(), port: port).description
  }

  /// Whether `text` is a fingerprint as demo 3 prints them: `SHA256:` and the unpadded base64
  /// of 32 bytes.
  public static func isFingerprint<Text: StringProtocol>(_ text: Text) -> Bool {
    guard text.hasPrefix("SHA256:") else { return false }
    let base64 = text.dropFirst("SHA256:".count)
    guard base64.count == 43,
      base64.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "/") }),
      let digest = Data(base64Encoded: String(base64) + "=")
    else { return false }
    return digest.count == 32
  }

  private static func isServer(_ text: Substring) -> Bool {
    guard let colon = text.lastIndex(of: ":") else { return false }
    let host = text[..<colon]
    let port = text[text.index(after: colon)...]
    guard !host.isEmpty, !port.isEmpty, port.allSatisfy({ $0.isASCII && $0.isNumber }),
      let number = Int(port), (1...65535).contains(number)
    else { return false }
    return !host.contains(":") || (host.hasPrefix("[") && host.hasSuffix("]") && host.count > 2)
  }
}

/// The known-servers file: pins read before connecting, and new ones appended.
public struct KnownServersFile: Sendable {
  /// Where it is.
  public let path: String

  /// The file at `path`.
  public init(path: String) {
    self.path = path
  }

  /// The default: `$XDG_CONFIG_HOME/learnchat/known_servers`, or else
  /// `$HOME/.config/learnchat/known_servers`.
  public static func defaultPath(environment: [String: String]) throws -> String {
    try LearnchatConfiguration.directory(environment: environment) + "/known_servers"
  }

  /// The pins in the file; none when it does not exist yet.
  ///
  /// - Throws: `ChatFailure` naming the file, for one that cannot be read or has a malformed
  ///   line (with its number).
  public func load() throws -> KnownServers {
    do {
      guard let bytes = try PrivateFiles.read(path) else { return KnownServers() }
      return try KnownServers(parsing: String(decoding: bytes, as: UTF8.self))
    } catch {
      throw ChatFailure("cannot use the known-servers file \(path): \(error)")
    }
  }

  /// Appends a pin, creating the file (0600, with a comment saying what it is) and its
  /// directories (0700) when missing.
  public func append(server: String, fingerprint: String) throws {
    do {
      var text = KnownServers.line(server: server, fingerprint: fingerprint)
      if let existing = try PrivateFiles.read(path) {
        // A hand-edited file may lack its last newline.
        if let last = existing.last, last != UInt8(ascii: "\n") { text = "\n" + text }
      } else {
        text = KnownServers.header + text
      }
      try PrivateFiles.append(Array(text.utf8), to: path)
    } catch {
      throw ChatFailure("cannot add \(server) to the known-servers file \(path): \(error)")
    }
  }
}

/// Where learnchat keeps its files.
public enum LearnchatConfiguration {
  /// `$XDG_CONFIG_HOME/learnchat`, or else `$HOME/.config/learnchat`.
  ///
  /// - Throws: `ChatFailure` when neither variable is set (to an absolute path).
  public static func directory(environment: [String: String]) throws -> String {
    if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
      return xdg + "/learnchat"
    }
    if let home = environment["HOME"], !home.isEmpty {
      return home + "/.config/learnchat"
    }
    throw ChatFailure("neither XDG_CONFIG_HOME nor HOME is set: say where the file is")
  }
}
