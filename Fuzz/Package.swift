// swift-tools-version: 6.0
// learnchat's fuzzing, a package of its own beside the product (as swift-protobuf keeps its
// fuzzers), so that `swift build` at the top compiles only learnchat: the targets' logic
// (LearnchatFuzzCore), one executable for them all (LearnchatFuzz), the seed corpus generator,
// and the tests that replay every seed and past finding. scripts/fuzz builds the executable
// with `--sanitize=fuzzer`; a plain build makes a replayer of input files, which the tests run.
import PackageDescription

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
    .executableTarget(
      name: "LearnchatFuzz", dependencies: ["LearnchatFuzzCore"], path: "LearnchatFuzz"),
    // `swift test` builds every target, the replayer it runs included (a dependency on the
    // executable would link its objects, LLVMFuzzerTestOneInput among them, into the tests).
    .testTarget(
      name: "FuzzRegressionTests", dependencies: layers + ["LearnchatFuzzCore"],
      path: "Tests/FuzzRegressionTests"),
  ],
  swiftLanguageModes: [.v6]
)
