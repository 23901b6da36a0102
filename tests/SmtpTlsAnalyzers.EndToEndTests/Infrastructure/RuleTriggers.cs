using System.Collections.Generic;
using System.Linq;

namespace SmtpTlsAnalyzers.EndToEndTests.Infrastructure;

/// <summary>A method body that raises exactly one diagnostic of a rule, on the line marked <c>// expect</c>.</summary>
/// <param name="Usings">The using directives the body needs.</param>
/// <param name="Body">Statements; <c>{host}</c> is replaced by the host each variant connects to.</param>
internal sealed record RuleTrigger(string Usings, string Body);

/// <summary>
/// The triggers the .editorconfig tests use. Covering a rule there is one entry here (its id, usings and body); an
/// entry whose rule is not in the README table yet is dormant. SMTP001 (System.Net.Mail) and SMTP004 (MailKit) are
/// both covered, one per analyzer family.
/// </summary>
internal static class RuleTriggers
{
    private static readonly Dictionary<string, RuleTrigger> Triggers = new()
    {
        ["SMTP001"] = new(
            "using System.Net.Mail;",
            """
            using var client = new SmtpClient("{host}", 587);
            client.EnableSsl = false; // expect
            client.Send(new MailMessage());
            """),
        ["SMTP004"] = new(
            "using MailKit.Net.Smtp;\nusing MailKit.Security;",
            """
            using var client = new SmtpClient();
            client.Connect("{host}", 587, SecureSocketOptions.StartTlsWhenAvailable); // expect
            """),
    };

    public static IEnumerable<string> Ids => Triggers.Keys.Where(RepositoryFacts.RulesById.ContainsKey).Order();

    public static RuleTrigger For(string id) => Triggers[id];
}
