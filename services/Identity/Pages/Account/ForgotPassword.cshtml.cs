using GLA.Identity.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GLA.Identity.Pages.Account;

public sealed class ForgotPasswordModel(UserManager<Model.Account> users, Invitations invitations, AccountsDbContext db) : PageModel
{
    [BindProperty] public string Email { get; set; } = "";
    public bool Sent { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // The same answer whether or not the address exists, so the page reveals no accounts.
        Sent = true;
        var account = await users.FindByEmailAsync(Email.Trim());
        if (account is null || account.IsDisabled) return Page();
        // A password reset is a fresh one-time invitation to choose a password.
        var link = invitations.Create(account);
        await db.SaveChangesAsync(cancellationToken);
        await invitations.SendAsync(account, link, cancellationToken, passwordReset: true);
        return Page();
    }
}
