using System.Security.Cryptography;

namespace GLA.AppHost.Hosting;

/// <summary>Generated passwords for the local servers, kept beside their data and never shared.</summary>
public static class Secrets
{
    public static string LoadOrCreate(string path)
    {
        if (File.Exists(path)) return File.ReadAllText(path).Trim();
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(18)).ToLowerInvariant();
        File.WriteAllText(path, secret);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return secret;
    }
}
