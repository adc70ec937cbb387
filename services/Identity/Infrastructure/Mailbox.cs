namespace GLA.Identity.Infrastructure;

/// <summary>
/// Where messages to people go when no mail server is configured: one text file per message
/// in Identity:MailboxPath (a pickup folder, as .NET's SMTP pickup directory), for the trust
/// admin to forward. Only these files hold the links; the database keeps hashes.
/// </summary>
public sealed class Mailbox(IConfiguration configuration, ILogger<Mailbox> logger)
{
    public string Folder { get; } = configuration["Identity:MailboxPath"]
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "GLA", "mailbox");

    public async Task<string> SendAsync(string to, string subject, string body, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var safe = string.Concat(to.Select(c => char.IsLetterOrDigit(c) || c is '.' or '@' or '-' ? c : '_'));
        var path = Path.Combine(Folder, $"{DateTimeOffset.UtcNow:yyyyMMddHHmmssfff}-{safe}.txt");
        await File.WriteAllTextAsync(path, $"To: {to}\nSubject: {subject}\n\n{body}\n", cancellationToken);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        logger.LogInformation("Message '{Subject}' for {To} written to {Path}", subject, to, path);
        return path;
    }
}
