using GLA.Identity.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GLA.Identity.Pages.Account;

/// <summary>Starts sign-in at the trust's own provider, and on the way back finds the person's account.</summary>
public sealed class ExternalModel(SignInManager<Model.Account> signIn, UserManager<Model.Account> users, ILogger<ExternalModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public IActionResult OnGet()
    {
        var back = Url.Page("External", "Done", new { ReturnUrl });
        return Challenge(signIn.ConfigureExternalAuthenticationProperties(ExternalProvider.Scheme, back), ExternalProvider.Scheme);
    }

    public async Task<IActionResult> OnGetDoneAsync()
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        var email = info is null ? null : ExternalProvider.WorkEmail(info.Principal);
        var account = email is null ? null : await users.FindByEmailAsync(email);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        if (account is null || account.IsDisabled)
        {
            logger.LogInformation("External sign-in for {Email} matched no open account", email ?? "(no email)");
            Error = email is null
                ? "Your organisation's sign-in did not tell us your work email address, so we cannot find your GLA account."
                : $"There is no open GLA account for {email}. Ask your school's office to check the email address on your staff record.";
            return Page();
        }
        // Their own provider has checked who they are (and any second factor it requires).
        await signIn.SignInAsync(account, isPersistent: false, authenticationMethod: ExternalProvider.Scheme);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
