using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpTlsAnalyzers.Analysis;
using SmtpTlsAnalyzers.Internal;
using SmtpTlsAnalyzers.Model;

namespace SmtpTlsAnalyzers.Rules;

/// <summary>
/// SMTP008: a constant <c>SslProtocols</c> with SSL 2, SSL 3, TLS 1.0 or TLS 1.1 (or <c>Default</c>) assigned to a
/// MailKit client's <c>SslProtocols</c>, or a constant <c>SecurityProtocolType</c> with SSL 3, TLS 1.0 or TLS 1.1
/// assigned (<c>=</c> or <c>|=</c>) to <c>ServicePointManager.SecurityProtocol</c>. Integer casts count.
/// </summary>
internal sealed class ObsoleteProtocolAllowedRule : MailRule
{
    private const ulong Ssl2 = 12;
    private const ulong Ssl3 = 48;
    private const ulong Tls10 = 192;
    private const ulong Tls11 = 768;

    /// <summary>The obsolete bits; <c>SslProtocols.Default</c> is Ssl3 | Tls and SecurityProtocolType has no Ssl2.</summary>
    public const ulong ObsoleteBits = Ssl2 | Ssl3 | Tls10 | Tls11;

    public override DiagnosticDescriptor Descriptor => Descriptors.SMTP008_ObsoleteProtocolAllowed;

    public override void Initialize(MailRuleRegistry registry)
    {
        // The process-wide ServicePointManager.SecurityProtocol matters here only where mail reads it: System.Net.Mail
        // clients in the project, or MailKit's on .NET Framework (ServicePointManagerReach).
        var mail = registry.Mail;
        registry.OnOperation(
            (operation, context) => Analyze(context, (IAssignmentOperation)operation, mail.Types, mail.Settings),
            OperationKind.SimpleAssignment,
            OperationKind.CompoundAssignment);
    }

    private static void Analyze(MailTreeContext context, IAssignmentOperation assignment, KnownTypes types, AnalyzerSettings settings)
    {
        if (assignment.Target is not IPropertyReferenceOperation { Property.Name: "SslProtocols" or "SecurityProtocol" } reference ||
            assignment is ICompoundAssignmentOperation { OperatorKind: not BinaryOperatorKind.Or })
        {
            return;
        }

        var property = reference.Property;
        string name;
        if (TlsSettingTarget.IsMailKitProperty(property, "SslProtocols", types) &&
            SymbolEqualityComparer.Default.Equals(property.Type, types.SslProtocols))
        {
            if (TlsSettingTarget.ConnectsOnlyToPlaintextHosts(reference, settings, context.CancellationToken))
            {
                return;
            }

            name = "SslProtocols";
        }
        else if (TlsSettingTarget.IsServicePointManagerProperty(property, "SecurityProtocol", types) &&
            SymbolEqualityComparer.Default.Equals(property.Type, types.SecurityProtocolType) &&
            context.Mail.ServicePointManagerReachesMail(ServicePointManagerSetting.SecurityProtocol, context.SemanticModel, context.CancellationToken))
        {
            name = "ServicePointManager.SecurityProtocol";
        }
        else
        {
            return;
        }

        if (ValueResolver.TryGetEnumBits(assignment.Value, out var bits))
        {
            Report(context, assignment.Value, bits, addsToCurrent: false, name);
        }
        else if (assignment is ISimpleAssignmentOperation &&
            TryGetBitsAddedTo(read => read is IPropertyReferenceOperation property && SymbolEqualityComparer.Default.Equals(property.Property, reference.Property) && ValueResolver.IsSameRead(property.Instance, reference.Instance), assignment.Value, out bits))
        {
            // `x = x | Tls11` is `x |= Tls11` written out: the constant flags are added whatever x holds.
            Report(context, assignment.Value, bits, addsToCurrent: true, name);
        }
        else if (assignment is ISimpleAssignmentOperation)
        {
            // A mask chosen on several paths (a switch over a setting): each constant path that allows an obsolete
            // protocol is reported where it is written.
            var added = new List<IOperation>();
            foreach (var leaf in Branches(assignment.Value, added, context))
            {
                if (!leaf.HasValue || leaf.Source.Syntax.SyntaxTree != context.Tree)
                {
                    continue;
                }

                if (added.Contains(leaf.Source))
                {
                    // Flags added to the mask where it is built (`mask |= Tls11`, `mask = mask | Tls11`).
                    Report(context, leaf.Source, (ulong)leaf.Value!, addsToCurrent: leaf.Source.Parent is ISimpleAssignmentOperation, name + " (added to the mask)");
                }
                else if (ValueResolver.TryGetEnumBits(leaf.Source, out var leafBits))
                {
                    Report(context, leaf.Source, leafBits, addsToCurrent: false, name + " (on one path)");
                }
            }
        }
    }

