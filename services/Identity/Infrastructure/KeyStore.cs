using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace GLA.Identity.Infrastructure;

/// <summary>
/// The RSA keys that sign tokens and encrypt codes, kept as PEM files in Identity:KeysPath so
/// tokens survive a restart and every replica signs with the same key. In production point
/// the path at a protected volume (or replace with certificates from a key vault).
/// </summary>
public static class KeyStore
{
    public static string KeysPath(IConfiguration configuration) =>
        configuration["Identity:KeysPath"]
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "GLA", "identity-keys");

    public static RsaSecurityKey LoadOrCreate(string folder, string name)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".pem");
        var rsa = RSA.Create();
        if (File.Exists(path))
        {
            rsa.ImportFromPem(File.ReadAllText(path));
        }
        else
        {
            rsa.KeySize = 2048;
            var pem = rsa.ExportPkcs8PrivateKeyPem();
            // Write then move, so a replica starting at the same moment never reads half a key.
            var temporary = path + "." + Guid.NewGuid().ToString("n");
            File.WriteAllText(temporary, pem);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            try { File.Move(temporary, path); }
            catch (IOException) { File.Delete(temporary); rsa.ImportFromPem(File.ReadAllText(path)); }
        }
        return new RsaSecurityKey(rsa) { KeyId = name + "-" + Convert.ToHexString(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()))[..16] };
    }
}
