// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NnQft.Cli.Tests;

/// <summary>
/// A private single-node Slurm cluster on loopback for one test: its own munged (key and socket in a temporary
/// folder), slurmctld and slurmd with a temporary slurm.conf (proctrack/linuxproc, task/none, free ports, own state
/// and spool folders). Clients reach it through SLURM_CONF. Dispose cancels its jobs and stops the three daemons it
/// started, by the pids they wrote, and nothing else.
/// </summary>
internal sealed class SingleNodeSlurm : IDisposable
{
    private static readonly string[] Daemons = ["munged", "mungekey", "slurmctld", "slurmd", "sbatch", "scontrol", "scancel", "sinfo", "squeue"];

    private readonly List<(string Name, int Pid)> started = [];

    private SingleNodeSlurm(string root) => Root = root;

    /// <summary>The temporary folder holding configuration, state, spool, logs and the munge socket.</summary>
    public string Root { get; }

    public string Config => Path.Combine(Root, "slurm.conf");

    /// <summary>
    /// Starts the cluster, or returns null with the reason it cannot run here (not root, Slurm or munge not
    /// installed, a daemon that does not come up).
    /// </summary>
    public static SingleNodeSlurm? TryStart(out string reason)
    {
        reason = "";
        if (!OperatingSystem.IsLinux()) { reason = "Slurm runs on Linux only"; return null; }
        if (!Environment.IsPrivilegedProcess) { reason = "slurmd must run as root to start job steps; run the tests as root (as .ci/run does)"; return null; }
        var missing = Daemons.Where(d => Which(d) is null).ToList();
        if (missing.Count > 0) { reason = $"not installed: {string.Join(", ", missing)} (apt-get install slurm-wlm munge)"; return null; }
        // A short path: the munge socket path must fit a Unix socket address (108 bytes).
        string root = Path.Combine("/tmp", "nnqft-slurm-" + Guid.NewGuid().ToString("N")[..10]);
        var cluster = new SingleNodeSlurm(root);
        try
        {
            reason = OperatingSystem.IsWindows() ? "Slurm runs on Linux only" : cluster.Start();
            if (reason.Length == 0) return cluster;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or System.ComponentModel.Win32Exception or TimeoutException)
        {
            reason = e.Message;
        }
        reason = $"{reason}; logs: {cluster.Logs()}";
        cluster.Dispose();
        return null;
    }

