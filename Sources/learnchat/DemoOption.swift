import ArgumentParser
import LearnchatDemos

extension ChatDemo {
  /// The demo `--demo number` names, or a usage error naming the ones there are.
  static func named(_ number: Int) throws -> ChatDemo {
    guard let demo = ChatDemo(rawValue: number) else {
      throw ValidationError("--demo must be 1, 2 or 3, not \(number)")
    }
    return demo
  }
}
