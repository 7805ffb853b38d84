// The FuzzFrameDecoder fuzz target; see FuzzTarget.frameDecoder in Fuzz/Core. Built by scripts/fuzz with
// libFuzzer (-DFUZZING, which supplies main); an ordinary build replays files instead.
import LearnchatFuzzCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  FuzzTarget.frameDecoder(data, size)
}

#if !FUZZING
  @main enum Replay {
    static func main() { FuzzTarget.frameDecoder.replay() }
  }
#endif
