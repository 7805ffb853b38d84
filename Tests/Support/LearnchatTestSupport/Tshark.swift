import Foundation

/// Debian's `tshark`, run on capture files with the repository's Lua dissector loaded: shared
/// by the test targets that read captures (the wire layer's and the chat's).
public enum Tshark {
  public static let path = "/usr/bin/tshark"

  /// `contrib/wireshark/learnchat.lua` in this checkout.
  public static let dissector = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("contrib/wireshark/learnchat.lua").path

  /// Whether CI asked for these tests to run, and so to fail where tshark is missing.
  public static var required: Bool {
    ProcessInfo.processInfo.environment["LEARNCHAT_REQUIRE_TSHARK"] != nil
  }

  public static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: path) }

  public static var shouldRun: Bool { required || isInstalled }

  public static let skipReason =
    "tshark is not installed at /usr/bin/tshark (scripts/install-deps --capture installs it; "
    + "LEARNCHAT_REQUIRE_TSHARK makes this a failure instead)"

  /// What one run printed.
  public struct Output {
    public var status: Int32
    public var standardOutput: String
    public var standardError: String

    /// Standard error without the notice tshark prints whenever it runs as root.
    public var complaints: [String] {
      standardError.split(separator: "\n").map(String.init).filter {
        !$0.hasPrefix("Running as user \"root\"")
      }
    }
  }

  /// Runs tshark on `file` with the dissector, checksum validation on, and `arguments`.
  ///
  /// HOME points at an empty folder, so that a personal Wireshark configuration (or a
  /// learnchat.lua already installed there) cannot change what the test sees.
  public static func run(_ arguments: [String], file: String, in folder: String) throws -> Output {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments =
      [
        "-X", "lua_script:\(dissector)", "-o", "tcp.check_checksum:TRUE",
        "-o", "ip.check_checksum:TRUE", "-r", file,
      ] + arguments
    let home = folder + "/home"
    try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    var environment = ProcessInfo.processInfo.environment
    environment["HOME"] = home
    environment["XDG_CONFIG_HOME"] = home + "/.config"
    process.environment = environment
    // Files, not pipes: tshark's output can be larger than a pipe holds, and nothing here
    // needs it before tshark exits.
    let outPath = folder + "/tshark.out"
    let errPath = folder + "/tshark.err"
    _ = FileManager.default.createFile(atPath: outPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errPath, contents: nil)
    let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
    let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    return Output(
      status: process.terminationStatus,
      standardOutput: try String(contentsOfFile: outPath, encoding: .utf8),
      standardError: try String(contentsOfFile: errPath, encoding: .utf8))
  }

  /// What Wireshark finds wrong in a capture: malformed packets, warnings or errors (bad
  /// checksums, Lua errors, a dissector's own warnings), and any TCP analysis flag.
  public static let troubleFilter =
    "_ws.malformed || _ws.expert.severity >= warning || tcp.analysis.flags"

  /// "Decode As" arguments that read every TCP port in `file` as `dissector` ("learnchat", or
  /// "data" to leave the payloads undissected).
  ///
  /// The loopback ports are random, and some are registered to other protocols: 44321 is
  /// Performance Co-Pilot's, and a capture that happened to use it was read as that protocol,
  /// with warnings, which failed a test now and then. Naming only the server's port is not
  /// enough: tshark tries the lower of a segment's two ports first.
  public static func decodingEveryPort(as dissector: String, file: String, in folder: String)
    throws -> [String]
  {
    let ports = try run(["-T", "fields", "-e", "tcp.srcport"], file: file, in: folder)
    return Set(ports.standardOutput.split(separator: "\n")).sorted().flatMap {
      ["-d", "tcp.port==\($0),\(dissector)"]
    }
  }

  /// tshark's ``troubleFilter`` on `file`, every port read as `dissector`.
  public static func trouble(file: String, in folder: String, reading dissector: String = "data")
    throws -> Output
  {
    let decodeAs = try decodingEveryPort(as: dissector, file: file, in: folder)
    return try run(decodeAs + ["-Y", troubleFilter], file: file, in: folder)
  }
}
