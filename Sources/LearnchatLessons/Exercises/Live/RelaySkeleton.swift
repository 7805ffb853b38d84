/// `relay.py`, handed out with the live exercises: a relay that passes every demo-2 frame on
/// unchanged, in both directions, for the learner to turn into an attack.
///
/// It reads whole frames (4-byte big-endian length, then the body), so an attack changes
/// frames, not the accidents of how TCP cut the stream. Importable: `import relay`, replace
/// `on_client_frame` or `on_server_frame`, then call `relay.main()`. The file is
/// `exercises/relay.py`, compiled in by the EmbedTextFiles plugin.
enum RelaySkeleton {
  static let source: String = {
    guard let file = BuiltInExerciseScripts.files.first(where: { $0.name == "relay.py" }) else {
      preconditionFailure("exercises/relay.py was not compiled in")
    }
    return file.text
  }()
}
