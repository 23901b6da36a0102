using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SmtpTlsAnalyzers.Internal;
using SmtpTlsAnalyzers.Model;

namespace SmtpTlsAnalyzers.Analysis;

/// <summary>What the rules of one compilation asked to see. Filled at compilation start, read-only afterwards.</summary>
internal sealed class MailRuleRegistry
{
    // Indexed by operation kind (every operation of a passing type is looked up here), for every kind the compiler
    // that loaded the analyzer knows.
    private static readonly int KindCount = (int)Enum.GetValues(typeof(OperationKind)).Cast<OperationKind>().Max() + 1;

    private readonly List<Action<IOperation, MailTreeContext>>?[] _operations = new List<Action<IOperation, MailTreeContext>>?[KindCount];
    private int _operationKinds;
    private readonly List<Action<SmtpClientFacts, MailTreeContext>> _smtpClients = new();
    private readonly List<Action<MailKitConnection, MailTreeContext>> _connections = new();
    private readonly List<Action<AdditionalFileAnalysisContext, MailCompilation>> _additionalFiles = new();
    private readonly List<FileScan.NameTest> _extraGates = new();

    public MailRuleRegistry(MailCompilation mail) => Mail = mail;

    public MailCompilation Mail { get; }

    public bool IsEmpty => _operationKinds == 0 && _smtpClients.Count == 0 && _connections.Count == 0;

    public bool HasAdditionalFileActions => _additionalFiles.Count > 0;

    internal bool HasSmtpClientActions => _smtpClients.Count > 0;

    internal bool HasConnectionActions => _connections.Count > 0;

    /// <summary>Every operation of one of the kinds, in the files that pass the gate.</summary>
    public void OnOperation(Action<IOperation, MailTreeContext> action, params OperationKind[] kinds)
    {
        foreach (var kind in kinds)
        {
            if (_operations[(int)kind] is not { } actions)
            {
                actions = new List<Action<IOperation, MailTreeContext>>();
                _operations[(int)kind] = actions;
                _operationKinds++;
            }

            actions.Add(action);
        }
    }

    /// <summary>Every System.Net.Mail client that sends over the network to a host that is not exempt, once its type's code in the file was seen.</summary>
    public void OnSmtpClient(Action<SmtpClientFacts, MailTreeContext> action)
    {
        if (Mail.SmtpClientMembers is not null)
        {
            _smtpClients.Add(action);
        }
    }

    /// <summary>Every MailKit Connect call whose connection is not proven secure.</summary>
    public void OnMailKitConnection(Action<MailKitConnection, MailTreeContext> action)
    {
        if (Mail.MailKitConnections is not null)
        {
            _connections.Add(action);
        }
    }

    /// <summary>
    /// Also walk the files whose text names one of <paramref name="names"/>, though they name no mail type: every
    /// rule's operation actions then see them. For a rule whose report sits in such files (a host binding a library's
    /// mail options). The answer depends on the text and the names alone, so it is kept with each file (<see cref="FileScan"/>).
    /// </summary>
    public void AlsoExamine(string[] names, StringComparison comparison) => _extraGates.Add(new FileScan.NameTest(names, comparison));

    internal bool PassesExtraGate(FileScan scan, SyntaxTree tree, CancellationToken cancellationToken)
    {
        foreach (var gate in _extraGates)
        {
            if (scan.Passes(gate, tree, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every additional file of the project.</summary>
    public void OnAdditionalFile(Action<AdditionalFileAnalysisContext, MailCompilation> action) => _additionalFiles.Add(action);

    [MethodImpl(HotPath.Optimized)]
    internal bool TryGetOperationActions(OperationKind kind, out List<Action<IOperation, MailTreeContext>> actions)
    {
        actions = (int)kind < KindCount ? _operations[(int)kind]! : null!;
        return actions is not null;
    }

    [MethodImpl(HotPath.Optimized)]
    internal void RunSmtpClientActions(SmtpClientFacts facts, MailTreeContext context)
    {
        foreach (var action in _smtpClients)
        {
            action(facts, context);
        }
    }

    [MethodImpl(HotPath.Optimized)]
    internal void RunConnectionActions(MailKitConnection connection, MailTreeContext context)
    {
        foreach (var action in _connections)
        {
            action(connection, context);
        }
    }

    internal void RunAdditionalFileActions(AdditionalFileAnalysisContext context)
    {
        foreach (var action in _additionalFiles)
        {
            action(context, Mail);
        }
    }
}
