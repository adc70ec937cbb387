using GLA.Evidence.Model;
using GLA.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace GLA.Evidence.Infrastructure;

public sealed class EvidenceDbContext(DbContextOptions<EvidenceDbContext> options) : DbContext(options)
{
    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<StaffMember>(member =>
        {
            // Ids come from the Staff service.
            member.Property(m => m.Id).ValueGeneratedNever();
            member.Property(m => m.FirstName).HasMaxLength(100);
            member.Property(m => m.LastName).HasMaxLength(100);
            member.Property(m => m.WorkEmail).HasMaxLength(254);
            member.Property(m => m.StaffGroup).HasConversion<string>().HasMaxLength(20);
            member.Property(m => m.JobTitle).HasMaxLength(150);
            member.Property(m => m.SchoolName).HasMaxLength(200);
            member.HasIndex(m => m.SchoolId);
        });
        modelBuilder.AddOutboxAndInbox();
    }
}
