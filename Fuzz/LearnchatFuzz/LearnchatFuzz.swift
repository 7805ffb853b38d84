// The one fuzz executable: every target of FuzzTarget.all (Fuzz/Core), the target chosen by
// name. Built by scripts/fuzz with libFuzzer (-DFUZZING, which supplies main), it fuzzes the
// target LEARNCHAT_FUZZ_TARGET names; an ordinary build replays files instead:
// `LearnchatFuzz TARGET FILE_OR_DIR...`.
import LearnchatFuzzCore

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(
  _ argc: UnsafeMutablePointer<Int32>?,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?
) -> Int32 {
  // Chosen before the first input, so a missing or mistyped name stops the run at once.
  _ = FuzzTarget.selected
  return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  FuzzTarget.selected(data, size)
}

#if !FUZZING
  @main enum Replay {
    static func main() { FuzzTarget.replayMain() }
  }
#endif
