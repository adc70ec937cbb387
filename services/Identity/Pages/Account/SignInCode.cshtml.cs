using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GLA.Identity.Pages.Account;

/// <summary>The second step for accounts with two-step verification on.</summary>
public sealed class SignInCodeModel(SignInManager<Model.Account> signIn, ILogger<SignInCodeModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string Code { get; set; } = "";
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("SignIn", new { ReturnUrl }) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("SignIn", new { ReturnUrl });
        var code = Code.Replace(" ", "");
        var digits = code.Replace("-", "");
        // Six digits come from the app; anything else is one of the recovery codes (kept as shown, dash and all).
        var result = digits.Length == 6 && digits.All(char.IsDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(digits, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        logger.LogInformation("Second sign-in step refused: {Result}", result);
        Error = result.IsLockedOut
            ? "There have been too many attempts to sign in to this account. It is locked for 15 minutes."
            : "That code is not right. Try the newest code from your app.";
        return Page();
    }
}
