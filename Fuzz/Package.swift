// swift-tools-version: 6.0
// learnchat's fuzzing, a package of its own beside the product (as swift-protobuf keeps its
// fuzzers), so that `swift build` at the top compiles only learnchat: the targets' logic
// (LearnchatFuzzCore), one libFuzzer executable per target, the seed corpus generator, and the
// tests that replay every seed and past finding. scripts/fuzz builds the executables with
// `--sanitize=fuzzer`; a plain build makes replayers of input files, which the tests run.
import PackageDescription

let fuzzTargets = [
  "FuzzFrameDecoder", "FuzzPublicKey", "FuzzDemo2Server", "FuzzDemo2Client", "FuzzDemo3Server",
  "FuzzDemo3Client", "FuzzLesson",
]

let layers: [Target.Dependency] = [
  .product(name: "LearnchatCrypto", package: "learnchat"),
  .product(name: "LearnchatWire", package: "learnchat"),
  .product(name: "LearnchatDemos", package: "learnchat"),
  .product(name: "LearnchatLessons", package: "learnchat"),
]

let package = Package(
  name: "learnchat-fuzz",
  dependencies: [.package(name: "learnchat", path: "..")],
  targets: [
    .target(name: "LearnchatFuzzCore", dependencies: layers, path: "Core"),
    .executableTarget(
      name: "FuzzSeeds", dependencies: layers + ["LearnchatFuzzCore"], path: "Seeds"),
    // `swift test` builds every target, the replayers it runs included (a dependency on an
    // executable would link its objects into the tests: one LLVMFuzzerTestOneInput each).
    .testTarget(
      name: "FuzzRegressionTests", dependencies: layers + ["LearnchatFuzzCore"],
      path: "Tests/FuzzRegressionTests"),
  ]
    + fuzzTargets.map {
      .executableTarget(name: $0, dependencies: ["LearnchatFuzzCore"], path: $0)
    },
  swiftLanguageModes: [.v6]
)
