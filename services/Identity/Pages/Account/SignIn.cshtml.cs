using GLA.Identity.Infrastructure;
using GLA.Identity.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GLA.Identity.Pages.Account;

public sealed class SignInModel(SignInManager<Model.Account> signIn, UserManager<Model.Account> users, IConfiguration configuration) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    public string? Error { get; private set; }
    public ExternalProvider.Settings? External { get; } = ExternalProvider.From(configuration);

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (External is { Only: true }) return Forbid();
        var account = await users.FindByEmailAsync(Email.Trim());
        if (account is { IsDisabled: true })
        {
            Error = "This account has been closed. Ask your school's office if you think that is wrong.";
            return Page();
        }
        var result = account is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(account, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("SignInCode", new { ReturnUrl });
        }
        if (result.Succeeded)
        {
            // Only ever back into GLA, never to another site.
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        Error = result.IsLockedOut
            ? "There have been too many attempts to sign in to this account. It is locked for 15 minutes."
            : "The email address or password is not right.";
        return Page();
    }
}
