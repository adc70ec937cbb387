using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using GLA.Contracts.Staff;
using GLA.ServiceDefaults.Messaging;
using GLA.Staff.Infrastructure;
using GLA.Staff.Model;
using Microsoft.EntityFrameworkCore;

namespace GLA.Staff.Imports;

/// <summary>
/// Works through one import: every row validated on its own (a bad row is reported with its
/// line and reason, the good ones still go in), matched by employee number so the same file
/// twice changes and announces nothing the second time. Each batch commits with its events
/// and the job's progress, so a crash resumes where it stopped.
/// </summary>
public sealed class ImportProcessor(StaffDbContext db, TimeProvider clock)
{
    public const int BatchSize = 250;
    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd-MM-yyyy", "dd.MM.yyyy"];
    private static readonly EmailAddressAttribute EmailCheck = new();

    private enum Outcome { Created, Updated, Unchanged }

    public async Task RunAsync(ImportJob job, CancellationToken cancellationToken)
    {
        List<(int Line, MisStaffRow Row)> rows;
        try
        {
            await db.Entry(job).Reference(j => j.File).LoadAsync(cancellationToken);
            rows = Parse(job.File!.Content);
        }
        catch (Exception ex) when (ex is CsvHelperException or InvalidDataException)
        {
            job.Errors = [new ImportError(0, "This is not a CSV file GLA can read: " + ex.Message.Split('\n')[0])];
            await FinishAsync(job, ImportStatus.Failed, cancellationToken);
            return;
        }
        job.TotalRows = rows.Count;
        var schools = await db.Schools.AsNoTracking().ToDictionaryAsync(s => s.Urn.Trim(), cancellationToken);
        // The first line each employee number and email appears on, for duplicates within the file.
        var firstLineOf = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, row) in rows)
        {
            foreach (var key in new[] { "n:" + row.EmployeeNumber?.Trim(), "e:" + row.WorkEmail?.Trim() })
            {
                firstLineOf.TryAdd(key, line);
            }
        }

        foreach (var batch in rows.Skip(job.RowsDone).Chunk(BatchSize))
        {
            try
            {
                await ApplyAsync(job, batch, schools, firstLineOf, saveEachRow: false, cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Something in the batch clashed (say, an email taken meanwhile): redo it a row at a time to find which.
                db.ChangeTracker.Clear();
                db.Attach(job);
                await ApplyAsync(job, batch, schools, firstLineOf, saveEachRow: true, cancellationToken);
            }
            job.RowsDone += batch.Length;
            job.HeartbeatAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            db.Attach(job);
        }
        await FinishAsync(job, ImportStatus.Completed, cancellationToken);
    }

    private async Task FinishAsync(ImportJob job, ImportStatus status, CancellationToken cancellationToken)
    {
        job.Status = status;
        job.FinishedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    private static List<(int Line, MisStaffRow Row)> Parse(byte[] content)
    {
        using var reader = new StreamReader(new MemoryStream(content), detectEncodingFromByteOrderMarks: true);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant(),
            TrimOptions = TrimOptions.Trim,
            MissingFieldFound = null,
            HeaderValidated = null,
            BadDataFound = null,
        };
        using var csv = new CsvReader(reader, configuration);
        var map = new MisStaffRowMap();
        // Headers are compared in lower case (PrepareHeaderForMatch), so the names must be too.
        foreach (var member in map.MemberMaps)
        {
            var names = member.Data.Names.Select(n => n.ToLowerInvariant()).ToList();
            member.Data.Names.Clear();
            member.Data.Names.AddRange(names);
        }
        csv.Context.RegisterClassMap(map);
        if (!csv.Read() || !csv.ReadHeader()) throw new InvalidDataException("the file is empty.");
        var header = (csv.HeaderRecord ?? []).Select(h => h.Trim()).ToArray();
        var missing = MisStaffRowMap.Required.Where(field => !MisStaffRowMap.NamesOf(field).Any(n => header.Contains(n, StringComparer.OrdinalIgnoreCase))).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"it has no column for {string.Join(", ", missing.Select(MisStaffRowMap.Describe))}.");
        }
        var rows = new List<(int, MisStaffRow)>();
        while (csv.Read())
        {
            rows.Add((csv.Parser.RawRow, csv.GetRecord<MisStaffRow>()));
        }
        return rows;
    }

    private async Task ApplyAsync(ImportJob job, (int Line, MisStaffRow Row)[] batch, Dictionary<string, School> schools,
        Dictionary<string, int> firstLineOf, bool saveEachRow, CancellationToken cancellationToken)
    {
        var numbers = batch.Select(b => b.Row.EmployeeNumber?.Trim()).OfType<string>().ToList();
        var emails = batch.Select(b => b.Row.WorkEmail?.Trim().ToLowerInvariant()).OfType<string>().ToList();
        var existing = await db.StaffMembers.Include(m => m.Contracts)
            .Where(m => numbers.Contains(m.EmployeeNumber)).AsSplitQuery().ToDictionaryAsync(m => m.EmployeeNumber, cancellationToken);
        var emailOwners = await db.StaffMembers.AsNoTracking().Where(m => emails.Contains(m.WorkEmail))
            .ToDictionaryAsync(m => m.WorkEmail, m => m.EmployeeNumber, cancellationToken);

        foreach (var (line, row) in batch)
        {
            var result = Apply(line, row, schools, firstLineOf, existing, emailOwners);
            if (result is string error)
            {
                job.Errors = [.. job.Errors, new ImportError(line, error)];
                continue;
            }
            if (saveEachRow)
            {
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException)
                {
                    db.ChangeTracker.Clear();
                    db.Attach(job);
                    job.Errors = [.. job.Errors, new ImportError(line, "It clashes with a record saved at the same time (usually the same work email); import the file again.")];
                    continue;
                }
            }
            switch ((Outcome)result!)
            {
                case Outcome.Created: job.Created++; break;
                case Outcome.Updated: job.Updated++; break;
                default: job.Unchanged++; break;
            }
        }
    }

    /// <summary>Applies one row to the tracked context: an <see cref="Outcome"/>, or the reason it cannot be.</summary>
    private object Apply(int line, MisStaffRow row, Dictionary<string, School> schools, Dictionary<string, int> firstLineOf,
        Dictionary<string, StaffMember> existing, Dictionary<string, string> emailOwners)
    {
        var number = row.EmployeeNumber?.Trim() ?? "";
        var email = row.WorkEmail?.Trim().ToLowerInvariant() ?? "";
        if (number.Length is 0 or > 30) return "The employee number is missing or longer than 30 characters.";
        if (firstLineOf["n:" + number] != line) return $"Employee number {number} is also on line {firstLineOf["n:" + number]}; each person once, please.";
        if (string.IsNullOrWhiteSpace(row.FirstName) || string.IsNullOrWhiteSpace(row.LastName)) return "The first name or last name is missing.";
        if (email.Length is 0 or > 254 || !EmailCheck.IsValid(email)) return $"'{row.WorkEmail}' is not a work email address.";
        if (firstLineOf["e:" + row.WorkEmail?.Trim()] != line) return $"{email} is also on line {firstLineOf["e:" + row.WorkEmail?.Trim()]}; each person needs their own work email.";
        if (StaffGroupOf(row.StaffGroup) is not { } group) return $"'{row.StaffGroup}' is not a staff group GLA knows: use Teacher, Support or Leadership.";
        if (string.IsNullOrWhiteSpace(row.JobTitle)) return "The job title is missing.";
        if (!schools.TryGetValue(row.SchoolUrn?.Trim() ?? "", out var school)) return $"No school in the trust has URN '{row.SchoolUrn}'. Add the school first.";
        if (!DateOnly.TryParseExact(row.StartDate?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)) return $"'{row.StartDate}' is not a date like 01/09/2025.";
        var fte = 1m;
        if (!string.IsNullOrWhiteSpace(row.Fte) && (!decimal.TryParse(row.Fte, NumberStyles.Number, CultureInfo.InvariantCulture, out fte) || fte <= 0 || fte > 1))
        {
            return $"'{row.Fte}' is not an FTE between 0 and 1.";
        }
        if (emailOwners.TryGetValue(email, out var owner) && owner != number) return $"{email} belongs to employee {owner} already.";

        var (first, last, title) = (row.FirstName!.Trim(), row.LastName!.Trim(), row.JobTitle!.Trim());
        var now = clock.GetUtcNow();
        if (existing.TryGetValue(number, out var member))
        {
            if (member.LeftOn is { } left) return $"Employee {number} left the trust on {left:d MMMM yyyy}; GLA keeps their record but will not change it.";
            if (!member.Contracts.Any(c => c.SchoolId == school.Id && c.EndDate is null))
            {
                return $"Employee {number} works at another school in GLA; record the move in GLA rather than by import.";
            }
            if (member.FirstName == first && member.LastName == last && member.WorkEmail == email && member.StaffGroup == group && member.JobTitle == title)
            {
                return Outcome.Unchanged;
            }
            (member.FirstName, member.LastName, member.WorkEmail, member.StaffGroup, member.JobTitle) = (first, last, email, group, title);
            db.AddIntegrationEvent(new StaffMemberDetailsChanged(member.Id, first, last, email, group, title, now));
            return Outcome.Updated;
        }

        member = new StaffMember { FirstName = first, LastName = last, WorkEmail = email, EmployeeNumber = number, StaffGroup = group, JobTitle = title };
        db.StaffMembers.Add(member);
        db.Contracts.Add(new Contract { StaffMemberId = member.Id, SchoolId = school.Id, Fte = fte, StartDate = start });
        db.AddIntegrationEvent(new StaffMemberJoined(member.Id, first, last, email, number, group, title, school.Id, school.Name, start, now));
        existing[number] = member;
        emailOwners[email] = number;
        return Outcome.Created;
    }

    /// <summary>The words MIS exports use for a staff category.</summary>
    private static StaffGroup? StaffGroupOf(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "teacher" or "teaching" or "teaching staff" or "ect" or "early career teacher" => StaffGroup.Teaching,
        "support" or "support staff" or "associate staff" or "non-teaching" => StaffGroup.Support,
        "leadership" or "leader" or "slt" or "senior leadership" => StaffGroup.Leadership,
        _ => null,
    };
}
