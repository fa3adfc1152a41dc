// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using NnQft.Model;
using NnQft.Numerics.MonteCarlo;
using NnQft.Numerics.Sampling;

namespace NnQft.Benchmarks;

/// <summary>
/// <c>peer</c>: the exact sampler against the numpy brute-force peer (../shared/bench/numpy_peer.py) in the same run,
/// printed as networks/s of each and their ratio. The machines are shared and noisy, so only the ratio is meaningful;
/// the peer runs before and after the sampler and its mean rate is the reference.
/// Run: dotnet run -c Release --project tests/NnQft.Benchmarks -- peer [--nets N] [--peer-nets M] [--points FILE]
/// [--g4 all|none|FILE] [--threads K]. The peer is the default network; --points passes the same points to both.
/// It needs Debian's numpy (apt-get install python3-numpy libopenblas0-pthread) under /usr/bin/python3.
/// </summary>
internal static class PeerComparison
{
    public static int Run(string[] args)
    {
        string? Option(string name)
        {
            int i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        long nets = long.Parse(Option("--nets") ?? "20000", CultureInfo.InvariantCulture);
        int peerNets = int.Parse(Option("--peer-nets") ?? "500", CultureInfo.InvariantCulture);
        int threads = int.Parse(Option("--threads") ?? Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        string? pointsFile = Option("--points");
        var architecture = Architecture.Default;
        var points = pointsFile is null ? PointSet.Default : PointsCsv.Load(pointsFile, architecture);
        var g4 = TupleSelection.Parse(Option("--g4") ?? "all", 4, points.Count);
        string peer = FindPeer();

        double peerBefore = PeerRate(peer, peerNets, pointsFile);
        var options = new SampleOptions(architecture, points) { Networks = nets, Threads = threads, G4 = g4, Method = SamplingMethod.Exact };
        MonteCarloSampler.Sample(options with { Networks = Math.Min(nets, 2 * MonteCarloSampler.BlockSize * threads) }); // warm-up (JIT)
        var clock = Stopwatch.StartNew();
        MonteCarloSampler.Sample(options);
        double ours = nets / clock.Elapsed.TotalSeconds;
        double peerAfter = PeerRate(peer, peerNets, pointsFile);
        double peerRate = (peerBefore + peerAfter) / 2;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"points {points.Count}, --g4 {Option("--g4") ?? "all"}, threads {threads}: exact {ours:F0} nets/s, numpy peer {peerRate:F1} nets/s (before {peerBefore:F1}, after {peerAfter:F1}), ratio {ours / peerRate:F1}x"));
        return 0;
    }

    private static double PeerRate(string peer, int nets, string? pointsFile)
    {
        // Debian's interpreter, where python3-numpy installs (another python3 may come first on PATH).
        string python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string a in new[] { peer, nets.ToString(CultureInfo.InvariantCulture), "0", "--json" }) start.ArgumentList.Add(a);
        if (pointsFile is not null)
        {
            start.ArgumentList.Add("--points");
            start.ArgumentList.Add(pointsFile);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"the peer failed (exit {process.ExitCode}); it needs apt-get install python3-numpy libopenblas0-pthread");
        using var json = JsonDocument.Parse(output);
        return json.RootElement.GetProperty("nets_per_s").GetDouble();
    }

    // The peer lives beside the repository, at ../shared/bench/numpy_peer.py from the repository root (found from the working folder up).
    private static string FindPeer()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NnQft.Symbolic.sln")))
            {
                string peer = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "bench", "numpy_peer.py"));
                if (File.Exists(peer)) return peer;
                throw new FileNotFoundException("the numpy peer is not at ../shared/bench/numpy_peer.py from the repository root", peer);
            }
        throw new DirectoryNotFoundException("run from inside the repository (NnQft.Symbolic.sln not found above the working folder)");
    }
}
