// The FuzzDemo2Server fuzz target; see FuzzTarget.demo2Server in Fuzz/Core. Built by scripts/fuzz with
// libFuzzer (-DFUZZING, which supplies main); an ordinary build replays files instead.
import LearnchatFuzzCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  FuzzTarget.demo2Server(data, size)
}

#if !FUZZING
  @main enum Replay {
    static func main() { FuzzTarget.demo2Server.replay() }
  }
#endif
