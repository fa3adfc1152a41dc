// SPDX-License-Identifier: MIT
using MathNet.Numerics.LinearAlgebra;

namespace NnQft.Numerics.Attention;

/// <summary>Gauss-Hermite rule for E[g(Y)], Y ~ N(0, 1), by Golub-Welsch (probabilists' Jacobi matrix).</summary>
internal sealed class GaussHermiteNodes
{
    private GaussHermiteNodes(int order)
    {
        // Probabilists' Hermite recurrence: off-diagonal sqrt(k); eigenvalues are the nodes, the squared first
        // eigenvector components the weights of the standard normal measure.
        var jacobi = Matrix<double>.Build.Dense(order, order);
        for (int k = 1; k < order; k++)
        {
            jacobi[k, k - 1] = Math.Sqrt(k);
            jacobi[k - 1, k] = Math.Sqrt(k);
        }
        var evd = jacobi.Evd(Symmetricity.Symmetric);
        Nodes = new double[order];
        Weights = new double[order];
        for (int i = 0; i < order; i++)
        {
            Nodes[i] = evd.EigenValues[i].Real;
            double v = evd.EigenVectors[0, i];
            Weights[i] = v * v;
        }
    }

    private static readonly GaussHermiteNodes[] Rules = Enumerable.Range(1, 8).Select(order => new GaussHermiteNodes(order)).ToArray();

    /// <summary>Eight nodes: exact to degree 15; used only for blurs much narrower than the unit Gumbel scale.</summary>
    public static GaussHermiteNodes Eight => Rules[7];

    /// <summary>The rule of <paramref name="order"/> nodes (1 to 8), exact to degree 2 order - 1.</summary>
    public static GaussHermiteNodes OfOrder(int order) => Rules[order - 1];

    public double[] Nodes { get; }

    public double[] Weights { get; }
}
