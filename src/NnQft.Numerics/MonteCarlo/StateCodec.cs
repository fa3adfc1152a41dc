// SPDX-License-Identifier: MIT
using System.IO.Compression;
using System.Numerics;
using System.Security.Cryptography;
using NnQft.Model;
using NnQft.Numerics.Estimation;

namespace NnQft.Numerics.MonteCarlo;

/// <summary>
/// The exact accumulator state as a compact string: a binary record (magic, run identity, shard, networks, blocks,
/// exact sums) followed by its SHA-256, deflated and base64-encoded. A wrong checksum or undecodable text is
/// refused, so a truncated or edited checkpoint is never used.
/// </summary>
internal static class StateCodec
{
    // Version 2 accumulates only the selected G4 tuples (and pair squares); version-1 states are refused as unknown.
    private const string Magic = "NNQFT-STATE-2";

    // States of conditional observations (Rao-Blackwell) carry more sums; a separate magic keeps direct states unchanged.
    private const string ConditionalMagic = "NNQFT-STATE-2-CONDITIONAL";

    // Opens the optional section of a --g6 run's six-point sums.
    private const string SixPointMarker = "G6";

    public sealed record Decoded(string Identity, int ShardIndex, int ShardCount, MomentState State);

    public static string Encode(string identity, int shardIndex, int shardCount, MomentState state)
    {
        using var body = new MemoryStream();
        using (var w = new BinaryWriter(body, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write(state.Layout.Conditional ? ConditionalMagic : Magic);
            w.Write(identity);
            w.Write(shardIndex);
            w.Write(shardCount);
            w.Write(state.Layout.PointCount);
            w.Write(state.Layout.Selection.Canonical());
            w.Write(state.Networks);
            w.Write(state.Seconds);
            w.Write(state.Blocks.Ranges.Count);
            foreach (var (s, e) in state.Blocks.Ranges)
            {
                w.Write(s);
                w.Write(e);
            }
            WriteSums(w, state.Sums);
            // A --g6 run appends its six-point sums; states without them end here (and read as before).
            if (state.SixPoint is { } six)
            {
                w.Write(SixPointMarker);
                w.Write(six.Selection.Canonical());
                WriteSums(w, state.SixPointSums);
            }
        }
        byte[] payload = body.ToArray();
        byte[] hash = SHA256.HashData(payload);
        using var packed = new MemoryStream();
        using (var z = new DeflateStream(packed, CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write(payload);
            z.Write(hash);
        }
        return Convert.ToBase64String(packed.ToArray());
    }

    public static Decoded Decode(string text, string field)
    {
        byte[] all;
        try
        {
            using var input = new MemoryStream(Convert.FromBase64String(text));
            using var z = new DeflateStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            z.CopyTo(output);
            all = output.ToArray();
        }
        catch (Exception e) when (e is FormatException or InvalidDataException)
        {
            throw Corrupt(field, e.Message);
        }
        if (all.Length < 32) throw Corrupt(field, "too short");
        var payload = all.AsSpan(0, all.Length - 32);
        if (!SHA256.HashData(payload).AsSpan().SequenceEqual(all.AsSpan(all.Length - 32))) throw Corrupt(field, "checksum mismatch");
        try
        {
            using var r = new BinaryReader(new MemoryStream(payload.ToArray()));
            string magic = r.ReadString();
            if (magic != Magic && magic != ConditionalMagic) throw Corrupt(field, "unknown format");
            string identity = r.ReadString();
            int shardIndex = r.ReadInt32();
            int shardCount = r.ReadInt32();
            int pointCount = r.ReadInt32();
            var selection = TupleSelection.FromCanonical(r.ReadString(), 4, pointCount, field);
            var layout = new MomentLayout(pointCount, selection, magic == ConditionalMagic);
            long networks = r.ReadInt64();
            double seconds = r.ReadDouble();
            int ranges = r.ReadInt32();
            var blocks = new List<(long, long)>();
            for (int i = 0; i < ranges; i++) blocks.Add((r.ReadInt64(), r.ReadInt64()));
            var sums = ReadSums(r, layout.Length, field);
            SixPointLayout? six = null;
            ExactSum[] sixSums = [];
            if (r.BaseStream.Position < r.BaseStream.Length)
            {
                if (r.ReadString() != SixPointMarker) throw Corrupt(field, "unknown section");
                six = new SixPointLayout(pointCount, TupleSelection.FromCanonical(r.ReadString(), 6, pointCount, field));
                sixSums = ReadSums(r, six.Length, field);
            }
            var state = new MomentState(layout, six);
            foreach (var (s, e) in blocks)
                if (!state.Blocks.TryAdd(s, e)) throw Corrupt(field, "overlapping blocks");
            sums.CopyTo(state.Sums, 0);
            sixSums.CopyTo(state.SixPointSums, 0);
            state.Restore(networks, seconds);
            return new Decoded(identity, shardIndex, shardCount, state);
        }
        catch (EndOfStreamException e)
        {
            throw Corrupt(field, e.Message);
        }
    }

    private static void WriteSums(BinaryWriter w, ExactSum[] sums)
    {
        w.Write(sums.Length);
        // Each sum as (trailing zero bits, the integer shifted by them): a double-sized sum scaled by 2^1074 has
        // about a thousand trailing zeros, and a G2 run over a thousand points holds a million sums.
        Span<byte> bytes = stackalloc byte[512];
        foreach (var sum in sums)
        {
            var scaled = sum.Scaled;
            int shift = scaled.IsZero ? 0 : (int)BigInteger.TrailingZeroCount(scaled);
            var reduced = scaled >> shift;
            int length = reduced.GetByteCount();
            var target = length <= bytes.Length ? bytes[..length] : new byte[length];
            reduced.TryWriteBytes(target, out _);
            w.Write(shift);
            w.Write(length);
            w.Write(target);
        }
    }

    private static ExactSum[] ReadSums(BinaryReader r, int expected, string field)
    {
        int count = r.ReadInt32();
        if (count != expected) throw Corrupt(field, "wrong number of sums");
        var sums = new ExactSum[count];
        for (int i = 0; i < count; i++)
        {
            int shift = r.ReadInt32();
            if (shift < 0 || shift > 4096) throw Corrupt(field, "bad sum");
            sums[i].Scaled = new BigInteger(r.ReadBytes(r.ReadInt32())) << shift;
        }
        return sums;
    }

    private static InvalidInputException Corrupt(string field, string why) =>
        new(field, "holds a corrupt accumulator state (not written by nnqft sample, or damaged); delete it or rerun", why);
}
