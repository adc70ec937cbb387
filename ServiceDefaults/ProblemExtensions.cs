using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

public static class ProblemExtensions
{
    /// <summary>
    /// True when a save failed on a unique index; <paramref name="constraint"/> names it so
    /// the caller can turn a race on a duplicate into the same field error as the pre-check.
    /// </summary>
    public static bool IsUniqueViolation(this DbUpdateException exception, out string constraint)
    {
        if (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres)
        {
            constraint = postgres.ConstraintName ?? "";
            return true;
        }
        constraint = "";
        return false;
    }

    /// <summary>One field error, shaped like the framework's own validation problems.</summary>
    public static Dictionary<string, string[]> FieldError(string field, string message) => new() { [field] = [message] };
}
