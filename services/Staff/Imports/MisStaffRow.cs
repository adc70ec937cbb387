using CsvHelper.Configuration;

namespace GLA.Staff.Imports;

/// <summary>
/// One row of a school MIS staff export. Column names follow SIMS and Arbor exports; each
/// field accepts the names either system uses (see the README's mapping table).
/// </summary>
public sealed class MisStaffRow
{
    public string? EmployeeNumber { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? WorkEmail { get; set; }
    public string? StaffGroup { get; set; }
    public string? JobTitle { get; set; }
    public string? SchoolUrn { get; set; }
    public string? StartDate { get; set; }
    public string? Fte { get; set; }
}

public sealed class MisStaffRowMap : ClassMap<MisStaffRow>
{
    /// <summary>The header names accepted for each field (compared without case).</summary>
    private static readonly Dictionary<string, string[]> Names = new()
    {
        [nameof(MisStaffRow.EmployeeNumber)] = ["Employee Number", "Staff Code", "Payroll Number", "EmployeeNumber"],
        [nameof(MisStaffRow.FirstName)] = ["Legal Forename", "Forename", "First Name", "FirstName"],
        [nameof(MisStaffRow.LastName)] = ["Legal Surname", "Surname", "Last Name", "LastName"],
        [nameof(MisStaffRow.WorkEmail)] = ["Work Email", "Work Email Address", "Email", "WorkEmail"],
        [nameof(MisStaffRow.StaffGroup)] = ["Staff Category", "Staff Group", "Role Type", "StaffGroup"],
        [nameof(MisStaffRow.JobTitle)] = ["Job Title", "Post", "Role", "JobTitle"],
        [nameof(MisStaffRow.SchoolUrn)] = ["School URN", "URN", "Establishment URN", "SchoolUrn"],
        [nameof(MisStaffRow.StartDate)] = ["Start Date", "Employment Start Date", "Contract Start Date", "StartDate"],
        [nameof(MisStaffRow.Fte)] = ["FTE", "Full Time Equivalent", "Fte"],
    };

    /// <summary>Every column but FTE must be in the file.</summary>
    public static readonly string[] Required = [.. Names.Keys.Where(k => k != nameof(MisStaffRow.Fte))];

    public static IEnumerable<string> NamesOf(string field) => Names[field];

    public static string Describe(string field) => $"'{Names[field][0]}'";

    public MisStaffRowMap()
    {
        foreach (var property in typeof(MisStaffRow).GetProperties())
        {
            Map(typeof(MisStaffRow), property).Name(Names[property.Name]).Optional();
        }
    }
}
