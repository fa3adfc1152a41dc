// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace NnQft.Cli;

/// <summary>
/// Progress of a long Monte Carlo run on stderr: a Spectre.Console bar (networks done, rate, ETA) when stderr is a
/// terminal, plain lines every few seconds when it is redirected (logs of batch jobs), so stdout stays clean JSON.
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>Runs <paramref name="body"/>, giving it a thread-safe (done, total) callback.</summary>
    public static T Run<T>(string label, Func<Action<long, long>, T> body)
    {
        if (Console.IsErrorRedirected) return RunPlain(label, body);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        T result = default!;
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(label, maxValue: 1);
                var clock = Stopwatch.StartNew();
                long first = -1;
                result = body((done, total) =>
                {
                    lock (task)
                    {
                        if (first < 0) first = done;
                        double rate = (done - first) / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
                        task.MaxValue = total;
                        task.Value = done;
                        task.Description = $"{label} {done:N0}/{total:N0} nets, {rate:N0} nets/s";
                    }
                });
                task.Value = task.MaxValue;
            });
        return result;
    }

    private static T RunPlain<T>(string label, Func<Action<long, long>, T> body)
    {
        var clock = Stopwatch.StartNew();
        var gate = new object();
        double lastReport = 0;
        long first = -1;
        return body((done, total) =>
        {
            lock (gate)
            {
                if (first < 0) first = done;
                double now = clock.Elapsed.TotalSeconds;
                if (now - lastReport < 5 && done < total) return;
                lastReport = now;
                double rate = (done - first) / Math.Max(now, 1e-9);
                string eta = rate > 0 ? ((total - done) / rate).ToString("F0", CultureInfo.InvariantCulture) + " s" : "?";
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"nnqft {label}: {done}/{total} networks ({100.0 * done / total:F1}%), {rate:F0} nets/s, ETA {eta}"));
            }
        });
    }
}
