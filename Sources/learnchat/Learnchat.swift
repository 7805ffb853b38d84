import ArgumentParser

/// The `learnchat` command: parses arguments and hands over to the layers.
@main
struct Learnchat: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "learnchat",
    abstract: "Learn how a secure chat works by running one and seeing every byte.",
    discussion: """
      learnchat re-creates two small teaching chats: a plaintext TCP chat, and one whose \
      handshake wraps an AES-256 key with RSA-OAEP and whose messages are AES-256-GCM frames. \
      Start with `learnchat lesson 1`; then try its exercises (`learnchat exercises`).
      """,
    version: LearnchatVersion.current,
    subcommands: [
      LessonsCommand.self, LessonCommand.self, ExercisesCommand.self, ExerciseCommand.self,
      CheckCommand.self, HintCommand.self, ProgressCommand.self, ServeCommand.self,
      ConnectCommand.self, InterceptCommand.self,
      BenchCommand.self, BenchTransportCommand.self,
    ]
  )
}
