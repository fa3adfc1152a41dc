// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace NnQft.Cli;

/// <summary>
/// SIGINT and SIGTERM (Ctrl-C; what Slurm sends on scancel or at a time limit) turned into a cancellation, so a run
/// can write its checkpoint and leave nothing half-done (docs/cli.md section 5). The exit code is the shell's
/// 128 + signal number: 130 for SIGINT, 143 for SIGTERM. Only the first signal is caught; a second one terminates
/// as usual (an impatient second Ctrl-C), which still leaves no half-written file, since files are renamed into place.
/// </summary>
internal sealed class InterruptSignals : IDisposable
{
    public const int InterruptExit = 130;
    public const int TerminateExit = 143;

    private readonly CancellationTokenSource source = new();
    private readonly PosixSignalRegistration[] registrations;
    private int exitCode;

    public InterruptSignals()
    {
        registrations = [Register(PosixSignal.SIGINT, InterruptExit), Register(PosixSignal.SIGTERM, TerminateExit)];
    }

    /// <summary>Cancelled at the first SIGINT or SIGTERM.</summary>
    public CancellationToken Token => source.Token;

    /// <summary>130 or 143 once a signal has arrived, else 0.</summary>
    public int ExitCode => Volatile.Read(ref exitCode);

    /// <summary>The signal's name for messages.</summary>
    public string Name => ExitCode == InterruptExit ? "SIGINT" : "SIGTERM";

    public void Dispose()
    {
        foreach (var r in registrations) r.Dispose();
        source.Dispose();
    }

    private PosixSignalRegistration Register(PosixSignal signal, int code) =>
        PosixSignalRegistration.Create(signal, context =>
        {
            if (Interlocked.CompareExchange(ref exitCode, code, 0) != 0) return; // a second signal: default handling
            context.Cancel = true;
            source.Cancel();
        });
}
