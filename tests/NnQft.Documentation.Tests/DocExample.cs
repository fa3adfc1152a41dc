// SPDX-License-Identifier: MIT
using System.Reflection;
using System.Xml.Linq;

namespace NnQft.Documentation.Tests;

/// <summary>One <c>&lt;example&gt;&lt;code&gt;</c> block of a library's XML documentation, with the member it documents.</summary>
public sealed record DocExample(string Library, string Member, string Code)
{
    /// <summary>
    /// Every example of the libraries whose types are given, read from the XML documentation the build writes next to
    /// each assembly (so what runs is what a reader of the documentation sees, after XML unescaping).
    /// </summary>
    public static IReadOnlyList<DocExample> From(IEnumerable<Assembly> libraries) =>
        libraries.SelectMany(assembly =>
        {
            var xml = Path.ChangeExtension(assembly.Location, ".xml");
            if (!File.Exists(xml)) throw new FileNotFoundException("no XML documentation next to the assembly", xml);
            var library = assembly.GetName().Name!;
            return XDocument.Load(xml).Descendants("member").SelectMany(member =>
                member.Elements("example").Elements("code").Select(code =>
                    new DocExample(library, (string)member.Attribute("name")!, code.Value)));
        }).ToList();
}
