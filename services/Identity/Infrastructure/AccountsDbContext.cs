using GLA.Identity.Model;
using GLA.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace GLA.Identity.Infrastructure;

public sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options)
    : IdentityDbContext<Account, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<AccountSchool> AccountSchools => Set<AccountSchool>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<AppraiseeLink> AppraiseeLinks => Set<AppraiseeLink>();
    /// <summary>Cookie and token-protection keys, shared by every replica and kept across restarts.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Account>(account =>
        {
            account.Property(a => a.DisplayName).HasMaxLength(200);
            account.HasIndex(a => a.StaffMemberId).IsUnique();
            account.HasMany(a => a.Schools).WithOne().HasForeignKey(s => s.AccountId);
        });
        modelBuilder.Entity<AccountSchool>().HasKey(s => new { s.AccountId, s.SchoolId });
        modelBuilder.Entity<Invitation>(invitation =>
        {
            invitation.Property(i => i.TokenHash).HasMaxLength(64);
            invitation.HasIndex(i => i.TokenHash).IsUnique();
        });
        modelBuilder.Entity<AppraiseeLink>(link =>
        {
            link.HasKey(l => l.AppraiseeStaffMemberId);
            link.HasIndex(l => l.AppraiserStaffMemberId);
        });
        modelBuilder.UseOpenIddict();
        modelBuilder.AddOutboxAndInbox();
    }
}
