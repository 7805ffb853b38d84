import Foundation

/// One fuzz target: a name (its corpus folder's, and what selects it in the `LearnchatFuzz`
/// executable) and the function that takes one input.
///
/// The function must return for every input: errors are expected and swallowed, while a
/// crash (a trap, a failed `invariant`) or a hang is a finding. The libFuzzer executable,
/// the replay mode of the same executable and the regression test all call it.
public struct FuzzTarget: Sendable {
  /// The target's name, and its folder under `Fuzz/corpus/` and `Fuzz/regressions/`.
  public let name: String
  /// Runs one input.
  public let run: @Sendable ([UInt8]) -> Void

  public init(name: String, run: @escaping @Sendable ([UInt8]) -> Void) {
    self.name = name
    self.run = run
  }

  /// Every target; each has a seed folder `Fuzz/corpus/<name>/`.
  public static let all: [FuzzTarget] = [
    .frameDecoder, .publicKey, .demo2Server, .demo2Client, .demo3Server, .demo3Client, .lesson,
  ]

  public static let frameDecoder = FuzzTarget(
    name: "FuzzFrameDecoder", run: FrameDecoderFuzz.run)
  public static let publicKey = FuzzTarget(name: "FuzzPublicKey", run: KeyImportFuzz.run)
  public static let demo2Server = FuzzTarget(name: "FuzzDemo2Server", run: Demo2Fuzz.runServer)
  public static let demo2Client = FuzzTarget(name: "FuzzDemo2Client", run: Demo2Fuzz.runClient)
  public static let demo3Server = FuzzTarget(name: "FuzzDemo3Server", run: Demo3Fuzz.runServer)
  public static let demo3Client = FuzzTarget(name: "FuzzDemo3Client", run: Demo3Fuzz.runClient)
  public static let lesson = FuzzTarget(name: "FuzzLesson", run: LessonFuzz.run)

  /// The body of `LLVMFuzzerTestOneInput`: runs the `size` bytes at `data`; always 0.
  public func callAsFunction(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    runGuarded(Array(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size)))
    return 0
  }

  /// Runs one input as a fuzz executable does: ``run``, then a check that nothing read
  /// standard input (see ``StandardInputGuard``).
  public func runGuarded(_ input: [UInt8]) {
    StandardInputGuard.install()
    run(input)
    StandardInputGuard.check(after: name)
  }

  /// The environment variable that names the target the libFuzzer build fuzzes.
  public static let selectorVariable = "LEARNCHAT_FUZZ_TARGET"

  /// The target called `name`, if there is one.
  public static func named(_ name: String) -> FuzzTarget? {
    all.first { $0.name == name }
  }

  /// The target ``selectorVariable`` names; a missing or unknown name ends the process with
  /// status 64 and the list of targets.
  public static let selected: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment[selectorVariable] ?? ""
    guard let target = named(name) else {
      let problem = name.isEmpty ? "is unset" : "=\(name) names no target"
      fail(
        "LearnchatFuzz: \(selectorVariable) \(problem); set it to one of: "
          + all.map(\.name).joined(separator: ", "))
    }
    return target
  }()

  /// The `main` of the fuzz executable built without libFuzzer: `TARGET FILE_OR_DIR...`
  /// replays each file named (each file inside a named folder) through that target's
  /// ``runGuarded(_:)``, so a crash input can be reproduced with an ordinary debug build.
  public static func replayMain(
    arguments: [String] = Array(CommandLine.arguments.dropFirst())
  ) -> Never {
    let targets = all.map(\.name).joined(separator: ", ")
    guard let name = arguments.first, arguments.count > 1 else {
      fail(
        """
        usage: LearnchatFuzz TARGET FILE_OR_DIR...
        Replays inputs through a fuzz target (this build has no libFuzzer; scripts/fuzz builds \
        the fuzzing one). Targets: \(targets)
        """)
    }
    guard let target = named(name) else {
      fail("LearnchatFuzz: no target \(name) (targets: \(targets))")
    }
    target.replay(Array(arguments.dropFirst()))
  }

  /// Replays each file of `paths` (each file inside a folder) through ``runGuarded(_:)``.
  func replay(_ paths: [String]) -> Never {
    var count = 0
    for path in paths {
      for file in Self.files(at: URL(fileURLWithPath: path)) {
        guard let data = FileManager.default.contents(atPath: file.path) else {
          FileHandle.standardError.write(Data("\(name): cannot read \(file.path)\n".utf8))
          exit(1)
        }
        print("\(name): \(file.path) (\(data.count) bytes)")
        runGuarded([UInt8](data))
        count += 1
      }
    }
    print("\(name): \(count) input(s) replayed, no crash")
    exit(0)
  }

  /// Prints `message` on standard error and exits with status 64 (a usage error).
  private static func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(64)
  }

  /// `url` itself if it is a file; every regular file under it, sorted, if it is a folder.
  public static func files(at url: URL) -> [URL] {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
      return []
    }
    guard isFolder.boolValue else { return [url] }
    let enumerator = FileManager.default.enumerator(
      at: url, includingPropertiesForKeys: [.isRegularFileKey])
    var files: [URL] = []
    while let file = enumerator?.nextObject() as? URL {
      if (try? file.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
        files.append(file)
      }
    }
    return files.sorted { $0.path < $1.path }
  }
}
