using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GLA.Identity.Pages.Security;

/// <summary>
/// Optional two-step verification with an authenticator app (TOTP, RFC 6238), offered to
/// everyone and recommended for leaders and administrators, whose access reaches furthest.
/// </summary>
[Authorize(AuthenticationSchemes = "Identity.Application")]
public sealed class TwoFactorModel(UserManager<Model.Account> users, SignInManager<Model.Account> signIn, IConfiguration configuration) : PageModel
{
    [BindProperty] public string Code { get; set; } = "";
    public bool Enabled { get; private set; }
    public string FormattedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var account = await users.GetUserAsync(User);
        if (account is null) return Challenge();
        await LoadAsync(account);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var account = await users.GetUserAsync(User);
        if (account is null) return Challenge();
        var code = Code.Replace(" ", "").Replace("-", "");
        if (!await users.VerifyTwoFactorTokenAsync(account, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            Error = "That code is not right. Check the time on your phone is correct and try the newest code.";
            await LoadAsync(account);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(account, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(account, 8) ?? []];
        await signIn.RefreshSignInAsync(account);
        Enabled = true;
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var account = await users.GetUserAsync(User);
        if (account is null) return Challenge();
        await users.SetTwoFactorEnabledAsync(account, false);
        // A new key next time: the old one may be on a lost phone.
        await users.ResetAuthenticatorKeyAsync(account);
        await signIn.RefreshSignInAsync(account);
        return RedirectToPage();
    }

    private async Task LoadAsync(Model.Account account)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(account);
        var key = await users.GetAuthenticatorKeyAsync(account);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(account);
            key = await users.GetAuthenticatorKeyAsync(account) ?? "";
        }
        FormattedKey = string.Join(" ", key.ToLowerInvariant().Chunk(4).Select(chunk => new string(chunk)));
        var issuer = Uri.EscapeDataString(configuration["Identity:TrustName"] ?? "GLA");
        AuthenticatorUri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(account.Email!)}?secret={key}&issuer={issuer}&digits=6";
    }
}
