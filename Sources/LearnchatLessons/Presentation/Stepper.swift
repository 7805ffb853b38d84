import Foundation

/// Pauses between stages for `--step`: Enter goes on, `q` then Enter quits.
///
/// It only reads lines, so the terminal stays in its normal mode and there is nothing to
/// restore. When standard input is not a terminal it reads one line per pause, and at the end
/// of input it stops pausing and runs to the end, so a pipe can never make it hang.
public final class Stepper {
  private let enabled: Bool
  private let prompt: () -> Void
  private let readLine: () -> String?
  private var inputEnded = false

  /// A stepper that pauses when `enabled`, calling `prompt` to show the pause line and
  /// `readLine` to wait for an answer (nil at end of input).
  public init(
    enabled: Bool, prompt: @escaping () -> Void,
    readLine: @escaping () -> String? = { Swift.readLine(strippingNewline: true) }
  ) {
    self.enabled = enabled
    self.prompt = prompt
    self.readLine = readLine
  }

  /// Waits for the user when stepping; returns whether to go on.
  public func pause() -> StageDecision {
    guard enabled, !inputEnded else { return .proceed }
    prompt()
    guard let line = readLine() else {
      inputEnded = true
      return .proceed
    }
    let answer = line.trimmingCharacters(in: .whitespaces).lowercased()
    return answer == "q" || answer == "quit" ? .stop : .proceed
  }
}
