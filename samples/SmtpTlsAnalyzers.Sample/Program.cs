using System;

namespace SmtpTlsAnalyzers.Sample;

internal static class Program
{
    private static void Main(string[] args)
    {
        // Nothing here is run against a real server: the sample exists for its build output.
        Console.WriteLine("Build this project to see the SmtpTlsAnalyzers warnings: Insecure/ raises them, Secure/ does not.");
        if (args.Length > 0 && args[0] == "--list")
        {
            Console.WriteLine(typeof(Insecure.SystemNetMail).FullName);
            Console.WriteLine(typeof(Secure.SystemNetMail).FullName);
            Console.WriteLine(typeof(Insecure.ServerIdentity).FullName);
            Console.WriteLine(typeof(Secure.ServerIdentity).FullName);
            Console.WriteLine(typeof(Insecure.MailKitConnections).FullName);
            Console.WriteLine(typeof(Secure.MailKitConnections).FullName);
        }
    }
}
