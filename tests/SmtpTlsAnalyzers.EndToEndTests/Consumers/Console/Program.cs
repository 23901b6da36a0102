using System;

namespace Consumer;

public static class Program
{
    public static void Main() => Console.WriteLine("The analyzers report at build time; nothing here sends mail.");
}
