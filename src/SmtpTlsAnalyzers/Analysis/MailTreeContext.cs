using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpTlsAnalyzers.Internal;
using SmtpTlsAnalyzers.Model;

namespace SmtpTlsAnalyzers.Analysis;

/// <summary>
/// The analysis of one type's code in one file that passed the gate: where rules report, and what they share while
/// it runs.
/// </summary>
internal sealed class MailTreeContext
{
    private readonly Action<Diagnostic> _report;
    private readonly ReportedDiagnostics _reported;
    private readonly Dictionary<IInvocationOperation, MailKitConnection?> _connections = new();
    private readonly Dictionary<(IOperation, Type), object?> _memo = new();

    public MailTreeContext(SemanticModel semanticModel, Action<Diagnostic> report, ReportedDiagnostics reported, MailCompilation mail, bool namesMail, CancellationToken cancellationToken)
    {
        SemanticModel = semanticModel;
        _report = report;
        _reported = reported;
        Mail = mail;
        NamesMail = namesMail;
        CancellationToken = cancellationToken;
    }

    /// <summary>
    /// True when the file passed the mail gate; false for a file walked only because a rule asked to see it
    /// (<see cref="MailRuleRegistry.AlsoExamine"/>).
    /// </summary>
    public bool NamesMail { get; }

    public MailCompilation Mail { get; }

    public SemanticModel SemanticModel { get; }

    public SyntaxTree Tree => SemanticModel.SyntaxTree;

    public CancellationToken CancellationToken { get; }

    /// <summary>Where a diagnostic about <paramref name="node"/> is reported (<see cref="Languages.LanguageSyntax.ReportLocation"/>).</summary>
    public Location LocationOf(SyntaxNode node) => Mail.Syntax.ReportLocation(node);

    /// <summary>Reports a diagnostic once per compilation (<see cref="ReportedDiagnostics"/>).</summary>
    [MethodImpl(HotPath.Optimized)]
    public void ReportDiagnostic(Diagnostic diagnostic)
    {
        if (_reported.Add(diagnostic))
        {
            _report(diagnostic);
        }
    }

    /// <summary>The classification of a MailKit Connect call, computed once per call; null when it is secure or not MailKit's.</summary>
    [MethodImpl(HotPath.Optimized)]
    public MailKitConnection? Connection(IInvocationOperation invocation)
    {
        // Most calls of a mail file are not Connect calls: the name decides that before any lookup.
        var classifier = Mail.MailKitConnections;
        if (classifier is null || !MailKitConnectionClassifier.IsConnectName(invocation.TargetMethod.Name))
        {
            return null;
        }

        if (!_connections.TryGetValue(invocation, out var connection))
        {
            connection = classifier.IsMailKitMethod(invocation.TargetMethod) ? classifier.Classify(invocation) : null;
            _connections.Add(invocation, connection);
        }

        return connection;
    }

    /// <summary>A result several rules read about the same operation (a certificate callback's verdict), computed once.</summary>
    [MethodImpl(HotPath.Optimized)]
    public T? Memo<T>(IOperation operation, Func<IOperation, MailTreeContext, T?> compute)
        where T : class
    {
        var key = (operation, typeof(T));
        if (!_memo.TryGetValue(key, out var value))
        {
            value = compute(operation, this);
            _memo.Add(key, value);
        }

        return (T?)value;
    }
}
