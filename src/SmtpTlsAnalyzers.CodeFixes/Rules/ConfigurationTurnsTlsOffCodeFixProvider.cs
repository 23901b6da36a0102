using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using SmtpTlsAnalyzers.Configuration;
using SmtpTlsAnalyzers.Internal;
using SmtpTlsAnalyzers.Rules;

namespace SmtpTlsAnalyzers.CodeFixes.Rules;

/// <summary>
/// SMTP014: edits the configuration file, not the code. The diagnostic is in the code that reads the setting; its
/// first additional location is the value in appsettings*.json or App.config, which the fix replaces: <c>false</c>
/// becomes <c>true</c> for EnableSsl (and for useSsl on an implicit-TLS port), a SecureSocketOptions value becomes
/// <c>"StartTls"</c> or, on 465/993/995, <c>"SslOnConnect"</c>. The analyzer decides the replacement; the fix only
/// applies it, and does nothing when the file no longer has the value it saw.
/// <para>
/// Roslyn's batch Fix All only merges changes to source documents, so Fix All here collects the values itself and
/// edits each configuration file once.
/// </para>
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConfigurationTurnsTlsOffCodeFixProvider))]
public sealed class ConfigurationTurnsTlsOffCodeFixProvider : CodeFixProvider
{
    public const string ReplaceValueKey = "SMTP014_ReplaceConfigurationValue";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ConfigurationTurnsTlsOff);

    public override FixAllProvider? GetFixAllProvider() => ConfigurationFixAll.Instance;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var project = context.Document.Project;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (Edit.From(diagnostic, project) is not { } edit)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Set the value to " + edit.Replacement + " in " + edit.FileName,
                    cancellationToken => ApplyAsync(project.Solution, new[] { edit }, cancellationToken),
                    ReplaceValueKey),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private static async Task<Solution> ApplyAsync(Solution solution, IEnumerable<Edit> edits, CancellationToken cancellationToken)
    {
        foreach (var file in edits.GroupBy(edit => edit.DocumentId))
        {
            var document = solution.GetAdditionalDocument(file.Key);
            if (document is null)
            {
                continue;
            }

            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var changes = new List<TextChange>();
            foreach (var edit in file.GroupBy(edit => edit.Span).Select(group => group.First()).OrderBy(edit => edit.Span.Start))
            {
                if (edit.Span.End <= text.Length && text.ToString(edit.Span) == edit.Original &&
                    (changes.Count == 0 || changes[changes.Count - 1].Span.End <= edit.Span.Start))
                {
                    changes.Add(new TextChange(edit.Span, edit.Replacement));
                }
            }

            if (changes.Count > 0)
            {
                solution = solution.WithAdditionalDocumentText(file.Key, text.WithChanges(changes));
            }
        }

        return solution;
    }

    /// <summary>One value to replace in one configuration file of the project.</summary>
    private sealed class Edit
    {
        private Edit(DocumentId documentId, string fileName, TextSpan span, string original, string replacement)
        {
            DocumentId = documentId;
            FileName = fileName;
            Span = span;
            Original = original;
            Replacement = replacement;
        }

        public DocumentId DocumentId { get; }
        public string FileName { get; }
        public TextSpan Span { get; }
        public string Original { get; }
        public string Replacement { get; }

        public static Edit? From(Diagnostic diagnostic, Project project)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Fix, out var fix) || fix != ConfigurationVerdicts.ReplaceConfigurationValue ||
                !diagnostic.Properties.TryGetValue(ConfigurationVerdicts.Replacement, out var replacement) || replacement is null ||
                !diagnostic.Properties.TryGetValue(ConfigurationVerdicts.Original, out var original) || original is null ||
                diagnostic.AdditionalLocations.Count == 0)
            {
                return null;
            }

            var location = diagnostic.AdditionalLocations[0];
            var path = location.GetLineSpan().Path;
            foreach (var document in project.AdditionalDocuments)
            {
                if (string.Equals(document.FilePath, path, StringComparison.Ordinal))
                {
                    return new Edit(document.Id, document.Name, location.SourceSpan, original, replacement);
                }
            }

            return null;
        }
    }

    /// <summary>Fix All: every value of the scope, each configuration file edited once.</summary>
    private sealed class ConfigurationFixAll : FixAllProvider
    {
        public static readonly ConfigurationFixAll Instance = new();

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
            new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            var diagnostics = new List<(Diagnostic Diagnostic, Project Project)>();
            switch (fixAllContext.Scope)
            {
                case FixAllScope.Document when fixAllContext.Document is { } document:
                    foreach (var diagnostic in await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false))
                    {
                        diagnostics.Add((diagnostic, document.Project));
                    }

                    break;
                case FixAllScope.Project:
                    await AddProjectAsync(fixAllContext, fixAllContext.Project, diagnostics).ConfigureAwait(false);
                    break;
                case FixAllScope.Solution:
                    foreach (var project in fixAllContext.Solution.Projects)
                    {
                        await AddProjectAsync(fixAllContext, project, diagnostics).ConfigureAwait(false);
                    }

                    break;
            }

            var edits = new List<Edit>();
            foreach (var (diagnostic, project) in diagnostics)
            {
                if (Edit.From(diagnostic, project) is { } edit)
                {
                    edits.Add(edit);
                }
            }

            if (edits.Count == 0)
            {
                return null;
            }

            var solution = fixAllContext.Solution;
            return CodeAction.Create(
                "Set the configured TLS values to secure ones",
                cancellationToken => ApplyAsync(solution, edits, cancellationToken),
                fixAllContext.CodeActionEquivalenceKey);
        }

        private static async Task AddProjectAsync(FixAllContext context, Project project, List<(Diagnostic, Project)> diagnostics)
        {
            foreach (var diagnostic in await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false))
            {
                diagnostics.Add((diagnostic, project));
            }
        }
    }
}