    /// <summary>Runs a Slurm client command against this cluster; returns (exit code, stdout + stderr).</summary>
    public (int Exit, string Output) Client(string command, params string[] args)
    {
        var info = new ProcessStartInfo(Which(command)!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["SLURM_CONF"] = Config;
        return Run(info, TimeSpan.FromSeconds(30));
    }

    /// <summary>Runs a client command that must succeed; returns its trimmed output.</summary>
    public string Must(string command, params string[] args)
    {
        var (exit, output) = Client(command, args);
        if (exit != 0) Assert.Fail($"{command} {string.Join(" ", args)} exited {exit}: {output}\nlogs: {Logs()}");
        return output.Trim();
    }

    /// <summary>The field <paramref name="key"/> (e.g. JobState, ExitCode) of <c>scontrol show job -o</c>.</summary>
    public string JobField(string job, string key)
    {
        var (exit, output) = Client("scontrol", "show", "job", "-o", job);
        if (exit != 0) return "";
        foreach (var token in output.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
            if (token.StartsWith(key + "=", StringComparison.Ordinal)) return token[(key.Length + 1)..];
        return "";
    }

    /// <summary>Waits until <paramref name="done"/> holds, failing with <paramref name="what"/> after the timeout.</summary>
    public void WaitFor(Func<bool> done, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            if (clock.Elapsed > timeout) Assert.Fail($"timed out after {timeout.TotalSeconds:F0} s waiting for {what}\nlogs: {Logs()}");
            Thread.Sleep(100);
        }
    }

    /// <summary>The tails of the daemons' logs, for failure messages.</summary>
    public string Logs() => string.Join("\n", new[] { "munged.log", "slurmctld.log", "slurmd.log" }
        .Select(f => Path.Combine(Root, f))
        .Where(File.Exists)
        .Select(f => $"--- {Path.GetFileName(f)}\n{string.Join("\n", File.ReadLines(f).TakeLast(15))}"));

    public void Dispose()
    {
        if (started.Any(s => s.Name == "slurmctld"))
        {
            Client("scancel", "--user", Environment.UserName);
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(15) && Client("squeue", "-h").Output.Trim().Length > 0) Thread.Sleep(200);
        }
        // In the reverse order of starting: slurmd, slurmctld, munged.
        for (int i = started.Count - 1; i >= 0; i--) Stop(started[i].Pid);
        started.Clear();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // a daemon still closing a file: the folder is in /tmp and named for this run only
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private string Start()
    {
        string munge = Path.Combine(Root, "munge");
        foreach (var d in new[] { "state", "spool", munge }) Directory.CreateDirectory(Path.Combine(Root, d));
        // munged refuses a key readable by others and a socket folder others cannot enter.
        File.SetUnixFileMode(Root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        File.SetUnixFileMode(munge, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        string key = Path.Combine(munge, "munge.key"), socket = Path.Combine(munge, "munge.sock");
        var (keyExit, keyOut) = Run(Info("mungekey", "--create", "--keyfile=" + key), TimeSpan.FromSeconds(20));
        if (keyExit != 0) return $"mungekey failed: {keyOut}";
        File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        string mungePid = Path.Combine(munge, "munged.pid");
        var (mExit, mOut) = Run(Info("munged", "--key-file=" + key, "--socket=" + socket, "--pid-file=" + mungePid,
            "--log-file=" + Path.Combine(Root, "munged.log"), "--seed-file=" + Path.Combine(munge, "munged.seed"), "--force"), TimeSpan.FromSeconds(20));
        if (mExit != 0) return $"munged exited {mExit}: {mOut}";
        if (!Started("munged", mungePid)) return "munged wrote no pid file";

        File.WriteAllText(Config, ConfigText(socket));
        var (cExit, cOut) = Run(Info("slurmctld", "-f", Config, "-i"), TimeSpan.FromSeconds(30));
        if (cExit != 0) return $"slurmctld exited {cExit}: {cOut}";
        if (!Started("slurmctld", Path.Combine(Root, "slurmctld.pid"))) return "slurmctld wrote no pid file";
        var (dExit, dOut) = Run(Info("slurmd", "-f", Config), TimeSpan.FromSeconds(30));
        if (dExit != 0) return $"slurmd exited {dExit}: {dOut}";
        if (!Started("slurmd", Path.Combine(Root, "slurmd.pid"))) return "slurmd wrote no pid file";

        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            var (exit, state) = Client("sinfo", "-h", "-o", "%T");
            if (exit == 0 && state.Trim() == "idle") return "";
            Thread.Sleep(200);
        }
        return "the node did not become idle within 30 s";
    }

    private string ConfigText(string mungeSocket)
    {
        string host = Environment.MachineName.Split('.')[0];
        var (controllerPort, nodePort) = (FreePort(), FreePort());
        return $"""
            ClusterName=nnqfttest
            SlurmctldHost={host}(127.0.0.1)
            SlurmctldPort={controllerPort}
            SlurmdPort={nodePort}
            SlurmUser=root
            SlurmdUser=root
            AuthType=auth/munge
            AuthInfo=socket={mungeSocket}
            CredType=cred/munge
            StateSaveLocation={Root}/state
            SlurmdSpoolDir={Root}/spool
            SlurmctldPidFile={Root}/slurmctld.pid
            SlurmdPidFile={Root}/slurmd.pid
            SlurmctldLogFile={Root}/slurmctld.log
            SlurmdLogFile={Root}/slurmd.log
            ProctrackType=proctrack/linuxproc
            TaskPlugin=task/none
            JobAcctGatherType=jobacct_gather/none
            AccountingStorageType=accounting_storage/none
            SchedulerType=sched/builtin
            SelectType=select/cons_tres
            SelectTypeParameters=CR_CPU
            SlurmdParameters=config_overrides
            MpiDefault=none
            ReturnToService=2
            JobRequeue=1
            MinJobAge=600
            KillWait=20
            InactiveLimit=0
            NodeName={host} NodeAddr=127.0.0.1 CPUs=4 RealMemory=2000 State=UNKNOWN
            PartitionName=test Nodes={host} Default=YES MaxTime=INFINITE State=UP

            """;
    }

    // The daemons fork into the background and write their pid once ready.
    private bool Started(string name, string pidFile)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out int pid) && pid > 0)
            {
                started.Add((name, pid));
                return true;
            }
            Thread.Sleep(50);
        }
        return false;
    }

    private static void Stop(int pid)
    {
        Process process;
        try
        {
            process = Process.GetProcessById(pid);
        }
        catch (ArgumentException)
        {
            return; // already gone
        }
        using (process)
        {
            Run(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", pid.ToString() }, RedirectStandardOutput = true, RedirectStandardError = true }, TimeSpan.FromSeconds(5));
            if (!process.WaitForExit(TimeSpan.FromSeconds(10))) process.Kill();
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static ProcessStartInfo Info(string command, params string[] args)
    {
        var info = new ProcessStartInfo(Which(command)!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        return info;
    }

    private static (int Exit, string Output) Run(ProcessStartInfo info, TimeSpan timeout)
    {
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{info.FileName} {string.Join(" ", info.ArgumentList)} did not finish in {timeout.TotalSeconds:F0} s");
        }
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    private static string? Which(string command)
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Concat(["/usr/sbin", "/sbin", "/usr/bin"]);
        return folders.Select(f => Path.Combine(f, command)).FirstOrDefault(File.Exists);
    }
}