    private static void Report(MailTreeContext context, IOperation value, ulong bits, bool addsToCurrent, string name)
    {
        var obsolete = bits & ObsoleteBits;
        if (obsolete == 0)
        {
            return;
        }

        var versions = new List<string>();
        AddIf(versions, obsolete, Ssl2, "SSL 2.0");
        AddIf(versions, obsolete, Ssl3, "SSL 3.0");
        AddIf(versions, obsolete, Tls10, "TLS 1.0");
        AddIf(versions, obsolete, Tls11, "TLS 1.1");
        var list = versions.Count == 1
            ? versions[0]
            : string.Join(", ", versions.GetRange(0, versions.Count - 1)) + " and " + versions[versions.Count - 1];

        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(DiagnosticProperties.Fix, DiagnosticProperties.ObsoleteBits)
            .Add(DiagnosticProperties.RemainingBits, (bits & ~ObsoleteBits).ToString(CultureInfo.InvariantCulture));
        if (addsToCurrent)
        {
            properties = properties.Add(DiagnosticProperties.AddsToCurrentValue, "true");
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.SMTP008_ObsoleteProtocolAllowed,
            context.LocationOf(value.Syntax),
            properties,
            name,
            list,
            versions.Count == 1 ? "is" : "are"));
    }

    /// <summary>
    /// The values the assigned value can have: the arms of conditionals and switch expressions, and for a local,
    /// every value the function writes to it (the branches of a switch statement) and every constant it adds with
    /// <c>|=</c> or <c>mask = mask | flags</c> (those go to <paramref name="added"/> too). A local that is captured,
    /// passed by reference or written otherwise (<c>&amp;= ~Tls11</c>) gets values the function does not show: nothing
    /// is returned for it.
    /// </summary>
    private static List<PossibleValue> Branches(IOperation value, List<IOperation> added, MailTreeContext context)
    {
        if (ValueResolver.SkipImplicitConversions(value) is ILocalReferenceOperation local)
        {
            return LocalBranches(local, added, context);
        }

        // A local the values lead to but could not follow, because flags are added to it (`var p = Tls12; if (legacy)
        // p |= Tls11; return p;` in a helper, or `p != None ? p : Tls12`), or a write that adds flags to it (Visual
        // Basic's `p = p Or Tls11`, followed as one of the local's writes), is read as when assigned directly.
        var leaves = new List<PossibleValue>();
        var collected = new List<PossibleValue>();
        ValueResolver.CollectPossibleValues(value, collected, context.CancellationToken);
        foreach (var leaf in collected)
        {
            if (!leaf.HasValue && UnfollowedLocal(leaf.Source) is { } unfollowed)
            {
                leaves.AddRange(LocalBranches(unfollowed, added, context));
            }
            else
            {
                leaves.Add(leaf);
            }
        }

        return leaves;
    }

    /// <summary>The local an unknown value is, or adds flags to (<c>p Or Tls11</c>, <c>p | Tls11</c>).</summary>
    private static ILocalReferenceOperation? UnfollowedLocal(IOperation value) => ValueResolver.SkipImplicitConversions(value) switch
    {
        ILocalReferenceOperation local => local,
        IBinaryOperation { OperatorKind: BinaryOperatorKind.Or } either when ValueResolver.SkipImplicitConversions(either.LeftOperand) is ILocalReferenceOperation local => local,
        IBinaryOperation { OperatorKind: BinaryOperatorKind.Or } either when ValueResolver.SkipImplicitConversions(either.RightOperand) is ILocalReferenceOperation local => local,
        _ => null,
    };

    /// <summary>
    /// Every value the function writes to the local, and every constant it adds with <c>|=</c> (see
    /// <see cref="Branches"/>); empty when the local may hold values the function does not show.
    /// </summary>
    private static List<PossibleValue> LocalBranches(ILocalReferenceOperation local, List<IOperation> added, MailTreeContext context)
    {
        var leaves = new List<PossibleValue>();
        var value = local;
        foreach (var operation in OperationWalk.DescendantsOf(ValueResolver.GetRoot(value)))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (operation.Kind is not (OperationKind.VariableDeclarator or OperationKind.LocalReference))
            {
                continue;
            }

            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local.Local):
                    if (declarator.Initializer is { } initializer)
                    {
                        ValueResolver.CollectPossibleValues(initializer.Value, leaves);
                    }

                    break;
                case ILocalReferenceOperation other when SymbolEqualityComparer.Default.Equals(other.Local, local.Local):
                    if (other.Parent is ISimpleAssignmentOperation write && write.Target == other)
                    {
                        if (TryGetBitsAddedTo(read => read is ILocalReferenceOperation l && SymbolEqualityComparer.Default.Equals(l.Local, local.Local), write.Value, out var flags))
                        {
                            // `mask = mask | Tls11`, as `mask |= Tls11`.
                            leaves.Add(new PossibleValue(write.Value, hasValue: true, flags));
                            added.Add(write.Value);
                        }
                        else if (Reads(write.Value, local.Local))
                        {
                            // `mask = mask & ~Tls11` (Visual Basic's `And Not`), like `&=`: values the function does not show.
                            return new List<PossibleValue>();
                        }
                        else
                        {
                            ValueResolver.CollectPossibleValues(write.Value, leaves);
                        }
                    }
                    else if (other.Parent is ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Or, OperatorMethod: null } adds &&
                        adds.Target == other && ValueResolver.TryGetEnumBits(adds.Value, out var addedBits))
                    {
                        // `mask |= Tls11` on some path adds those flags to whatever the mask holds there.
                        leaves.Add(new PossibleValue(adds.Value, hasValue: true, addedBits));
                        added.Add(adds.Value);
                    }
                    else if (other.Parent is IAssignmentOperation compound && compound.Target == other ||
                        other.Parent is IArgumentOperation { Parameter.RefKind: not RefKind.None } ||
                        IsCaptured(other))
                    {
                        return new List<PossibleValue>();
                    }

                    break;
            }
        }

        return leaves;
    }

    private static bool Reads(IOperation value, ILocalSymbol local)
    {
        foreach (var operation in value.DescendantsAndSelf())
        {
            if (operation is ILocalReferenceOperation read && SymbolEqualityComparer.Default.Equals(read.Local, local))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCaptured(IOperation reference)
    {
        for (var current = reference.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The constant flags of an <c>|</c> chain that also reads the assigned target itself
    /// (<c>ServicePointManager.SecurityProtocol | SecurityProtocolType.Tls11</c>, <c>mask | SslProtocols.Tls11</c>);
    /// false when any other operand is not constant or the target is not read.
    /// </summary>
    private static bool TryGetBitsAddedTo(Func<IOperation, bool> readsTarget, IOperation value, out ulong bits)
    {
        bits = 0;
        var readsTheTarget = false;
        var operands = new Stack<IOperation>();
        operands.Push(value);
        while (operands.Count > 0)
        {
            var operand = ValueResolver.SkipImplicitConversions(operands.Pop());
            if (operands.Count > 64)
            {
                return false;
            }

            switch (operand)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Or, OperatorMethod: null } or:
                    operands.Push(or.LeftOperand);
                    operands.Push(or.RightOperand);
                    break;
                case IParenthesizedOperation parenthesized:
                    operands.Push(parenthesized.Operand);
                    break;
                case { } read when readsTarget(read):
                    readsTheTarget = true;
                    break;
                default:
                    if (!ValueResolver.TryGetEnumBits(operand, out var constant))
                    {
                        return false;
                    }

                    bits |= constant;
                    break;
            }
        }

        return readsTheTarget;
    }

    private static void AddIf(List<string> versions, ulong bits, ulong mask, string version)
    {
        if ((bits & mask) != 0)
        {
            versions.Add(version);
        }
    }
}
