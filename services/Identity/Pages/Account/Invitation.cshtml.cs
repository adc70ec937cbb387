using GLA.Identity.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GLA.Identity.Pages.Account;

public sealed class InvitationModel(Invitations invitations, UserManager<Model.Account> users, AccountsDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Token { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty] public string Confirm { get; set; } = "";
    public string? DisplayName { get; private set; }
    public bool Invalid { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var invitation = await invitations.FindOpenAsync(Token, cancellationToken);
        Invalid = invitation is null;
        DisplayName = invitation?.Account?.DisplayName;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var invitation = await invitations.FindOpenAsync(Token, cancellationToken);
        if (invitation?.Account is not { } account)
        {
            Invalid = true;
            return Page();
        }
        DisplayName = account.DisplayName;
        if (Password != Confirm)
        {
            Error = "The two passwords are not the same.";
            return Page();
        }
        // Replace any earlier password: the link proves who this is.
        var reset = await users.ResetPasswordAsync(account, await users.GeneratePasswordResetTokenAsync(account), Password);
        if (!reset.Succeeded)
        {
            Error = string.Join(" ", reset.Errors.Select(e => e.Description));
            return Page();
        }
        invitation.AcceptedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
        // Then on into GLA: /signin starts the web app's sign-in, which finds them signed in here.
        return LocalRedirect("/account/signin?ReturnUrl=%2Fsignin");
    }
}
