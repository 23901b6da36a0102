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
/// SMTP014: makes the configured connection require TLS, in the configuration file or, where the file cannot, in the
/// code. The diagnostic is in the code that reads the setting, its first additional location the value in
/// appsettings*.json or App.config, and its Fix property says which edit the analyzer chose:
/// <list type="bullet">
/// <item>in the file, the value is replaced: <c>false</c> becomes <c>true</c> for EnableSsl (and for useSsl on an
/// implicit-TLS port), a SecureSocketOptions value becomes <c>"StartTls"</c> or, on 465/993/995,
/// <c>"SslOnConnect"</c>. The fix does nothing when the file no longer has the value the analyzer saw;</item>
/// <item>in the code, a useSsl flag off the implicit-TLS port (at the reported location) becomes
/// <c>flag ? SslOnConnect : StartTls</c>: true in the file would start TLS where the server expects plain text first,
/// so false must require STARTTLS instead (see <see cref="UseSslChoiceEdit"/>, written with the language's
/// SyntaxGenerator, so one provider serves C# and Visual Basic).</item>
/// </list>
/// Each diagnostic has one fix, under one equivalence key. Roslyn's batch Fix All only merges changes to source
/// documents, so Fix All here collects the edits itself: each configuration file and each source document is edited
/// once, whatever mix of the two the scope holds.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, LanguageNames.VisualBasic, Name = nameof(ConfigurationTurnsTlsOffCodeFixProvider))]
public sealed class ConfigurationTurnsTlsOffCodeFixProvider : CodeFixProvider
{
    public const string Key = "SMTP014_RequireTls";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ConfigurationTurnsTlsOff);

    public override FixAllProvider? GetFixAllProvider() => ConfigurationFixAll.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var project = context.Document.Project;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (Edit.From(diagnostic, project) is not { } edit)
            {
                continue;
            }

            var title = await edit.TitleAsync(project.Solution, context.CancellationToken).ConfigureAwait(false);
            if (title is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(title, cancellationToken => ApplyAsync(project.Solution, new[] { edit }, cancellationToken), Key),
                diagnostic);
        }
    }

    private static async Task<Solution> ApplyAsync(Solution solution, IEnumerable<Edit> edits, CancellationToken cancellationToken)
    {
        foreach (var file in edits.OfType<ValueEdit>().GroupBy(edit => edit.DocumentId))
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

        foreach (var code in edits.OfType<CodeEdit>().GroupBy(edit => edit.DocumentId))
        {
            if (solution.GetDocument(code.Key) is { } document)
            {
                var edited = await UseSslChoiceEdit.ApplyAsync(document, code.Select(edit => edit.Span), cancellationToken).ConfigureAwait(false);
                solution = edited.Project.Solution;
            }
        }

        return solution;
    }

    /// <summary>One edit a diagnostic asks for, in a configuration file or in a source document of the project.</summary>
    private abstract class Edit
    {
        protected Edit(DocumentId documentId, TextSpan span)
        {
            DocumentId = documentId;
            Span = span;
        }

        public DocumentId DocumentId { get; }
        public TextSpan Span { get; }

        /// <summary>The title of the fix; null when there is nothing to fix any more.</summary>
        public abstract Task<string?> TitleAsync(Solution solution, CancellationToken cancellationToken);

        public static Edit? From(Diagnostic diagnostic, Project project)
        {
            diagnostic.Properties.TryGetValue(DiagnosticProperties.Fix, out var fix);
            return fix switch
            {
                ConfigurationVerdicts.ReplaceConfigurationValue => ValueEdit.From(diagnostic, project),
                ConfigurationVerdicts.RequireTlsInCode when diagnostic.Location.SourceTree is { } tree && project.GetDocument(tree) is { } document =>
                    new CodeEdit(document.Id, diagnostic.Location.SourceSpan),
                _ => null,
            };
        }
    }

    /// <summary>One value to replace in one configuration file of the project.</summary>
    private sealed class ValueEdit : Edit
    {
        private readonly string _fileName;

        private ValueEdit(DocumentId documentId, string fileName, TextSpan span, string original, string replacement)
            : base(documentId, span)
        {
            _fileName = fileName;
            Original = original;
            Replacement = replacement;
        }

        public string Original { get; }
        public string Replacement { get; }

        public override Task<string?> TitleAsync(Solution solution, CancellationToken cancellationToken) =>
            Task.FromResult<string?>("Set the value to " + Replacement + " in " + _fileName);

        public static new ValueEdit? From(Diagnostic diagnostic, Project project)
        {
            if (!diagnostic.Properties.TryGetValue(ConfigurationVerdicts.Replacement, out var replacement) || replacement is null ||
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
                    return new ValueEdit(document.Id, document.Name, location.SourceSpan, original, replacement);
                }
            }

            return null;
        }
    }

    /// <summary>A useSsl flag of a Connect call (the reported location) to turn into a required-TLS choice.</summary>
    private sealed class CodeEdit : Edit
    {
        public CodeEdit(DocumentId documentId, TextSpan span)
            : base(documentId, span)
        {
        }

        public override async Task<string?> TitleAsync(Solution solution, CancellationToken cancellationToken)
        {
            if (solution.GetDocument(DocumentId) is not { } document ||
                await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root ||
                await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model)
            {
                return null;
            }

            return UseSslChoiceEdit.FindFlag(root, model, Span, cancellationToken) is { } flag ? UseSslChoiceEdit.Title(flag) : null;
        }
    }

    /// <summary>Fix All: every edit of the scope, each configuration file and each source document edited once.</summary>
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
                "Make the configured connections require TLS",
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
