// SPDX-License-Identifier: MIT
using BenchmarkDotNet.Running;
using NnQft.Benchmarks;

// `peer` compares the exact sampler with the numpy peer in one run; everything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "peer") return PeerComparison.Run(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
