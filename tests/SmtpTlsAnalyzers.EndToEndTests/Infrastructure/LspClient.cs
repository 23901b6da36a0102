using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace SmtpTlsAnalyzers.EndToEndTests.Infrastructure;

/// <summary>
/// A minimal Language Server Protocol client over stdio: JSON-RPC 2.0 messages framed by Content-Length headers.
/// It answers the server's requests (workspace/configuration through <see cref="ConfigurationSection"/>, anything
/// else with null) and keeps the last lines of the server's log for failure messages.
/// </summary>
internal sealed class LspClient : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Stream _input;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly ConcurrentQueue<string> _log = new();
    private readonly Func<string?, JsonNode?> _configuration;
    private readonly Task _reader;
    private readonly Task _stderr;
    private int _nextId;

    private LspClient(Process process, Func<string?, JsonNode?> configuration)
    {
        _process = process;
        _input = process.StandardInput.BaseStream;
        _configuration = configuration;
        _reader = Task.Run(ReadLoopAsync);
        _stderr = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                Log("stderr: " + line);
            }
        });
    }

    /// <summary>Starts the server; <paramref name="configuration"/> maps a configuration section to its value.</summary>
    public static LspClient Start(ProcessStartInfo startInfo, Func<string?, JsonNode?> configuration)
    {
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("The language server did not start.");
        return new LspClient(process, configuration);
    }

    /// <summary>The last lines the server logged (stderr and window/logMessage), for failure messages.</summary>
    public string RecentLog => string.Join('\n', _log);

    public async Task<JsonElement> RequestAsync(string method, JsonNode? parameters, TimeSpan timeout)
    {
        var id = Interlocked.Increment(ref _nextId);
        var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = completion;
        await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters }).ConfigureAwait(false);
        try
        {
            return await completion.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{method} got no answer within {timeout.TotalSeconds} s. Server log:\n{RecentLog}");
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    public Task NotifyAsync(string method, JsonNode? parameters) =>
        SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await RequestAsync("shutdown", null, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
                await NotifyAsync("exit", null).ConfigureAwait(false);
                using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _process.WaitForExitAsync(exited.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException or IOException or InvalidOperationException)
        {
            // The server is killed below.
        }
        finally
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }

            await Task.WhenAny(Task.WhenAll(_reader, _stderr), Task.Delay(TimeSpan.FromSeconds(5))).ConfigureAwait(false);
            _process.Dispose();
            _writeLock.Dispose();
        }
    }

    private async Task SendAsync(JsonNode message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await _input.WriteAsync(header).ConfigureAwait(false);
            await _input.WriteAsync(body).ConfigureAwait(false);
            await _input.FlushAsync().ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task ReadLoopAsync()
    {
        var output = _process.StandardOutput.BaseStream;
        try
        {
            while (true)
            {
                var length = await ReadContentLengthAsync(output).ConfigureAwait(false);
                if (length < 0)
                {
                    break;
                }

                var body = new byte[length];
                await output.ReadExactlyAsync(body).ConfigureAwait(false);
                await DispatchAsync(JsonDocument.Parse(body).RootElement.Clone()).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or ObjectDisposedException)
        {
            Log("reader stopped: " + e.Message);
        }
        finally
        {
            foreach (var pending in _pending.Values)
            {
                pending.TrySetException(new IOException("The language server closed its output. Server log:\n" + RecentLog));
            }
        }
    }

    /// <summary>Reads header lines up to the blank line; returns the Content-Length, or -1 at the end of the stream.</summary>
    private static async Task<int> ReadContentLengthAsync(Stream stream)
    {
        var length = -1;
        var line = new StringBuilder();
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one).ConfigureAwait(false) == 0)
            {
                return -1;
            }

            if (one[0] != '\n')
            {
                line.Append((char)one[0]);
                continue;
            }

            var text = line.ToString().TrimEnd('\r');
            line.Clear();
            if (text.Length == 0)
            {
                if (length >= 0)
                {
                    return length;
                }

                continue;
            }

            if (text.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(text["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    private async Task DispatchAsync(JsonElement message)
    {
        var hasId = message.TryGetProperty("id", out var id);
        if (message.TryGetProperty("method", out var method))
        {
            var name = method.GetString();
            if (name == "window/logMessage" && message.TryGetProperty("params", out var logParams))
            {
                Log(logParams.GetProperty("message").GetString() ?? string.Empty);
            }

            if (hasId)
            {
                await SendAsync(new JsonObject
                {
                    ["jsonrpc"] = "2.0",
                    ["id"] = JsonNode.Parse(id.GetRawText()),
                    ["result"] = name == "workspace/configuration" ? AnswerConfiguration(message.GetProperty("params")) : null,
                }).ConfigureAwait(false);
            }

            return;
        }

        if (hasId && id.ValueKind == JsonValueKind.Number && _pending.TryGetValue(id.GetInt32(), out var completion))
        {
            if (message.TryGetProperty("error", out var error))
            {
                completion.TrySetException(new InvalidOperationException("LSP error: " + error.GetRawText()));
            }
            else
            {
                completion.TrySetResult(message.TryGetProperty("result", out var result) ? result : default);
            }
        }
    }

    private JsonArray AnswerConfiguration(JsonElement parameters)
    {
        var answers = new JsonArray();
        foreach (var item in parameters.GetProperty("items").EnumerateArray())
        {
            var section = item.TryGetProperty("section", out var s) ? s.GetString() : null;
            answers.Add(_configuration(section));
        }

        Log("answered workspace/configuration: " + answers.ToJsonString());
        return answers;
    }

    private void Log(string line)
    {
        _log.Enqueue(line);
        while (_log.Count > 200 && _log.TryDequeue(out _))
        {
        }
    }
}
