using GLA.ServiceDefaults.Messaging;
using System.Text.Json;
using GLA.Staff.Imports;
using GLA.Staff.Model;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore;

namespace GLA.Staff.Infrastructure;

public sealed class StaffDbContext(DbContextOptions<StaffDbContext> options) : DbContext(options)
{
    public DbSet<School> Schools => Set<School>();
    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();
    public DbSet<Contract> Contracts => Set<Contract>();
    public DbSet<TrustSettings> TrustSettings => Set<TrustSettings>();
    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();

    /// <summary>Staff members with everything a record shows: contracts with their schools, and the appraiser history.</summary>
    public IQueryable<StaffMember> StaffRecords =>
        StaffMembers.Include(m => m.Contracts).ThenInclude(c => c.School).Include(m => m.AppraiserHistory).AsSplitQuery();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<School>(school =>
        {
            school.Property(s => s.Name).HasMaxLength(200);
            school.Property(s => s.Urn).HasMaxLength(6).IsFixedLength();
            school.HasIndex(s => s.Urn).IsUnique();
            school.Property(s => s.Phase).HasConversion<string>().HasMaxLength(30);
            school.Property(s => s.LocalAuthority).HasMaxLength(100);
            school.Property(s => s.Address).HasMaxLength(500);
            school.HasMany(s => s.Sites).WithOne().HasForeignKey(site => site.SchoolId);
        });
        modelBuilder.Entity<Site>(site =>
        {
            site.Property(x => x.Name).HasMaxLength(200);
            site.Property(x => x.Address).HasMaxLength(500);
            site.HasIndex(x => new { x.SchoolId, x.Name }).IsUnique();
        });
        modelBuilder.Entity<StaffMember>(member =>
        {
            member.Property(m => m.FirstName).HasMaxLength(100);
            member.Property(m => m.LastName).HasMaxLength(100);
            member.Property(m => m.WorkEmail).HasMaxLength(254);
            member.HasIndex(m => m.WorkEmail).IsUnique();
            member.Property(m => m.EmployeeNumber).HasMaxLength(30);
            member.HasIndex(m => m.EmployeeNumber).IsUnique();
            member.Property(m => m.StaffGroup).HasConversion<string>().HasMaxLength(20);
            member.Property(m => m.JobTitle).HasMaxLength(150);
            member.HasMany(m => m.Contracts).WithOne().HasForeignKey(c => c.StaffMemberId);
            member.HasMany(m => m.AppraiserHistory).WithOne().HasForeignKey(a => a.StaffMemberId);
            member.HasOne<StaffMember>().WithMany().HasForeignKey(m => m.AppraiserId).OnDelete(DeleteBehavior.Restrict);
            member.HasIndex(m => m.AppraiserId);
            member.Property(m => m.Version).IsRowVersion();
        });
        modelBuilder.Entity<Contract>(contract =>
        {
            contract.Property(c => c.Fte).HasPrecision(4, 3);
            contract.HasOne(c => c.School).WithMany().HasForeignKey(c => c.SchoolId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<TrustSettings>(settings =>
        {
            settings.Property(t => t.Id).ValueGeneratedNever();
            settings.Property(t => t.TrustName).HasMaxLength(200);
            settings.Property(t => t.Version).IsRowVersion();
            settings.HasData(new TrustSettings());
        });
        modelBuilder.Entity<ImportJob>(job =>
        {
            job.Property(j => j.FileName).HasMaxLength(260);
            job.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
            job.Property(j => j.RequestedBy).HasMaxLength(200);
            job.Property(j => j.Errors).HasColumnType("jsonb").HasConversion(
                errors => JsonSerializer.Serialize(errors, JsonSerializerOptions.Web),
                json => JsonSerializer.Deserialize<List<ImportError>>(json, JsonSerializerOptions.Web) ?? new List<ImportError>(),
                new ValueComparer<List<ImportError>>((a, b) => a!.SequenceEqual(b!), list => list.Count, list => list.ToList()));
            job.HasIndex(j => new { j.Status, j.QueuedAt });
            job.HasOne(j => j.File).WithOne().HasForeignKey<ImportFile>(f => f.ImportJobId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ImportFile>().HasKey(f => f.ImportJobId);
        modelBuilder.Entity<AppraiserAssignment>(assignment =>
        {
            assignment.HasOne<StaffMember>().WithMany().HasForeignKey(a => a.AppraiserId).OnDelete(DeleteBehavior.Restrict);
            assignment.HasIndex(a => new { a.StaffMemberId, a.From });
        });
        modelBuilder.AddOutboxAndInbox();
    }
}
